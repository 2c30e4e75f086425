import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { listWaitingEntries, removeWaitingEntry } from "@/db/queries/waitlist";
import { waitlistEntries } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { handleCreateBooking, type BookingApiOptions } from "@/lib/booking/api";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { handleJoinWaitlist } from "@/lib/waitlist/api";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York (the demo clinic's zone).
const NOW = new Date("2026-12-01T13:00:00Z");
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
let client = 0;

const options = (over: Partial<BookingApiOptions> = {}): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
  ...over,
});

/** A graded intake for a vignette, and its booking token. */
async function intakeFor(db: TestDb["db"], vignette: string, at = NOW) {
  const answers = makeIntakeAnswersSchema({ now: at }).parse(vignetteIntake(vignette, at));
  const result = await submitIntake(db, { answers, now: at, timeZone: "America/New_York" });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return {
    id: result.response.id,
    token: signToken(SECRET, "booking", result.response.id),
    level: result.response.level,
  };
}

const request = (
  url: string,
  body: string,
  { type = "application/json", address }: { type?: string; address?: string } = {},
) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": type, "x-forwarded-for": address ?? `10.7.${(++client >> 8) % 250}.${client % 250}` },
    body,
  });
const join = (db: TestDb["db"], body: unknown, opts = options(), address?: string) =>
  handleJoinWaitlist(db, request("http://clinic.test/api/v1/waitlist", JSON.stringify(body), { address }), opts);

async function waitingRows(db: TestDb["db"], intakeId: string) {
  const rows = await db.select().from(waitlistEntries).where(eq(waitlistEntries.intakeId, intakeId));
  return rows.filter((r) => r.status === "waiting");
}

describeEachDb("joining the waitlist", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("puts a ROUTINE patient on the waitlist for Monday mornings, and audits it without the link", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    expect(p.level).toBe("ROUTINE");
    const res = await join(db, { bookingToken: p.token, availability: { mon: ["morning"] } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.any(String),
      status: "waiting",
      availability: { mon: ["morning"] },
      notBefore: null,
      earlierThan: null,
    });

    const stored = await waitingRows(db, p.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: body.id, availability: { mon: ["morning"] }, joinedAt: NOW });
    const waiting = (await listWaitingEntries(db, NOW)).find((e) => e.id === body.id);
    expect(waiting).toMatchObject({ level: "ROUTINE", joinedAt: NOW, notBefore: null, earlierThan: null });
    expect(waiting?.gradedAt.getTime()).toBe(NOW.getTime());

    const [audit] = await listAudit(db, { action: "waitlist_joined", subjectId: p.id });
    expect(audit).toMatchObject({ actorId: null, subjectType: "intake" });
    expect(audit?.after).toMatchObject({ via: "api", entryId: body.id, availability: { mon: ["morning"] } });
    expect(JSON.stringify(audit)).not.toContain(p.token);
  });

  it("joining again changes the choice of the one waiting entry and keeps the patient's place", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P16");
    const first = await join(db, { bookingToken: p.token, availability: { mon: ["morning"] } });
    expect(first.status).toBe(201);
    const later = () => new Date(NOW.getTime() + 3600_000);
    const again = await join(
      db,
      { bookingToken: p.token, availability: "any", notBefore: "2026-12-07" },
      options({ now: later }),
    );
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body).toMatchObject({ id: (await first.json()).id, availability: "any", notBefore: "2026-12-07" });

    const stored = await waitingRows(db, p.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ availability: "any", notBefore: "2026-12-07", joinedAt: NOW });
    const [changed] = await listAudit(db, { action: "waitlist_changed", subjectId: p.id });
    expect(changed?.before).toMatchObject({ availability: { mon: ["morning"] }, notBefore: null });
    expect(changed?.after).toMatchObject({ availability: "any", notBefore: "2026-12-07" });
  });

  it("keeps one waiting entry when the same patient joins twice at once", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const results = await Promise.all([
      joinWaitlist(db, { bookingToken: p.token, availability: { tue: ["evening"] } }, NOW, { secret: SECRET }),
      joinWaitlist(db, { bookingToken: p.token, availability: { wed: ["afternoon"] } }, NOW, { secret: SECRET }),
    ]);
    expect(results.map((r) => r.status).every((s) => s === "joined" || s === "changed")).toBe(true);
    expect(await waitingRows(db, p.id)).toHaveLength(1);
  });

  it("a patient taken off the list can join again: a new entry, the old one kept as history", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const first = await joinWaitlist(db, { bookingToken: p.token, availability: "any" }, NOW, { secret: SECRET });
    if (first.status !== "joined") throw new Error(`unexpected ${first.status}`);
    expect(
      await removeWaitingEntry(db, { id: first.entry.id, reason: "Booked by phone", staffId: null, now: NOW }),
    ).toEqual({ intakeId: p.id });
    expect(await removeWaitingEntry(db, { id: first.entry.id, reason: "Twice", staffId: null, now: NOW })).toBeNull();
    expect((await listWaitingEntries(db, NOW)).some((e) => e.id === first.entry.id)).toBe(false);

    const second = await joinWaitlist(db, { bookingToken: p.token, availability: "any" }, NOW, { secret: SECRET });
    expect(second.status).toBe("joined");
    const rows = await db.select().from(waitlistEntries).where(eq(waitlistEntries.intakeId, p.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["removed", "waiting"]);
    expect(rows.find((r) => r.status === "removed")).toMatchObject({
      removedReason: "Booked by phone",
      removedAt: NOW,
    });
  });

  it("refuses EMERGENCY and URGENT results: the clinic calls them", async () => {
    const { db } = ctx();
    for (const vignette of ["P01", "P07"]) {
      const p = await intakeFor(db, vignette);
      expect(["EMERGENCY", "URGENT"]).toContain(p.level);
      const res = await join(db, { bookingToken: p.token, availability: "any" });
      expect(res.status).toBe(422);
      expect((await res.json()).error).toBe("not_eligible");
      expect(await waitingRows(db, p.id)).toHaveLength(0);
    }
  });

  it("refuses a forged link (401) and an expired one (410), storing nothing", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const forged = p.token.slice(0, -2) + (p.token.endsWith("A") ? "BB" : "AA");
    const res = await join(db, { bookingToken: forged, availability: "any" });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("invalid_token");

    const old = await intakeFor(db, "P15", new Date(NOW.getTime() - 31 * 86_400_000));
    const expired = await join(db, { bookingToken: old.token, availability: "any" });
    expect(expired.status).toBe(410);
    expect((await expired.json()).error).toBe("token_expired");
    expect(await waitingRows(db, p.id)).toHaveLength(0);
    expect(await waitingRows(db, old.id)).toHaveLength(0);
  });

  it("a patient holding an appointment waits for earlier times than it", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const start = "2026-12-10T15:00:00.000Z"; // Thursday 10 December, 10:00 New York
    const booked = await handleCreateBooking(
      db,
      request(
        "http://clinic.test/api/v1/bookings",
        JSON.stringify({ bookingToken: p.token, appointmentTypeId: "initial", clinicianId: RAMAN, start }),
      ),
      options(),
    );
    expect(booked.status).toBe(201);
    const res = await join(db, { bookingToken: p.token, availability: { mon: ["morning", "afternoon"] } });
    expect(res.status).toBe(201);
    expect((await res.json()).earlierThan).toBe(start);
    expect((await waitingRows(db, p.id))[0]?.earlierThan?.toISOString()).toBe(start);
  });

  it("refuses a first date in the past or beyond the booking horizon, with a message on notBefore", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const yesterday = await join(db, { bookingToken: p.token, availability: "any", notBefore: "2026-11-30" });
    expect(yesterday.status).toBe(422);
    const body = await yesterday.json();
    expect(body.fieldErrors.notBefore[0]).toMatch(/past/);

    // The demo clinic books 60 days ahead: 30 January 2027 is the last date.
    const far = await join(db, { bookingToken: p.token, availability: "any", notBefore: "2027-01-31" });
    expect(far.status).toBe(422);
    expect((await far.json()).fieldErrors.notBefore[0]).toContain("2027-01-30");
    expect(await waitingRows(db, p.id)).toHaveLength(0);

    const today = await join(db, { bookingToken: p.token, availability: "any", notBefore: "2026-12-01" });
    expect(today.status).toBe(201);
    expect((await today.json()).notBefore).toBe("2026-12-01");
  });

  it("limits a SOON patient's first date to their 7 days", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P12");
    expect(p.level).toBe("SOON");
    // Graded Tuesday 1 December 08:00: times up to Tuesday 8 December 08:00.
    const late = await join(db, { bookingToken: p.token, availability: "any", notBefore: "2026-12-09" });
    expect(late.status).toBe(422);
    expect((await late.json()).fieldErrors.notBefore[0]).toContain("2026-12-08");
    expect((await join(db, { bookingToken: p.token, availability: "any", notBefore: "2026-12-08" })).status).toBe(201);
  });

  it("answers a bad body with 400 and field errors, and the HTTP edge like the booking API", async () => {
    const { db } = ctx();
    const p = await intakeFor(db, "P15");
    const bad = await join(db, { bookingToken: p.token, availability: { mon2: ["morning"] }, extra: 1 });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error).toBe("invalid_waitlist");
    expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["availability", "extra"]));

    const url = "http://clinic.test/api/v1/waitlist";
    expect((await handleJoinWaitlist(db, request(url, "{not json"), options())).status).toBe(400);
    expect((await handleJoinWaitlist(db, request(url, "{}", { type: "text/plain" }), options())).status).toBe(415);
    const huge = JSON.stringify({ bookingToken: p.token, availability: "any", pad: "x".repeat(5000) });
    expect((await handleJoinWaitlist(db, request(url, huge), options())).status).toBe(413);

    const limited = options({ rateLimitPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await join(db, { bookingToken: p.token, availability: "any" }, limited, "10.99.0.1")).status);
    expect(statuses).toEqual([201, 200, 429]);
    expect(await waitingRows(db, p.id)).toHaveLength(1);
  });
});
