// Ports of the two servers Playwright starts (see playwright.config.ts).
export const PORT = Number(process.env.E2E_PORT ?? 3107);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** A server whose DATABASE_URL points at nothing: the degraded path. */
export const DEGRADED_URL = `http://127.0.0.1:${PORT + 1}`;
