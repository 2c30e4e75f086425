// The silent pilot (issue 22, item 3): switched by an admin (audited); while on, every intake is
// graded and stored as always but joins the staff queue, gets no SELF_CARE advice email, books
// without limits by grade, and its answer leaves the grade out; staff record a level by hand.
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { getClinic } from "@/db/queries/clinic";
import { getIntake, listEscalations } from "@/db/queries/intakes";
import { outbox } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { listWaitingEntries } from "@/db/queries/waitlist";
import { handleCreateBooking, handleListSlots, type BookingApiOptions } from "@/lib/booking/api";
import { rescheduleAppointment } from "@/lib/booking/manage";
import { chosenTimeFor } from "@/lib/slot-feed/chosen";
import { formatSlotHandle } from "@/lib/slot-feed/link";
import { entryFrom, fitsEntry, type WaitlistEntry } from "@/lib/waitlist";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { recordStaffLevel, silentPilotSchema, switchSilentPilot } from "@/lib/governance/silent";
import { handleCreateIntake } from "@/lib/intakes/api";
import { submitIntake } from "@/lib/intakes/submit";
import { upsertStaff } from "@/db/queries/staff";
import type { Actor } from "@/lib/staff/cases";
import { hashPassword } from "@/lib/staff/passwords";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York.
const NOW = new Date("2026-12-01T13:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
let n = 0;

const options = (): BookingApiOptions => ({
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
});

async function member(db: TestDb["db"], role: "admin" | "clinician" | "reception"): Promise<Actor> {
  const email = `silent${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Silent ${n}`, role, passwordHash: await hashPassword("x") });
  return { id, email, clientAddress: "192.0.2.30" };
}

/** A graded intake for a vignette (P01 EMERGENCY, P07 URGENT, P12 SOON, P15 ROUTINE, P17 SELF_CARE). */
async function intakeFor(db: TestDb["db"], vignette: string) {
  const raw = vignetteIntake(vignette, NOW) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, email: `${vignette.toLowerCase()}.${++n}@example.test` };
  const answers = makeIntakeAnswersSchema({ now: NOW }).parse(raw);
  const result = await submitIntake(db, { answers, now: NOW, timeZone: ZONE });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return { id: result.response.id, token: signToken(SECRET, "booking", result.response.id), response: result.response };
}

/** A patient books an initial assessment through the booking API with their intake's token. */
const book = (db: TestDb["db"], token: string, start: string, clinicianId: string = RAMAN) =>
  handleCreateBooking(
    db,
    new Request("http://clinic.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.8.0.${++n % 250}` },
      body: JSON.stringify({ bookingToken: token, appointmentTypeId: "initial", clinicianId, start }),
    }),
    options(),
  );

const kindsFor = async (db: TestDb["db"], intakeId: string) =>
  (await db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.intakeId, intakeId))).map((r) => r.kind);

const on = { on: "on", confirm: true } as const;
const off = { on: "off", confirm: true } as const;

describeEachDb("the silent pilot", (ctx) => {
  it("is switched by an admin who confirms, each switch audited once", async () => {
    const { db } = ctx();
    await seed(db);
    const admin = await member(db, "admin");
    expect(silentPilotSchema.safeParse({ on: "on" }).success).toBe(false); // "I understand" not ticked
    expect(silentPilotSchema.parse({ on: "on", confirm: "on" })).toEqual(on);

    expect(await switchSilentPilot(db, admin, on, NOW)).toEqual({ ok: true });
    expect((await getClinic(db))?.silentPilotSince).toEqual(NOW);
    // Already on: nothing changes, nothing is recorded.
    await switchSilentPilot(db, admin, on, new Date(NOW.getTime() + 60_000));
    expect((await getClinic(db))?.silentPilotSince).toEqual(NOW);
    await switchSilentPilot(db, admin, off, new Date(NOW.getTime() + 120_000));
    expect((await getClinic(db))?.silentPilotSince).toBeNull();

    const trail = await listAudit(db, { actorId: admin.id });
    expect(trail.map((e) => e.action).reverse()).toEqual(["silent_pilot_started", "silent_pilot_ended"]);
    expect(trail[1]).toMatchObject({
      subjectType: "clinic",
      before: { silentPilotSince: null },
      after: { silentPilotSince: NOW.toISOString() },
    });
  });

  it("grades and stores a silent intake as always, queues it for staff, and sends no advice email", async () => {
    const { db } = ctx();
    await seed(db);
    await switchSilentPilot(db, await member(db, "admin"), on, NOW);

    const selfCare = await intakeFor(db, "P17");
    expect(selfCare.response).toMatchObject({ level: "SELF_CARE", silent: true });
    const row = await getIntake(db, selfCare.id);
    expect(row).toMatchObject({
      level: "SELF_CARE",
      silent: true,
      escalated: true,
      escalationReason: "silent_pilot",
      staffLevel: null,
    });
    expect(row!.firedRules.length).toBeGreaterThan(0);
    // Due within one working day: the patient was told the clinic will contact them.
    expect(row!.ackDueAt).not.toBeNull();
    const kinds = await kindsFor(db, selfCare.id);
    expect(kinds).not.toContain("intake_self_care");
    expect(kinds).not.toContain("self_care_checkin");
    expect((await listEscalations(db, { filter: {} })).map((c) => c.id)).toContain(selfCare.id);

    // Safety first: an EMERGENCY grade still alerts the staff at once, for the grade itself.
    const emergency = await intakeFor(db, "P01");
    expect(await getIntake(db, emergency.id)).toMatchObject({
      level: "EMERGENCY",
      silent: true,
      escalationReason: "level",
    });
    expect((await kindsFor(db, emergency.id)).some((k) => k.startsWith("staff_"))).toBe(true);
  });

  it("answers the intake API without the grade, except an EMERGENCY", async () => {
    const { db } = ctx();
    await seed(db);
    await switchSilentPilot(db, await member(db, "admin"), on, NOW);
    const post = (vignette: string) =>
      handleCreateIntake(
        db,
        new Request("http://clinic.test/api/v1/intakes", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.7.0.${++n % 250}` },
          body: JSON.stringify(vignetteIntake(vignette, NOW)),
        }),
        { rateLimitPerMinute: 1000, trustedProxies: 1, secret: SECRET, now: () => NOW },
      );
    const soon = await (await post("P12")).json();
    expect(soon).toMatchObject({ level: null, silent: true, firedRules: [], flags: [] });
    expect(soon.next).toMatchObject({ action: "await_contact", canBook: true, bookWithinDays: null });
    expect(soon.next.bookingToken).toEqual(expect.any(String));
    expect((await getIntake(db, soon.id))?.level).toBe("SOON"); // stored as graded

    const emergency = await (await post("P01")).json();
    expect(emergency).toMatchObject({ level: "EMERGENCY", silent: true });
    expect(emergency.next).toMatchObject({ action: "emergency", canBook: false });
  });

  it("lets a silent intake book what its grade would not: beyond 7 days for SOON, at all for URGENT", async () => {
    const { db } = ctx();
    await seed(db);
    await switchSilentPilot(db, await member(db, "admin"), on, NOW);
    const soon = await intakeFor(db, "P12");
    expect(soon.response.level).toBe("SOON");
    const res = await handleListSlots(
      db,
      new Request(
        `http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(soon.token)}&from=2026-12-01&days=14`,
        {
          headers: { "x-forwarded-for": "10.9.0.1" },
        },
      ),
      options(),
    );
    expect(res.status).toBe(200);
    const slots: { start: string }[] = (await res.json()).slots;
    const day8 = NOW.getTime() + 7 * 24 * 3600_000;
    expect(slots.some((s) => new Date(s.start).getTime() > day8)).toBe(true);
    expect((await book(db, soon.token, "2026-12-09T15:00:00.000Z")).status).toBe(201); // day 8

    const urgent = await intakeFor(db, "P07");
    expect(urgent.response.level).toBe("URGENT");
    expect((await book(db, urgent.token, "2026-12-03T19:00:00.000Z")).status).toBe(201);
  });

  it("lets a silent URGENT patient move their appointment like any other, wait like routine, and keep a chosen time", async () => {
    const { db } = ctx();
    await seed(db);
    await switchSilentPilot(db, await member(db, "admin"), on, NOW);
    const urgent = await intakeFor(db, "P07");
    const slots = await handleListSlots(
      db,
      new Request(`http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(urgent.token)}&from=2026-12-02`, {
        headers: { "x-forwarded-for": "10.9.1.1" },
      }),
      options(),
    );
    const first = ((await slots.json()) as { slots: { start: string; clinicianId: string }[] }).slots[0]!;
    const booked = await book(db, urgent.token, first.start, first.clinicianId);
    expect(booked.status).toBe(201);
    const manageToken = ((await booked.json()) as { manageUrl: string }).manageUrl.split("/").pop()!;
    // An URGENT grade the patient was told moves only into the urgent type's reserved times within 5
    // days; a silent one moves into any time its type offers, here day 8.
    const moved = await rescheduleAppointment(db, {
      token: manageToken,
      clinicianId: RAMAN,
      start: new Date("2026-12-09T16:00:00.000Z"),
      now: NOW,
    });
    expect(moved.status).toBe("booked");

    // On the waitlist the grade does not act either: the entry waits and is offered times as
    // routine does (no deadline, no 7-day window), where an URGENT one would be called instead.
    const soon = await intakeFor(db, "P12");
    const joined = await joinWaitlist(
      db,
      { bookingToken: soon.token, availability: { mon: ["morning"], thu: ["afternoon"] } },
      NOW,
      { secret: SECRET },
    );
    expect(joined.status).toBe("joined");
    const row = (await listWaitingEntries(db, NOW)).find((e) => e.intakeId === soon.id)!;
    expect(row).toMatchObject({ level: "SOON", silent: true });
    const found = entryFrom(row);
    expect(found).toMatchObject({ entry: { level: "ROUTINE", deadline: null } });
    const day10 = { start: new Date("2026-12-10T19:00:00.000Z") }; // a Thursday afternoon, 9 days on
    expect(fitsEntry(day10, (found as { entry: WaitlistEntry }).entry, ZONE, NOW)).toBe(true);
    expect(fitsEntry(day10, { ...(found as { entry: WaitlistEntry }).entry, level: "SOON" }, ZONE, NOW)).toBe(false);

    // A time chosen on a scheduling site is offered to a silent URGENT patient as to anyone.
    const chosen = await chosenTimeFor(db, {
      value: formatSlotHandle("initial", new Date("2026-12-08T16:00:00.000Z")),
      grade: { ...(await getIntake(db, urgent.id))! },
      now: NOW,
    });
    expect(chosen?.status).toBe("offered");
  });

  it("records the level staff give by hand, audited, and the case leaves the queue unless they judge it urgent", async () => {
    const { db } = ctx();
    await seed(db);
    await switchSilentPilot(db, await member(db, "admin"), on, NOW);
    const clinician = await member(db, "clinician");
    const later = new Date(NOW.getTime() + 3600_000);

    const selfCare = await intakeFor(db, "P17");
    expect(await recordStaffLevel(db, clinician, selfCare.id, "ROUTINE", later)).toEqual({
      status: "done",
      resolved: true,
    });
    expect(await getIntake(db, selfCare.id)).toMatchObject({
      level: "SELF_CARE", // the engine's grade is never changed
      overrideLevel: null,
      staffLevel: "ROUTINE",
      staffLevelBy: clinician.id,
      staffLevelAt: later,
      acknowledgedBy: clinician.id,
      resolvedBy: clinician.id,
    });
    const [event] = await listAudit(db, { subjectId: selfCare.id, action: "staff_level_recorded" });
    expect(event).toMatchObject({
      actorId: clinician.id,
      before: { staffLevel: null },
      after: { staffLevel: "ROUTINE", level: "SELF_CARE", acknowledged: true, resolved: true },
    });
    expect((await listEscalations(db, { filter: { status: "open" } })).map((c) => c.id)).not.toContain(selfCare.id);

    // Judged URGENT by hand: acknowledged, but it stays open for the call.
    const routine = await intakeFor(db, "P15");
    expect(await recordStaffLevel(db, clinician, routine.id, "URGENT", later)).toEqual({
      status: "done",
      resolved: false,
    });
    expect(await getIntake(db, routine.id)).toMatchObject({ staffLevel: "URGENT", resolvedAt: null });

    // Only silent intakes are triaged by hand.
    await switchSilentPilot(db, await member(db, "admin"), off, later);
    const normal = await intakeFor(db, "P15");
    expect(await recordStaffLevel(db, clinician, normal.id, "ROUTINE", later)).toEqual({ status: "not_silent" });
    expect(await recordStaffLevel(db, clinician, "not-an-id", "ROUTINE", later)).toEqual({ status: "not_found" });
  });

  it("makes new intakes normal again once switched off", async () => {
    const { db } = ctx();
    await seed(db);
    const admin = await member(db, "admin");
    await switchSilentPilot(db, admin, on, NOW);
    const during = await intakeFor(db, "P17");
    await switchSilentPilot(db, admin, off, NOW);
    const after = await intakeFor(db, "P17");

    expect(after.response.silent).toBeUndefined();
    expect(await getIntake(db, after.id)).toMatchObject({
      level: "SELF_CARE",
      silent: false,
      escalated: false,
      escalationReason: null,
    });
    expect((await kindsFor(db, after.id)).sort()).toEqual(
      expect.arrayContaining(["intake_self_care", "self_care_checkin"]),
    );
    // The pilot's intakes stay as they were.
    expect((await getIntake(db, during.id))?.silent).toBe(true);
    // A SOON intake is limited to 7 days again.
    const soon = await intakeFor(db, "P12");
    const res = await book(db, soon.token, "2026-12-09T15:00:00.000Z");
    expect(res.status).toBe(409); // not offered: outside its 7 days
    const list = await handleListSlots(
      db,
      new Request(
        `http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(soon.token)}&from=2026-12-01&days=14`,
      ),
      options(),
    );
    const starts: { start: string }[] = (await list.json()).slots;
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((t) => new Date(t.start).getTime() < NOW.getTime() + 7 * 24 * 3600_000)).toBe(true);
  });
});
