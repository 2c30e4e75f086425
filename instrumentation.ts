// Next calls register() once when a server process starts, before it serves requests.
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not by the operator, so it is read here and not in lib/env.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}
