// Requests a person did not make: they must not keep a staff session alive (issue 16). Shared by
// the session check and the queue's auto-refresh, so it imports nothing.

/**
 * The cookie the auto-refresh (app/staff/_components/auto-refresh.tsx) sets while its refresh is
 * on the way: router.refresh() cannot add a header. Not a secret: a client that sets it only
 * stops its own requests from counting as activity.
 */
export const BACKGROUND_COOKIE = "bt-background";

/**
 * Whether a request is background work rather than a person's action: the auto-refresh (its
 * cookie), a link prefetch (Next's `Next-Router-Prefetch` headers), or an image the page loads
 * (`Sec-Fetch-Dest: image`, the queue's chart). Anything else counts as activity.
 */
export function isBackgroundRequest(headers: Headers, cookie: (name: string) => string | undefined): boolean {
  return (
    cookie(BACKGROUND_COOKIE) === "1" ||
    headers.get("next-router-prefetch") === "1" ||
    headers.has("next-router-segment-prefetch") ||
    headers.get("sec-fetch-dest") === "image"
  );
}
