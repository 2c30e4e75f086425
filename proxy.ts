import { type NextRequest, NextResponse } from "next/server";
import { databaseRecentlyDown } from "@/db/errors";
import { env } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/security-headers";
import { unavailablePage } from "@/lib/unavailable";

/**
 * A Content-Security-Policy with a fresh nonce on every request. Next reads the nonce from the
 * request's policy header and puts it on its own scripts, so no inline script runs without it.
 * The matcher leaves out /api: JSON responses carry no scripts and get a fixed deny-all policy.
 * In production on https every page also carries Strict-Transport-Security (HSTS); while the
 * database cannot be reached, pages answer 503 (see answersUnavailable).
 */
export function proxy(request: NextRequest) {
  const hsts = strictTransportSecurity(env());
  const response = respond(request);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

function respond(request: NextRequest): Response {
  // Staff pages: a visitor with no session cookie goes to sign-in. Only a convenience: every staff
  // page, action and API route checks the session and role on the server itself.
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/staff") && !pathname.startsWith("/staff/sign-in") && !hasSessionCookie(request)) {
    const url = new URL("/staff/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  if (answersUnavailable(request)) return unavailablePage(nonce);
  const dev = process.env.NODE_ENV === "development"; // eslint-disable-line no-restricted-properties
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Dev injects styles for hot reload; production serves stylesheets from 'self'.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * Whether to answer with the outage page (503, Retry-After): the database could not be reached
 * within the last 30 seconds (a failed statement or open noted it, db/errors.ts; any statement that
 * succeeds clears it, and the email worker and /api/health try it every few seconds). The landing
 * page needs no database and shows its emergency advice as usual. A server action is let through:
 * its form shows the outage message itself (app/error.tsx), which a page of HTML could not do.
 */
function answersUnavailable(request: NextRequest): boolean {
  if (!databaseRecentlyDown()) return false;
  return request.nextUrl.pathname !== "/" && !request.headers.has("next-action");
}

/** Whether the request carries an Auth.js session cookie (plain, __Secure-, or chunked). */
function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export const config = {
  matcher: [
    // Pages only: build assets and the JSON API get a fixed policy from next.config.ts, and
    // skipping the proxy keeps the API fast.
    "/((?!_next/static|_next/image|api/).*)",
  ],
};
