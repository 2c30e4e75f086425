import { env } from "@/lib/env";

/** Options for the app's private cookies: httpOnly, same-site, Secure when served over https. */
export function privateCookie(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}
