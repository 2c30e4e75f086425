import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Db } from "@/db/client";
import { findStaffSession, touchStaffSession, type SessionEnd } from "@/db/queries/staff";
import { STAFF_ROLES, type ApiScope, type StaffRole } from "@/common/vocabulary";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress, jsonError } from "@/lib/http";
import { bearerToken, checkApiKey, keyActorEmail } from "./api-keys";
import { isBackgroundRequest } from "./background";
import { nextSignInStep, STEP_PATHS, type SignInStep } from "./mfa";

export type Staff = {
  sessionId: string;
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  clientAddress: string;
  /** Set when an integration key, not a person, makes the request (API handlers only). */
  apiKey?: { id: string; name: string };
};

/** Every staff role: anyone signed in. */
export const ANY_STAFF: readonly StaffRole[] = STAFF_ROLES;

// Auth.js names its cookie after the scheme: __Secure- on https.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The staff_sessions id in the Auth.js cookie, or null. Read with Auth.js's own `decode` (the same
 * checks: encryption, integrity, expiry) rather than `auth()`, which also builds a request, runs the
 * session callbacks and seals a fresh token on every call (about a tenth of the queue page's
 * server time); the database row decides whether the session is live.
 */
async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const key = `${name}\0${token}`; // the cookie's name is the salt it was sealed with
    const known = decodedTokens.get(key);
    if (known && known.expiresAt > Date.now()) return known.sid;
    try {
      const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
      const sid = typeof payload?.sid === "string" ? payload.sid : null;
      if (sid && typeof payload?.exp === "number") rememberToken(key, sid, payload.exp * 1000);
      return sid;
    } catch {
      return null; // forged, damaged, or sealed under another secret
    }
  }
  return null;
}

/**
 * Cookies this process has already decoded, with their session id and expiry. A sealed token
 * never changes, so decoding it again (a key derivation, a decryption and an integrity check,
 * about 0.6 ms of CPU each time) would give the same answer; whether the session
 * is still live is asked of the database on every request all the same. In memory only, never
 * logged; the oldest are dropped past a bound.
 */
const decodedTokens = new Map<string, { sid: string; expiresAt: number }>();
const MAX_DECODED_TOKENS = 1_000;

function rememberToken(key: string, sid: string, expiresAt: number): void {
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value!);
  decodedTokens.set(key, { sid, expiresAt });
}

/**
 * A live session: its person, and the sign-in step still to do (second factor, own password,
 * setting up a factor), null when signing in is complete. Otherwise why there is none.
 */
type SessionCheck =
  { staff: Omit<Staff, "clientAddress">; step: SignInStep | null } | { staff: null; ended: SessionEnd | null };

/**
 * The session `sessionId` names, checked at `now`. A live session is marked used (at most once a
 * minute, the database spares the rest) unless the request is `background` (an auto-refresh, a
 * prefetch): only a person's requests keep it alive, so an unattended queue still signs out after
 * 30 idle minutes. Otherwise, why it is not live (null: no such session).
 */
export async function checkStaffSession(
  db: Db,
  { sessionId, now, background }: { sessionId: string; now: Date; background: boolean },
): Promise<SessionCheck> {
  const session = await findStaffSession(db, sessionId, now);
  if (session?.status !== "live") return { staff: null, ended: session?.status ?? null };
  const { lastSeenAt, ...staff } = session.staff;
  // Not even sending the write within a minute of the last spares a round trip.
  if (!background && now.getTime() - lastSeenAt.getTime() >= 60_000) await touchStaffSession(db, staff.sessionId, now);
  return { staff, step: nextSignInStep(session.signIn) };
}

// Once per request: the staff layout and the page both ask.
const sessionOfRequest = cache(async (): Promise<SessionCheck> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return { staff: null, ended: null };
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  return checkStaffSession(await getDb(), {
    sessionId: sid,
    now: new Date(),
    background: isBackgroundRequest(requestHeaders, (name) => jar.get(name)?.value),
  });
});

/**
 * The signed-in staff member, checked against the database on every request (the session may have
 * ended: idle, too old, signed out, account disabled), or null.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const check = await sessionOfRequest();
  if (!check.staff || check.step) return null;
  return { ...check.staff, clientAddress: clientAddress(await headers(), env().TRUSTED_PROXIES) };
});

/**
 * For the sign-in steps' pages and actions: the person whose password was right, and the step
 * they are on (null: signing in is complete). Signed out → the sign-in page.
 */
export async function requireSignInStep(): Promise<{ staff: Staff; step: SignInStep | null }> {
  const check = await sessionOfRequest();
  if (!check.staff) redirect(signInPath(undefined, check.ended));
  return {
    staff: { ...check.staff, clientAddress: clientAddress(await headers(), env().TRUSTED_PROXIES) },
    step: check.step,
  };
}

/** The page of a sign-in step, carrying where to go afterwards. */
export function stepPath(step: SignInStep, next?: string): string {
  return next ? `${STEP_PATHS[step]}?${new URLSearchParams({ next })}` : STEP_PATHS[step];
}

/** The sign-in page, with what to come back to and why the session ended (the page says so). */
export function signInPath(next?: string, ended?: SessionEnd | null): string {
  const query = new URLSearchParams();
  if (next) query.set("next", next);
  if (ended === "idle" || ended === "expired") query.set("reason", ended);
  const search = query.toString();
  return search ? `/staff/sign-in?${search}` : "/staff/sign-in";
}

/** For staff pages and server actions: signed out → the sign-in page (saying why); wrong role → 403. */
export async function requireStaff(roles: readonly StaffRole[] = ANY_STAFF, next?: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) {
    const check = await sessionOfRequest();
    // Password given, a step still to do (second factor, own password, set-up): that step first.
    if (check.staff && check.step) redirect(stepPath(check.step, next));
    redirect(signInPath(next, "ended" in check ? check.ended : null));
  }
  if (!roles.includes(staff.role)) forbidden();
  return staff;
}

/**
 * For /api/v1/staff/* and /api/v1/fhir/* route handlers: a 401, 403 or 429 response, never data, or
 * the caller. A signed-in person needs one of `roles`. An integration key (`Authorization: Bearer`,
 * lib/staff/api-keys.ts) needs `scope`: a handler that names none is for people only. A key acts
 * with the least a role allows (reception's), and its `apiKey` says which key it is.
 */
export async function requireStaffApi(
  roles: readonly StaffRole[] = ANY_STAFF,
  // A key's use is audited with the request's method and path: a handler that takes keys passes it.
  options: { scope?: undefined; request?: Request } | { scope: ApiScope; request: Request } = {},
): Promise<Staff | Response> {
  const requestHeaders = await headers();
  const token = bearerToken(requestHeaders.get("authorization"));
  if (token !== null) return keyCaller(token, requestHeaders, options);
  const staff = await currentStaff();
  if (!staff) {
    const check = await sessionOfRequest();
    if (check.staff && check.step)
      return jsonError(401, "sign_in_incomplete", "Finish signing in first (second factor or new password).");
    return jsonError(401, "unauthorized", "Sign in as staff first.");
  }
  if (!roles.includes(staff.role)) return jsonError(403, "forbidden", "Your role cannot do this.");
  return staff;
}

async function keyCaller(
  token: string,
  requestHeaders: Headers,
  { scope, request }: { scope?: ApiScope; request?: Request },
): Promise<Staff | Response> {
  const address = clientAddress(requestHeaders, env().TRUSTED_PROXIES);
  const url = request ? new URL(request.url) : null;
  const check = await checkApiKey(await getDb(), {
    token,
    scope,
    method: request?.method ?? "GET",
    path: url?.pathname ?? "",
    clientAddress: address,
    now: new Date(),
  });
  if (!check.ok) {
    const extra: Record<string, string> = {};
    if (check.status === 401) extra["WWW-Authenticate"] = 'Bearer error="invalid_token"';
    if (check.status === 403 && scope)
      extra["WWW-Authenticate"] = `Bearer error="insufficient_scope", scope="${scope}"`;
    if (check.retryAfterSeconds) extra["Retry-After"] = String(check.retryAfterSeconds);
    return jsonError(check.status, check.code, check.message, {}, extra);
  }
  const { key } = check;
  return {
    sessionId: `api-key:${key.id}`,
    id: key.id,
    email: keyActorEmail(key),
    name: key.name,
    role: "reception",
    clientAddress: address,
    apiKey: { id: key.id, name: key.name },
  };
}
