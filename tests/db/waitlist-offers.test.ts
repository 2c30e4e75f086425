import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { cancelBookedAppointment, insertAppointments } from "@/db/queries/appointments";
import { listAudit } from "@/db/queries/audit";
import { readCalendar } from "@/db/queries/calendar";
import { upsertStaff } from "@/db/queries/staff";
import { readWaitlistMeasures } from "@/db/queries/waitlist-offers";
import { appointments, clinic, freedTimes, outbox, waitlistEntries, waitlistOffers } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { bookAppointment } from "@/lib/booking/book";
import { getIntakeForBooking } from "@/db/queries/intakes";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { env } from "@/lib/env";
import { submitIntake } from "@/lib/intakes/submit";
import { renderEmail } from "@/lib/notifications/render";
import { eraseOnRequest } from "@/lib/privacy/erase";
import { openSecret, signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { acceptOffer, declineOffer, readOffer } from "@/lib/waitlist/answer";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { runWaitlistPass } from "@/lib/waitlist/offers";
import { addWorkingHours } from "@/lib/staff/settings";
import { createWebhookEndpoint, removeWebhookEndpoint } from "@/lib/staff/webhooks";
import { offerableTimes, offerTimeToPatient, readWaitlist, removeFromWaitlist } from "@/lib/staff/waitlist";
import { viewPatient } from "@/lib/staff/patients";
import type { Availability } from "@/lib/waitlist";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Wednesday 2 December 2026, 09:00 in New York.
const NOW = new Date("2026-12-02T14:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const HOUR = 3_600_000;
const MINUTE = 60_000;
const RAMAN = DEMO_CLINICIANS[0].id;
const NOVAK = DEMO_CLINICIANS[2].id;
// Friday 4 December, 14:00 in New York: Dr Raman's afternoon.
const FRIDAY_2PM = new Date("2026-12-04T19:00:00Z");

type Db = TestDb["db"];

const STAFF_ACTOR = { id: randomUUID(), email: "lead@clinic.test", clientAddress: "127.0.0.1" };
const UNIVERSAL_FOOTER = "If you think this is an emergency, go to the nearest emergency department.";

let counter = 0;

/** A patient graded by a public vignette who joins the waitlist `hoursAgo`, with this availability. */
async function waiting(db: Db, vignette: string, hoursAgo: number, availability: Availability = "any") {
  const joinedAt = new Date(NOW.getTime() - hoursAgo * HOUR);
  const lastName = `Waiter${++counter}`;
  const raw = vignetteIntake(vignette, joinedAt) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, lastName, email: `${lastName.toLowerCase()}@example.test` };
  const answers = makeIntakeAnswersSchema({ now: joinedAt }).parse(raw);
  const result = await submitIntake(db, { answers, now: joinedAt, timeZone: ZONE });
  if (result.status === "key_conflict") throw new Error("unexpected");
  const token = signToken(SECRET, "booking", result.response.id);
  const joined = await joinWaitlist(db, { bookingToken: token, availability }, joinedAt, { secret: SECRET });
  if (joined.status !== "joined") throw new Error(joined.status);
  return {
    intakeId: result.response.id,
    entryId: joined.entry.id,
    level: result.response.level,
    email: `${lastName.toLowerCase()}@example.test`,
    lastName,
  };
}

/** A booked appointment of another patient, cancelled: its time is freed (the trigger records it). */
async function freeTime(db: Db, start: Date, minutes = 45, typeId = "initial") {
  const other = await waiting(db, "P15", 100);
  const id = randomUUID();
  await insertAppointments(db, [
    {
      id,
      seriesId: id,
      intakeId: other.intakeId,
      clinicianId: RAMAN,
      appointmentTypeId: typeId,
      startsAt: start,
      endsAt: new Date(start.getTime() + minutes * MINUTE),
      blocked: `[${start.toISOString()},${new Date(start.getTime() + (minutes + 15) * MINUTE).toISOString()})`,
    },
  ]);
  // The other patient leaves the list, so only the patients a test makes are offered anything.
  await db.update(waitlistEntries).set({ status: "booked" }).where(eq(waitlistEntries.id, other.entryId));
  expect(await cancelBookedAppointment(db, { id, now: NOW, reason: "test", cutoffHours: null })).toBe(true);
  return id;
}

/** The offers of an entry, oldest first. */
const offersOf = (db: Db, entryId: string) =>
  db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId)).orderBy(waitlistOffers.offeredAt);

/** The offer link's token from the newest offer email to `email`. */
async function offerToken(db: Db, email: string): Promise<string> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), eq(outbox.kind, "waitlist_offer")))
    .orderBy(outbox.createdAt);
  const sealed = (rows.at(-1)?.payload as { offerToken?: string } | undefined)?.offerToken;
  const token = sealed ? openSecret(env().AUTH_SECRET, sealed) : null;
  if (!token) throw new Error(`no offer email to ${email}`);
  return token;
}

describeEachDb("waitlist offers", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });
  beforeEach(async () => {
    // Each test's waiting patients only: earlier tests' entries leave the list.
    const { db } = ctx();
    await db.update(waitlistEntries).set({ status: "booked" }).where(eq(waitlistEntries.status, "waiting"));
    await db.update(waitlistOffers).set({ status: "withdrawn" }).where(eq(waitlistOffers.status, "open"));
    await db.delete(appointments).where(eq(appointments.status, "held"));
    await db.update(freedTimes).set({ handledAt: NOW }).where(isNull(freedTimes.handledAt));
  });

  it("offers a cancelled time to a SOON patient before a ROUTINE one who has waited longer, and holds it for them", async () => {
    const { db } = ctx();
    const routine = await waiting(db, "P15", 48);
    const soon = await waiting(db, "P12", 2);
    expect([routine.level, soon.level]).toEqual(["ROUTINE", "SOON"]);
    await freeTime(db, FRIDAY_2PM);

    const report = await runWaitlistPass(db, NOW);
    expect(report).toMatchObject({ offered: 1 });
    const [offer] = await offersOf(db, soon.entryId);
    expect(offer).toMatchObject({ status: "open", startsAt: FRIDAY_2PM, clinicianId: RAMAN });
    expect(offer!.expiresAt.getTime() - NOW.getTime()).toBe(30 * MINUTE);
    expect(await offersOf(db, routine.entryId)).toEqual([]);
    const [held] = await db.select().from(appointments).where(eq(appointments.id, offer!.appointmentId!));
    expect(held).toMatchObject({ status: "held", intakeId: soon.intakeId });

    // Held: nobody else can book it meanwhile.
    const intake = await getIntakeForBooking(db, routine.intakeId);
    const attempt = await bookAppointment(db, {
      intake: intake!,
      clinicianId: RAMAN,
      start: FRIDAY_2PM,
      typeId: "initial",
      now: NOW,
    });
    expect(attempt.status).toBe("slot_taken");
    // The staff calendar shows the held time as taken, not free.
    const calendar = await readCalendar(db, {
      from: FRIDAY_2PM,
      to: new Date(FRIDAY_2PM.getTime() + HOUR),
      clinicianIds: [RAMAN],
    });
    expect(calendar.appointments).toMatchObject([{ id: offer!.appointmentId, status: "held" }]);
    expect(await listAudit(db, { action: "waitlist_offered", subjectId: soon.intakeId })).toHaveLength(1);
  });

  it("sends an offer email with the time, the hold and a private link, and no clinical words", async () => {
    const { db } = ctx();
    const soon = await waiting(db, "P12", 1);
    // An integration subscribed to offers hears of it too: ids and times only (issue 21).
    const hook = await createWebhookEndpoint(db, STAFF_ACTOR, {
      url: "https://pager.example/offers",
      description: "",
      events: ["waitlist.offered"],
    });
    if (!hook.ok) throw new Error("endpoint");
    await freeTime(db, new Date(FRIDAY_2PM.getTime() + HOUR));
    await runWaitlistPass(db, NOW);
    const deliveries = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, hook.created.id), eq(outbox.kind, "webhook")));
    expect(deliveries.map((d) => d.payload)).toEqual([
      {
        type: "waitlist.offered",
        timestamp: NOW.toISOString(),
        data: {
          caseId: soon.intakeId,
          clinicianId: RAMAN,
          start: new Date(FRIDAY_2PM.getTime() + HOUR).toISOString(),
          end: new Date(FRIDAY_2PM.getTime() + HOUR + 45 * MINUTE).toISOString(), // an initial assessment
          offerExpiresAt: new Date(NOW.getTime() + 30 * MINUTE).toISOString(),
        },
      },
    ]);
    await removeWebhookEndpoint(db, STAFF_ACTOR, { id: hook.created.id });
    const [row] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, soon.email), eq(outbox.kind, "waitlist_offer")));
    const email = await renderEmail(row!, {
      clinic: {
        name: "Riverside Spine",
        address: "1 River St",
        phone: "555-0100",
        email: null,
        timeZone: ZONE,
        cancellationCutoffHours: 24,
      },
      appUrl: "https://book.example",
      secret: env().AUTH_SECRET,
    });
    expect(email.subject).toBe("A time has come up at Riverside Spine: Friday 4 December 2026 at 3:00 pm");
    const token = await offerToken(db, soon.email);
    expect(email.text).toContain(`https://book.example/waitlist/offer/${token}`);
    expect(email.text).toMatch(/holding it for you until (Wednesday 2 December at )?9:30\sam \(New York time\)/);
    for (const word of [
      /soon/i,
      /urgent/i,
      /routine/i,
      /self-care/i,
      /emergency/i,
      /pain/i,
      /symptom/i,
      /level/i,
      /grade/i,
      /triage/i,
    ])
      // Every patient email ends with the same universal line about emergencies; nothing else may be clinical.
      expect(`${email.subject}\n${email.text.replace(UNIVERSAL_FOOTER, "")}`).not.toMatch(word);
  });

  it("respects the days and times a patient chose: a Friday afternoon goes past a Monday-morning patient", async () => {
    const { db } = ctx();
    const monday = await waiting(db, "P12", 5, { mon: ["morning"] });
    const friday = await waiting(db, "P15", 1, { fri: ["afternoon"] });
    await freeTime(db, new Date(FRIDAY_2PM.getTime() + 2 * HOUR));
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, monday.entryId)).toEqual([]);
    expect(await offersOf(db, friday.entryId)).toHaveLength(1);
  });

  it("books the time when accepted, once: two clicks at once book it once and the second reads calmly as taken", async () => {
    const { db } = ctx();
    const soon = await waiting(db, "P12", 1);
    await freeTime(db, new Date(FRIDAY_2PM.getTime() - 4 * HOUR)); // Friday 10:00
    await runWaitlistPass(db, NOW);
    const token = await offerToken(db, soon.email);
    expect((await readOffer(db, token, NOW)).status).toBe("open");

    const later = new Date(NOW.getTime() + 5 * MINUTE);
    const results = await Promise.all([acceptOffer(db, token, later), acceptOffer(db, token, later)]);
    expect(results.map((r) => r.status).sort()).toEqual(["accepted", "booked"]);
    const [offer] = await offersOf(db, soon.entryId);
    expect(offer).toMatchObject({ status: "accepted", answeredAt: later });
    const booked = await db.select().from(appointments).where(eq(appointments.intakeId, soon.intakeId));
    expect(booked).toMatchObject([{ id: offer!.appointmentId, status: "booked", startsAt: offer!.startsAt }]);
    const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, soon.entryId));
    expect(entry!.status).toBe("booked");
    const mail = await db.select().from(outbox).where(eq(outbox.appointmentId, offer!.appointmentId!));
    expect(mail.map((m) => m.kind)).toEqual(expect.arrayContaining(["appointment_reminder", "booking_confirmation"]));
    // A later click, and a decline after it, say how it stands.
    expect((await acceptOffer(db, token, later)).status).toBe("accepted");
    expect((await declineOffer(db, token, later)).status).toBe("accepted");
    expect((await readOffer(db, token, later)).status).toBe("accepted");

    // The patient's record shows the offer and their answer; the held time never showed as an appointment.
    const [intakeRow] = await db
      .select({ patientId: appointments.patientId })
      .from(appointments)
      .where(eq(appointments.id, offer!.appointmentId!));
    const viewer = {
      id: (await upsertStaff(db, { email: "viewer@example.test", name: "V", role: "clinician", passwordHash: "x" })).id,
      email: "viewer@example.test",
      clientAddress: "192.0.2.65",
    };
    const view = await viewPatient(db, viewer, intakeRow!.patientId);
    expect(view).toMatchObject({ status: "ok", waitlistOffers: [{ status: "accepted", startsAt: offer!.startsAt }] });

    const measures = await readWaitlistMeasures(db, { since: new Date(NOW.getTime() - 24 * HOUR) });
    expect(measures.accepted).toBeGreaterThanOrEqual(1);
    expect(measures.freed).toBeGreaterThanOrEqual(1);
    expect(measures.medianMinutesFreedToBooked).not.toBeNull();
  });

  it("lets a held time lapse after 30 minutes and offers it to the next patient; declining does the same", async () => {
    const { db } = ctx();
    const first = await waiting(db, "P12", 3);
    const second = await waiting(db, "P12", 2);
    const third = await waiting(db, "P15", 1);
    const start = new Date(FRIDAY_2PM.getTime() - 3 * HOUR); // Friday 11:00
    await freeTime(db, start);
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, first.entryId)).toMatchObject([{ status: "open" }]);

    // 29 minutes on, still held; at 30 it lapses and goes to the next in line.
    expect(await runWaitlistPass(db, new Date(NOW.getTime() + 29 * MINUTE))).toMatchObject({ lapsed: 0, offered: 0 });
    const lapseAt = new Date(NOW.getTime() + 30 * MINUTE);
    expect(await runWaitlistPass(db, lapseAt)).toMatchObject({ lapsed: 1, offered: 1 });
    expect(await offersOf(db, first.entryId)).toMatchObject([{ status: "lapsed", appointmentId: null }]);
    expect(await offersOf(db, second.entryId)).toMatchObject([{ status: "open", startsAt: start }]);
    const firstToken = await offerToken(db, first.email);
    expect((await acceptOffer(db, firstToken, lapseAt)).status).toBe("lapsed");

    // The second lets it go: the third is offered it on the next pass.
    const declined = await declineOffer(db, await offerToken(db, second.email), lapseAt);
    expect(declined.status).toBe("declined");
    expect(await runWaitlistPass(db, lapseAt)).toMatchObject({ offered: 1 });
    expect(await offersOf(db, third.entryId)).toMatchObject([{ status: "open", startsAt: start }]);
    // The patient who let it go is still waiting (for other times).
    const [entry] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, second.entryId));
    expect(entry!.status).toBe("waiting");
  });

  it("moves a patient who holds a later appointment, keeps their manage link, and offers their old time on", async () => {
    const { db } = ctx();
    const holder = await waiting(db, "P15", 1);
    const oldStart = new Date("2026-12-09T19:00:00Z"); // Wednesday 9 December, 14:00
    const oldId = randomUUID();
    await insertAppointments(db, [
      {
        id: oldId,
        seriesId: oldId,
        intakeId: holder.intakeId,
        clinicianId: RAMAN,
        appointmentTypeId: "initial",
        startsAt: oldStart,
        endsAt: new Date(oldStart.getTime() + 45 * MINUTE),
        blocked: `[${oldStart.toISOString()},${new Date(oldStart.getTime() + 60 * MINUTE).toISOString()})`,
        manageTokenHash: "old-link-hash",
      },
    ]);
    const start = new Date("2026-12-07T19:00:00Z"); // Monday 7 December, 14:00
    await freeTime(db, start);
    await runWaitlistPass(db, NOW);
    const nextInLine = await waiting(db, "P15", 0);
    const result = await acceptOffer(db, await offerToken(db, holder.email), NOW);
    expect(result).toMatchObject({ status: "booked", moved: true });
    const rows = await db.select().from(appointments).where(eq(appointments.intakeId, holder.intakeId));
    const old = rows.find((r) => r.id === oldId)!;
    const moved = rows.find((r) => r.status === "booked")!;
    expect(old.status).toBe("rescheduled");
    expect(moved).toMatchObject({ startsAt: start, seriesId: oldId, sequence: 1, rescheduledFromId: oldId });
    const mail = await db.select().from(outbox).where(eq(outbox.appointmentId, moved.id));
    expect(mail.map((m) => m.kind)).toContain("booking_rescheduled");
    // The old time is freed and offered to the next patient waiting.
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, nextInLine.entryId)).toMatchObject([{ status: "open", startsAt: oldStart }]);
  });

  it("does not offer a time to a patient re-graded URGENT since joining, and an erased patient's offer is withdrawn", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", 2);
    const raw = vignetteIntake("P07", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, email: p.email };
    const regrade = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: ZONE,
      previousIntakeId: p.intakeId,
    });
    if (regrade.status === "key_conflict") throw new Error("unexpected");
    expect(regrade.response.level).toBe("URGENT");
    const other = await waiting(db, "P15", 1);
    await freeTime(db, new Date("2026-12-07T20:00:00Z"));
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, p.entryId)).toEqual([]);
    const [offer] = await offersOf(db, other.entryId);
    expect(offer?.status).toBe("open");

    const { id } = await upsertStaff(db, {
      email: "eraser@example.test",
      name: "Admin",
      role: "admin",
      passwordHash: "x",
    });
    const admin = {
      id,
      email: "eraser@example.test",
      name: "Admin",
      role: "admin" as const,
      clientAddress: "192.0.2.62",
    };
    const erased = await eraseOnRequest(
      db,
      admin,
      { intakeId: other.intakeId, reason: "Asked by email", confirm: other.lastName },
      NOW,
    );
    expect(erased).toMatchObject({ ok: true, result: { status: "erased" } });
    const [after] = await offersOf(db, other.entryId);
    expect(after).toMatchObject({ status: "withdrawn", appointmentId: null });
  });

  it("offers new working hours to a waiting patient whose days they suit, held for the clinic's hold time", async () => {
    const { db } = ctx();
    await db.update(clinic).set({ waitlistHoldMinutes: 10 }).where(eq(clinic.id, 1));
    clearSettingsCaches();
    const monday = await waiting(db, "P15", 1, { mon: ["evening"] });
    const admin = await upsertStaff(db, {
      email: "hours@example.test",
      name: "Admin",
      role: "admin",
      passwordHash: "x",
    });
    const actor = { id: admin.id, email: "hours@example.test", clientAddress: "192.0.2.64" };
    // Lena Novak does not work Mondays; now she works Monday evenings too.
    const added = await addWorkingHours(
      db,
      actor,
      { clinicianId: NOVAK, weekday: 1, start: "17:00", end: "19:00" },
      NOW,
    );
    expect(added).toEqual({ ok: true });
    await runWaitlistPass(db, NOW);
    const [offer] = await offersOf(db, monday.entryId);
    expect(offer).toMatchObject({ status: "open", clinicianId: NOVAK });
    expect(
      new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "long", hour: "numeric", hourCycle: "h23" }).format(
        offer!.startsAt,
      ),
    ).toMatch(/^Monday,? (1[78])$/);
    expect(offer!.expiresAt.getTime() - NOW.getTime()).toBe(10 * MINUTE);
    await db.update(clinic).set({ waitlistHoldMinutes: 30 }).where(eq(clinic.id, 1));
    clearSettingsCaches();
  });

  it("lets staff offer a chosen patient a chosen time, once at a time, audited with who offered it", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P12", 1, { thu: ["morning", "afternoon"] });
    const found = await offerableTimes(db, p.entryId, NOW);
    expect(found?.times.length).toBeGreaterThan(0);
    const slot = found!.times[0]!;
    const staff = await upsertStaff(db, {
      email: "desk@example.test",
      name: "Desk",
      role: "reception",
      passwordHash: "x",
    });
    const actor = { id: staff.id, email: "desk@example.test", clientAddress: "192.0.2.63" };
    const time = `${slot.clinicianId}@${slot.start.toISOString()}`;
    expect(await offerTimeToPatient(db, actor, { entryId: p.entryId, time }, NOW)).toBe("offered");
    const [offer] = await offersOf(db, p.entryId);
    expect(offer).toMatchObject({ status: "open", offeredBy: staff.id, startsAt: slot.start, freedTimeId: null });
    // A second offer waits for the answer to the first.
    const next = found!.times.find((t) => t.start.getTime() - slot.start.getTime() > 2 * HOUR)!;
    const second = `${next.clinicianId}@${next.start.toISOString()}`;
    expect(await offerTimeToPatient(db, actor, { entryId: p.entryId, time: second }, NOW)).toBe("entry_busy");
    const [audit] = await listAudit(db, { action: "waitlist_offered", subjectId: p.intakeId });
    expect(audit).toMatchObject({ actorId: staff.id, after: expect.objectContaining({ via: "staff" }) });
  });

  it("withdraws an open offer when staff take the patient off the list; the time goes to the next", async () => {
    const { db } = ctx();
    const first = await waiting(db, "P12", 2);
    const next = await waiting(db, "P15", 1);
    const start = new Date("2026-12-07T16:00:00Z"); // Monday 7 December, 11:00
    await freeTime(db, start);
    await runWaitlistPass(db, NOW);
    const token = await offerToken(db, first.email);
    const staff = await upsertStaff(db, {
      email: "remover@example.test",
      name: "R",
      role: "reception",
      passwordHash: "x",
    });
    const actor = { id: staff.id, email: "remover@example.test", clientAddress: "192.0.2.66" };
    expect(await removeFromWaitlist(db, actor, { id: first.entryId, reason: "Booked by phone" }, NOW)).toBeTruthy();
    expect(await offersOf(db, first.entryId)).toMatchObject([{ status: "withdrawn", appointmentId: null }]);
    expect((await acceptOffer(db, token, NOW)).status).toBe("withdrawn");
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, next.entryId)).toMatchObject([{ status: "open", startsAt: start }]);
  });

  it("ends a hold by the clinic's minimum notice before the time, and never offers a patient the time they gave up", async () => {
    const { db } = ctx();
    // Wednesday 11:15: two hours and a quarter away, with two hours' minimum notice: held 15 minutes.
    const soonStart = new Date(NOW.getTime() + 135 * MINUTE);
    // Today's first free time would be kept for urgent cases until noon: no reserve in this test.
    await db.update(clinic).set({ urgentReservePerDay: 0 }).where(eq(clinic.id, 1));
    clearSettingsCaches();
    const holder = await waiting(db, "P12", 3);
    const id = randomUUID();
    await insertAppointments(db, [
      {
        id,
        seriesId: id,
        intakeId: holder.intakeId,
        clinicianId: RAMAN,
        appointmentTypeId: "initial",
        startsAt: soonStart,
        endsAt: new Date(soonStart.getTime() + 45 * MINUTE),
        blocked: `[${soonStart.toISOString()},${new Date(soonStart.getTime() + 60 * MINUTE).toISOString()})`,
      },
    ]);
    const other = await waiting(db, "P12", 1);
    // The holder cancels their own appointment: the time goes to the other patient, not back to them.
    expect(await cancelBookedAppointment(db, { id, now: NOW, reason: "test", cutoffHours: null })).toBe(true);
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, holder.entryId)).toEqual([]);
    const [offer] = await offersOf(db, other.entryId);
    expect(offer).toMatchObject({ status: "open", startsAt: soonStart });
    expect(offer!.expiresAt.getTime() - NOW.getTime()).toBe(15 * MINUTE);
    await db.update(clinic).set({ urgentReservePerDay: 1 }).where(eq(clinic.id, 1));
    clearSettingsCaches();
  });

  it("offers no time to a patient whose visit from that intake has begun or happened", async () => {
    const { db } = ctx();
    const seen = await waiting(db, "P15", 5);
    const id = randomUUID();
    const past = new Date(NOW.getTime() - 3 * HOUR);
    await insertAppointments(db, [
      {
        id,
        seriesId: id,
        intakeId: seen.intakeId,
        clinicianId: RAMAN,
        appointmentTypeId: "initial",
        startsAt: past,
        endsAt: new Date(past.getTime() + 45 * MINUTE),
        blocked: `[${past.toISOString()},${new Date(past.getTime() + 60 * MINUTE).toISOString()})`,
        status: "arrived",
      },
    ]);
    await freeTime(db, new Date("2026-12-07T17:00:00Z"));
    await runWaitlistPass(db, NOW);
    expect(await offersOf(db, seen.entryId)).toEqual([]);
    const row = (await readWaitlist(db, NOW, ZONE)).find((r) => r.id === seen.entryId);
    expect(row?.why).toBe("Their appointment has begun or happened: not offered times");
  });
});
