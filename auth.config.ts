// The Auth.js configuration (auth.ts hands it to NextAuth). Apart from auth.ts so it can be used
// without `next-auth`'s entry point, which Node cannot load outside Next (the db tests drive
// Auth.js's own routes through @auth/core with it).
import { CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { MAX_SESSION_HOURS } from "@/db/queries/staff";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress, clientKey } from "@/lib/http";
import { checkSignIn, endSignedOutSession, signInSchema } from "@/lib/staff/sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/** Too many attempts from this client: wait a minute. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

/**
 * The configuration for one call: with the request for Auth.js's own routes (/api/auth/*),
 * without one for signIn()/signOut() called from a server action.
 */
export function authConfig(request?: Request): NextAuthConfig {
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
    events: {
      // Auth.js's own sign-out (POST /api/auth/signout, after its CSRF check, and signOut()) only
      // clears the cookie: end the staff_sessions row it names too, so a copy of the cookie is dead.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid !== "string") return;
        await endSignedOutSession(await getDb(), {
          sessionId: sid,
          clientAddress: clientAddress(request?.headers ?? (await headers()), config.TRUSTED_PROXIES),
          now: new Date(),
        });
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
}
