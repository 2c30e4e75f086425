import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/db/client";
import { listAudit, listAuditTrail, recordAudit } from "@/db/queries/audit";
import { getIntakeForBooking } from "@/db/queries/intakes";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, auditEvents } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { handleCreateBooking, handleListSlots, type BookingApiOptions } from "@/lib/booking/api";
import { bookAppointment } from "@/lib/booking/book";
import { cancelAppointment, rescheduleAppointment } from "@/lib/booking/manage";
import { submitIntake } from "@/lib/intakes/submit";
import {
  exportAuditCsv,
  pageAuditTrail,
  parseAuditQuery,
  queueViewDetails,
  recordStaffView,
  type Viewer,
} from "@/lib/staff/audit";
import { queueQuerySchema } from "@/lib/staff/queue";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, openTestDb, TEST_DATABASES, type TestDb } from "./support";

// Tuesday 1 December 2026, 08:00 in New York (the demo clinic's zone).
const NOW = new Date("2026-12-01T13:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const RAMAN = DEMO_CLINICIANS[0].id;
const OKAFOR = DEMO_CLINICIANS[1].id;
let n = 0;

const apiOptions: BookingApiOptions = {
  secret: SECRET,
  trustedProxies: 1,
  rateLimitPerMinute: 10_000,
  appUrl: "http://clinic.test",
  now: () => NOW,
};

async function staffMember(db: TestDb["db"], name: string, role: "admin" | "clinician" = "admin"): Promise<Viewer> {
  const email = `audit${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name, role, passwordHash: "not-used" });
  return { id, email, clientAddress: "192.0.2.44" };
}

/** A ROUTINE intake under the given name, and its booking token. */
async function patient(db: TestDb["db"], firstName: string, lastName: string) {
  const raw = vignetteIntake("P15", NOW) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, firstName, lastName };
  const result = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
    now: NOW,
    timeZone: ZONE,
  });
  if (result.status === "key_conflict") throw new Error("unexpected");
  return { id: result.response.id, token: signToken(SECRET, "booking", result.response.id) };
}

type SlotJson = { start: string; clinicianId: string };
async function freeSlots(db: TestDb["db"], token: string, from: string): Promise<SlotJson[]> {
  const res = await handleListSlots(
    db,
    new Request(`http://clinic.test/api/v1/slots?bookingToken=${encodeURIComponent(token)}&from=${from}&days=1`, {
      headers: { "x-forwarded-for": `10.9.0.${++n % 250}` },
    }),
    apiOptions,
  );
  expect(res.status).toBe(200);
  return (await res.json()).slots;
}

/** Books through the booking pages' path (lib/booking/book), returning the appointment and its manage token. */
async function bookByLink(db: TestDb["db"], intakeId: string, slot: SlotJson) {
  const intake = await getIntakeForBooking(db, intakeId);
  const result = await bookAppointment(db, {
    intake: intake!,
    clinicianId: slot.clinicianId,
    start: new Date(slot.start),
    now: NOW,
  });
  if (result.status !== "booked") throw new Error(`not booked: ${result.status}`);
  return result;
}

async function eventsFor(db: TestDb["db"], subjectId: string) {
  return (await listAudit(db, { subjectId })).reverse(); // oldest first
}

/** The SQLSTATE and message of a database error, through any wrappers. */
function failure(error: unknown): { code?: string; text: string } {
  const texts: string[] = [];
  let code: string | undefined;
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (typeof e.code === "string" && !code) code = e.code;
    if (typeof e.message === "string") texts.push(e.message);
  }
  return { code, text: texts.join(" | ") };
}

async function refused(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return failure(error);
  }
  throw new Error("the statement was not refused");
}

async function readAll(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const line of lines) out += line;
  return out;
}

/** A small RFC 4180 reader, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describeEachDb("a complete audit", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
  });

  it("records a view of the case queue with its filters, search terms and page", async () => {
    const { db } = ctx();
    const clinician = await staffMember(db, "Queue Viewer", "clinician");
    const query = queueQuerySchema.parse({ level: "URGENT", status: "all", q: "smith", clinician: RAMAN, after: "c1" });
    await recordStaffView(db, clinician, "queue_viewed", { ...queueViewDetails(query), queue: undefined, shown: 3 });
    const [event] = await listAudit(db, { actorId: clinician.id });
    expect(event).toMatchObject({
      action: "queue_viewed",
      actorId: clinician.id,
      actorEmail: clinician.email,
      subjectType: "queue",
      subjectId: null,
      clientAddress: "192.0.2.44",
      after: { level: "URGENT", status: "all", q: "smith", clinician: RAMAN, cursor: "c1", shown: 3 },
    });
  });

  it("records the review list, the API case list and the settings page, leaving out empty filters", async () => {
    const { db } = ctx();
    const admin = await staffMember(db, "List Viewer");
    const review = queueQuerySchema.parse({ queue: "review", q: "" });
    await recordStaffView(db, admin, "review_list_viewed", { ...queueViewDetails(review), queue: undefined });
    await recordStaffView(db, admin, "api_case_list_viewed", { ...queueViewDetails(review), shown: 0 });
    await recordStaffView(db, admin, "settings_viewed", { accounts: 4 });
    // Three rows may share a millisecond, so their order in the trail is not part of the claim.
    const events = await listAudit(db, { actorId: admin.id });
    const byAction = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byAction(events.map((e) => [e.action, e.subjectType, e.after]))).toEqual(
      byAction([
        ["review_list_viewed", "review_list", { status: "open" }],
        ["api_case_list_viewed", "case_list", { queue: "review", status: "open", shown: 0 }],
        ["settings_viewed", "settings", { accounts: 4 }],
      ]),
    );
  });

  it("audits a patient's booking through the booking pages in its transaction, with the link as the actor", async () => {
    const { db } = ctx();
    const p = await patient(db, "Bea", "Linkbooker");
    const [slot] = await freeSlots(db, p.token, "2026-12-02");
    const booked = await bookByLink(db, p.id, slot!);
    const events = await eventsFor(db, booked.appointment.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "appointment_booked",
      actorId: null,
      actorEmail: null,
      subjectType: "appointment",
      after: { via: "booking_link", intakeId: p.id, start: slot!.start, clinicianId: slot!.clinicianId },
    });
  });

  it("audits a booking through the booking API, and writes nothing for a refused one", async () => {
    const { db } = ctx();
    const first = await patient(db, "Abe", "Apibooker");
    const second = await patient(db, "Cy", "Apibooker");
    const [slot] = await freeSlots(db, first.token, "2026-12-03");
    const post = (token: string) =>
      handleCreateBooking(
        db,
        new Request("http://clinic.test/api/v1/bookings", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `10.8.0.${++n % 250}` },
          body: JSON.stringify({
            bookingToken: token,
            appointmentTypeId: "initial",
            clinicianId: slot!.clinicianId,
            start: slot!.start,
          }),
        }),
        apiOptions,
      );
    const ok = await post(first.token);
    expect(ok.status).toBe(201);
    const { id } = await ok.json();
    expect(await eventsFor(db, id)).toEqual([
      expect.objectContaining({
        action: "appointment_booked",
        actorId: null,
        after: expect.objectContaining({ intakeId: first.id }),
      }),
    ]);
    expect((await post(second.token)).status).toBe(409);
    const trail = await listAuditTrail(db, { patient: "Cy Apibooker" });
    expect(trail).toEqual([]);
  });

  it("audits a move and a cancellation by the manage link with before and after", async () => {
    const { db } = ctx();
    const p = await patient(db, "Mo", "Manager");
    const [slot] = await freeSlots(db, p.token, "2026-12-04");
    const booked = await bookByLink(db, p.id, slot!);
    const later = (await freeSlots(db, p.token, "2026-12-07")).find((s) => s.clinicianId === OKAFOR)!;
    const moved = await rescheduleAppointment(db, {
      token: booked.manageToken,
      clinicianId: later.clinicianId,
      start: new Date(later.start),
      now: NOW,
    });
    if (moved.status !== "booked") throw new Error(moved.status);
    const [move] = await eventsFor(db, moved.appointment.id);
    expect(move).toMatchObject({
      action: "appointment_moved",
      actorId: null,
      actorEmail: null,
      subjectType: "appointment",
      before: { appointmentId: booked.appointment.id, start: slot!.start, intakeId: p.id },
      after: { via: "manage_link", appointmentId: moved.appointment.id, start: later.start, clinician: "Sam Okafor" },
    });

    const reason = '=HYPERLINK("http://evil.test","x"), said "no"';
    expect(await cancelAppointment(db, { token: booked.manageToken, reason, now: NOW })).toEqual({ status: "done" });
    const cancel = (await eventsFor(db, moved.appointment.id)).at(-1);
    expect(cancel).toMatchObject({
      action: "appointment_cancelled",
      actorId: null,
      // The patient's own words stay with the appointment (erasable), never in the trail.
      reason: null,
      before: { status: "booked", start: later.start, clinician: "Sam Okafor" },
      after: { via: "manage_link", intakeId: p.id, status: "cancelled", reasonGiven: true },
    });
    // A second cancel changes nothing and records nothing.
    expect(await cancelAppointment(db, { token: booked.manageToken, reason, now: NOW })).toEqual({
      status: "not_found",
    });
    expect(await eventsFor(db, moved.appointment.id)).toHaveLength(2);
  });

  it("shows the trail with names: the actor, the patient of a case or appointment, the patient's link", async () => {
    const { db } = ctx();
    const admin = await staffMember(db, "Ada Admin");
    const p = await patient(db, "Nia", "Trailname");
    await recordAudit(db, {
      actor: admin,
      action: "level_overridden",
      subjectType: "intake",
      subjectId: p.id,
      before: { level: "URGENT" },
      after: { level: "ROUTINE" },
    });
    const [slot] = await freeSlots(db, p.token, "2026-12-08");
    await bookByLink(db, p.id, slot!);
    const trail = await listAuditTrail(db, { patient: "trailNAME" });
    expect(trail.map((e) => [e.action, e.actorName, e.patient])).toEqual([
      ["appointment_booked", null, { intakeId: p.id, firstName: "Nia", lastName: "Trailname" }],
      ["level_overridden", "Ada Admin", { intakeId: p.id, firstName: "Nia", lastName: "Trailname" }],
    ]);
    // The staff account a sign-in is about is named too.
    await recordAudit(db, { actor: admin, action: "staff_unlocked", subjectType: "staff_user", subjectId: admin.id });
    const [unlock] = await listAuditTrail(db, { action: "staff_unlocked", actorId: admin.id });
    expect(unlock).toMatchObject({ actorName: "Ada Admin", subjectName: "Ada Admin", patient: null });
  });

  it("filters by person, action and whole days in the clinic's zone, and pages without gaps or repeats", async () => {
    const { db } = ctx();
    const admin = await staffMember(db, "Filter Admin");
    const other = await staffMember(db, "Other Admin");
    // 23:30 on 30 November and 00:30 on 1 December in New York, both 1 December in UTC.
    const times = ["2026-12-01T04:30:00Z", "2026-12-01T05:30:00Z", "2026-12-02T04:59:00Z", "2026-12-02T05:00:00Z"];
    for (const at of times)
      await db.insert(auditEvents).values({
        at: new Date(at),
        actorId: admin.id,
        actorEmail: admin.email,
        action: "test_range_event",
        subjectType: "test",
      });
    await recordAudit(db, { actor: other, action: "test_range_event", subjectType: "test" });
    const query = parseAuditQuery({
      actor: admin.id,
      action: "test_range_event",
      from: "2026-12-01",
      to: "2026-12-01",
    });
    const { events } = await pageAuditTrail(db, admin, query, { timeZone: ZONE, pageSize: 10, source: "page" });
    expect(events.map((e) => e.at.toISOString())).toEqual(["2026-12-02T04:59:00.000Z", "2026-12-01T05:30:00.000Z"]);

    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const q = parseAuditQuery({ actor: admin.id, action: "test_range_event", before });
      const result = await pageAuditTrail(db, admin, q, { timeZone: ZONE, pageSize: 3, source: "api" });
      seen.push(...result.events.map((e) => e.id));
      if (!result.next) break;
      before = result.next;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);

    // Each view of the trail is itself in the trail, with its filters.
    // Views may share a millisecond: each is found by what it recorded, not by its place.
    const views = await listAudit(db, { actorId: admin.id, action: "audit_viewed" });
    expect(views.find((v) => (v.after as { source?: string }).source === "page")).toMatchObject({
      subjectType: "audit_trail",
      after: {
        actor: admin.id,
        action: "test_range_event",
        from: "2026-12-01",
        to: "2026-12-01",
        source: "page",
        shown: 2,
      },
    });
    expect(views.map((v) => v.after)).toContainEqual(expect.objectContaining({ source: "api", cursor: before }));
  });

  it("drops filters that do not parse instead of failing", () => {
    expect(
      parseAuditQuery({ action: "DROP TABLE", actor: "x", from: "2026-02-30", patient: "a\u0000b", before: "1_2" }),
    ).toEqual({});
    expect(parseAuditQuery({ patient: "  Smith ", to: "2026-12-01", action: "" })).toEqual({
      patient: "Smith",
      to: "2026-12-01",
    });
  });

  it("exports the filtered trail as CSV, escaped and guarded against formulas, and audits the export", async () => {
    const { db } = ctx();
    const admin = await staffMember(db, "Export Admin");
    const p = await patient(db, "-Dee", '"Formula", Quill');
    await recordAudit(db, {
      actor: admin,
      action: "note_added",
      subjectType: "intake",
      subjectId: p.id,
      after: { body: "@SUM(A1:A9)\nline two" },
      reason: "+1 call",
    });
    const csv = await readAll(await exportAuditCsv(db, admin, parseAuditQuery({ patient: "Quill" }), ZONE));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      "time (clinic)",
      "time (UTC)",
      "who",
      "who (email)",
      "action",
      "record type",
      "record id",
      "patient",
      "case id",
      "changes",
      "reason",
      "client address",
      "event id",
    ]);
    expect(rows).toHaveLength(2);
    const [, row] = rows;
    expect(row![2]).toBe("Export Admin");
    expect(row![4]).toBe("note added");
    expect(row![7]).toBe(`'-Dee "Formula", Quill`);
    expect(row![8]).toBe(p.id);
    expect(row![9]).toBe("body: @SUM(A1:A9)\nline two");
    expect(row![10]).toBe("'+1 call");
    // The raw text: quotes doubled inside a quoted cell, never a bare formula at a cell's start.
    expect(csv).toContain(`"'-Dee ""Formula"", Quill"`);
    expect(csv.split(/,|\r\n/).some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(row![0]).toMatch(/^2026-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const [exported] = await listAudit(db, { actorId: admin.id, action: "audit_exported" });
    expect(exported).toMatchObject({ subjectType: "audit_trail", after: { patient: "Quill" } });
  });

  it("refuses TRUNCATE of the audit trail, as it refuses UPDATE and DELETE", async () => {
    const { db } = ctx();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    for (const statement of ["truncate audit_events", "truncate audit_events cascade", "delete from audit_events"]) {
      const error = await refused(() => db.execute(sql.raw(statement)));
      expect(error.code, statement).toBe("P0001"); // raised by the trigger
      expect(error.text, statement).toMatch(/append-only/);
    }
    expect(await count()).toBe(before);
  });

  it("writes a booking and its audit row in one transaction: rolled back, neither is there", async () => {
    const { db } = ctx();
    const p = await patient(db, "Tx", "Together");
    const [slot] = await freeSlots(db, p.token, "2026-12-09");
    const intake = await getIntakeForBooking(db, p.id);
    await expect(
      db.transaction(async (tx) => {
        await bookAppointment(tx, {
          intake: intake!,
          clinicianId: slot!.clinicianId,
          start: new Date(slot!.start),
          now: NOW,
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.select().from(appointments).where(eq(appointments.intakeId, p.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "appointment_booked"), sql`${auditEvents.after}->>'intakeId' = ${p.id}`)),
    ).toEqual([]);
  });
});

// Only PostgreSQL has roles: on PGlite this block defines no test at all (nothing shows as skipped).
if (TEST_DATABASES.includes("postgres")) {
  describe("the app running as a role that does not own the tables [postgres]", () => {
    const role = `bt_app_${randomBytes(5).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    let owner: Awaited<ReturnType<typeof openTestDb>>;
    let app: DbHandle;

    beforeAll(async () => {
      owner = await openTestDb("postgres");
      await seed(owner.db);
      const database = new URL(owner.url!).pathname.slice(1);
      const sqlAsOwner = postgres(owner.url!, { max: 1, onnotice: () => {} });
      // The statements README "Production deployment" gives, run by the owner after migrating.
      await sqlAsOwner.unsafe(`
        CREATE ROLE ${role} LOGIN PASSWORD '${password}';
        GRANT CONNECT, CREATE ON DATABASE ${database} TO ${role};
        GRANT USAGE ON SCHEMA public TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
        REVOKE UPDATE, DELETE ON audit_events FROM ${role};
        GRANT USAGE, CREATE ON SCHEMA drizzle TO ${role};
        GRANT SELECT ON drizzle.__drizzle_migrations TO ${role};
      `);
      await sqlAsOwner.end();
      const url = new URL(owner.url!);
      url.username = role;
      url.password = password;
      app = await createDb({ url: url.toString(), max: 2 });
    });

    afterAll(async () => {
      await app?.close();
      await owner?.dispose();
      const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    });

    it("starts (its migration check finds nothing to do) and does its work: intakes, bookings, audit rows", async () => {
      await app.migrate();
      const p = await patient(app.db, "Ro", "Lerole");
      const viewer = await staffMember(owner.db, "Role Viewer");
      await recordStaffView(app.db, viewer, "queue_viewed", { q: "Lerole" });
      const [slot] = await freeSlots(app.db, p.token, "2026-12-10");
      const booked = await bookByLink(app.db, p.id, slot!);
      expect(await cancelAppointment(app.db, { token: booked.manageToken, reason: "r", now: NOW })).toEqual({
        status: "done",
      });
      expect((await listAudit(app.db, { actorId: viewer.id })).map((e) => e.action)).toEqual(["queue_viewed"]);
      expect((await eventsFor(app.db, booked.appointment.id)).map((e) => e.action)).toEqual([
        "appointment_booked",
        "appointment_cancelled",
      ]);
    });

    it("cannot update, delete or truncate the audit trail, nor switch its triggers off", async () => {
      const denied = (statement: string) => refused(() => app.db.execute(sql.raw(statement)));
      for (const statement of [
        "UPDATE audit_events SET reason = 'changed'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_events_no_truncate ON audit_events",
      ]) {
        const error = await denied(statement);
        expect(error.code, `${statement}: ${error.text}`).toBe("42501"); // insufficient_privilege
      }
    });
  });
}
