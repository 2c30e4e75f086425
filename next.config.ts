import type { NextConfig } from "next";

// Headers for every response; the Content-Security-Policy with its per-request nonce is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const denyAll = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

const nextConfig: NextConfig = {
  // PGlite loads its wasm and data files from its own package folder: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds, and says so with
  // BT_TYPES_CHECKED=1: the build does not check the same files again (about a minute on 2 cores).
  // Every other build, a deployment's included, checks them.
  typescript: { ignoreBuildErrors: process.env.BT_TYPES_CHECKED === "1" },
  // forbidden() / unauthorized(): a wrong staff role gets a real 403 page.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Static files and the JSON API skip proxy.ts; they get a fixed deny-all policy.
      { source: "/_next/static/:path*", headers: [denyAll] },
      { source: "/api/:path*", headers: [denyAll] },
      // The development mailbox shows an email's own HTML (inline styles, no script) in a frame on /dev/mailbox.
      {
        source: "/api/dev/mailbox/:id/html",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
          },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
