// Staff sign-in (Auth.js v5). Credentials only; the session cookie (a signed, encrypted JWT) holds
// just the id of a row in staff_sessions, which the server checks on every staff request (idle
// 30 min, 12 h in all, sign-out, sign-out everywhere). Patients never sign in.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { MAX_SESSION_HOURS } from "@/db/queries/staff";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress, clientKey } from "@/lib/http";
import { checkSignIn, signInSchema } from "@/lib/staff/sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/** Too many attempts from this client or on this account: wait a minute. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    // Behind the app's own proxy rules (TRUSTED_PROXIES); next start on localhost needs it too.
    trustHost: true,
    session: { strategy: "jwt", maxAge: MAX_SESSION_HOURS * 3600 },
    pages: { signIn: "/staff/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await checkSignIn(await getDb(), {
            ...parsed.data,
            client: clientKey(request.headers, config.TRUSTED_PROXIES, config.AUTH_SECRET),
            clientAddress: clientAddress(request.headers, config.TRUSTED_PROXIES),
            now: new Date(),
            limitPerMinute: config.RATE_LIMIT_SIGNIN_PER_MINUTE,
          });
          if (!result.ok) {
            if (result.reason === "rate_limited") throw new SignInRateLimited();
            return null;
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        session.sid = typeof token.sid === "string" ? token.sid : undefined;
        return session;
      },
    },
    logger: {
      // A wrong password is not a server error; the audit trail records it.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
  };
});
