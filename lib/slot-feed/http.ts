import type { Db } from "@/db/client";
import { limited, type BookingApiOptions } from "@/lib/booking/api";
import { cachedSlotFeed, type SlotFeed } from "./feed";
import { CHOSEN_SLOT_COOKIE, parseSlotHandle, rememberSeconds, SLOT_PARAM } from "./link";
import { feedManifest, type FeedFile } from "./resources";

/** Where the feed is served, under the app's public address. */
export const FEED_PATH = "/api/v1/scheduling";

type FeedOptions = Pick<BookingApiOptions, "appUrl" | "secret" | "trustedProxies" | "rateLimitPerMinute"> & {
  /** The feed to serve (tests); by default the one cached for this process. */
  feed?: (db: Db) => Promise<SlotFeed>;
};

/** A client that already has this data set (If-Modified-Since, as the spec lets clients send) gets a 304. */
function unchangedSince(request: Request, made: Date): boolean {
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && Math.floor(made.getTime() / 1000) * 1000 <= since;
}

async function serve(
  db: Db,
  request: Request,
  opts: FeedOptions,
  body: (feed: SlotFeed) => { text: string; type: string },
): Promise<Response> {
  const limit = await limited(db, request, opts, "feed");
  if (limit) return limit;
  const feed = await (opts.feed ?? ((d: Db) => cachedSlotFeed(d, opts.appUrl)))(db);
  const headers = {
    "Cache-Control": "public, max-age=300",
    "Last-Modified": feed.transactionTime.toUTCString(),
  };
  if (unchangedSince(request, feed.transactionTime)) return new Response(null, { status: 304, headers });
  const { text, type } = body(feed);
  return new Response(text, { headers: { ...headers, "Content-Type": type } });
}

/** GET /api/v1/scheduling/$bulk-publish: the manifest of the open-slot feed. Public, rate limited. */
export function handleFeedManifest(db: Db, request: Request, opts: FeedOptions): Promise<Response> {
  return serve(db, request, opts, (feed) => ({
    text: JSON.stringify(feedManifest(`${opts.appUrl}${FEED_PATH}`, feed.transactionTime)),
    type: "application/json",
  }));
}

/** GET /api/v1/scheduling/<file>.ndjson: one of the feed's files. Public, rate limited. */
export function handleFeedFile(db: Db, request: Request, file: FeedFile, opts: FeedOptions): Promise<Response> {
  return serve(db, request, opts, (feed) => ({ text: feed.files[file], type: "application/fhir+ndjson" }));
}

/**
 * A booking deep link's time, remembered for the booking page: a cookie holding only the handle
 * (a kind of appointment and a time), kept until that time at most, then on to the intake. A
 * missing, malformed or past handle is ignored: the intake opens as usual, with no error.
 */
export function chosenTimeResponse(request: Request, { now, secure }: { now: Date; secure: boolean }): Response {
  const value = new URL(request.url).searchParams.get(SLOT_PARAM);
  const handle = parseSlotHandle(value);
  const seconds = handle ? rememberSeconds(handle, now) : null;
  const headers = new Headers({ Location: "/intake", "Cache-Control": "no-store" });
  if (seconds !== null)
    headers.append(
      "Set-Cookie",
      `${CHOSEN_SLOT_COOKIE}=${value}; Path=/; Max-Age=${seconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
    );
  return new Response(null, { status: 303, headers });
}
