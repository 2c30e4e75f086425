import { getMailboxEmail } from "@/db/queries/mailbox";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http";

type Attachment = { filename: string; contentType: string; content: string };

/** Downloads one attachment of a development-mailbox email (e.g. the calendar file). */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string; n: string }> }) => {
  if (!env().DEV_MAILBOX) return new Response("Not found", { status: 404 });
  const { id, n } = await params;
  const email = await getMailboxEmail(await getDb(), id);
  const attachment = email && /^\d{1,2}$/.test(n) ? (email.attachments as Attachment[])[Number(n)] : undefined;
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(attachment.content, "base64"), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
});
