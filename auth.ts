// Staff sign-in (Auth.js v5). Credentials only; the session cookie (a signed, encrypted JWT) holds
// just the id of a row in staff_sessions, which the server checks on every staff request (idle
// 30 min, 12 h in all, sign-out, sign-out everywhere). Patients never sign in. The configuration
// is in auth.config.ts.
import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

export const { handlers, auth, signIn, signOut } = NextAuth((request) => authConfig(request));
