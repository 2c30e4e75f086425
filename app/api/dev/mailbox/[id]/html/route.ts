import { getMailboxEmail } from "@/db/queries/mailbox";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http";

/** An email's HTML for the mailbox page's sandboxed frame (next.config.ts gives it its own policy). */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  if (!env().DEV_MAILBOX) return new Response("Not found", { status: 404 });
  const email = await getMailboxEmail(await getDb(), (await params).id);
  if (!email) return new Response("Not found", { status: 404 });
  return new Response(email.html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
});
