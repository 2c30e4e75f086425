// The page every patient and staff page gives while the database cannot be reached (proxy.ts):
// status 503 with Retry-After, a calm sentence, and the emergency advice, which needs no database.
import { RETRY_AFTER_SECONDS } from "@/db/errors";

type Memo = { emergencyNumber: string | null };

// On globalThis: the server's start-up writes it, proxy.ts (its own bundle) reads it.
const memo: Memo = ((globalThis as { __backtrackEmergencyNumber?: Memo }).__backtrackEmergencyNumber ??= {
  emergencyNumber: null,
});

/** Keeps the clinic's emergency number for the outage page, which cannot read the clinic's settings. */
export function rememberEmergencyNumber(emergencyNumber: string | null | undefined): void {
  memo.emergencyNumber = emergencyNumber?.trim().slice(0, 30) || null;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The outage page: 503, Retry-After, never cached; its one inline style carries the request's nonce. */
export function unavailablePage(nonce: string): Response {
  const number = memo.emergencyNumber;
  const call = number
    ? `call <a href="tel:${escape(number.replace(/[^\d+]/g, ""))}">${escape(number)}</a>`
    : "call your local emergency number";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Please try again in a minute</title>
<style nonce="${escape(nonce)}">
body { font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; margin: 0; padding: 24px; }
main { max-width: 40rem; margin: 0 auto; }
.note { border-left: 6px solid #1f2933; background: #f3f5f7; padding: 12px 16px; margin-top: 24px; }
a { color: #0b4f8a; }
</style>
</head>
<body>
<main>
<h1>We cannot reach our system just now</h1>
<p>Please try again in a minute. Answers you already saved are safe.</p>
<p><strong>If this is an emergency, ${call} now.</strong></p>
<div class="note">
<p><strong>Go to the emergency department now if you have:</strong> numbness or tingling between your legs or around your genitals or bottom, new trouble passing urine or leaking urine without feeling it, loss of control or feeling of your bowels, or weakness in both legs. If you cannot pass urine at all, or cannot get there safely, ${call}.</p>
</div>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    },
  });
}
