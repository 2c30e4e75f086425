// Next calls register() once when a server process starts, before it serves requests.
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not by the operator, so it is read here and not in lib/env.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, before Next hands any request to the app: stamp each request with its socket address,
  // which rate limits and the audit trail use (lib/socket-address.ts, TRUSTED_PROXIES).
  const { stampSocketAddresses } = await import("./lib/socket-address");
  stampSocketAddresses();
  const { startServer } = await import("./lib/startup");
  await startServer();
}
