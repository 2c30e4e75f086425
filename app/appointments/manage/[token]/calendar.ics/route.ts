import { z } from "zod";
import { manageLinkCalendarFile } from "@/lib/booking/calendar-file";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http";

// A manage-link token: 32 random bytes in base64url. Anything else opens nothing (and costs no query).
const paramsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" };

/**
 * "Add to calendar": the booked appointment behind a manage link as an .ics download. 404 for a link
 * that opens no booked appointment (unknown, cancelled, moved or over); never cached, never logged.
 */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const parsed = paramsSchema.safeParse(await params);
  const file = parsed.success
    ? await manageLinkCalendarFile(await getDb(), { token: parsed.data.token, now: new Date(), appUrl: env().APP_URL })
    : null;
  if (!file)
    return new Response("Not found\n", {
      status: 404,
      headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(file, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="appointment.ics"',
    },
  });
});
