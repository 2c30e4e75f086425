/** Delay before retry number `attempt` (1-based): exponential from 30 s, capped at 1 h, with full jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  // Full jitter: spread retries of many failed sends over the whole window, so they do not return together.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Attempts before an email is marked dead and shown to staff. */
export const MAX_ATTEMPTS = 8;
