import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { appointments, caseNotes, intakes, outbox, patientMerges, patients } from "@/db/schema";
import { DEMO_CLINICIANS, seed } from "@/db/seed";
import { submitIntake } from "@/lib/intakes/submit";
import {
  findPatients,
  mergePatients,
  parsePatientSearch,
  undoPatientMerge,
  viewPatient,
  type PatientSearchQuery,
} from "@/lib/staff/patients";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-12-01T13:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 24 * 3600_000);
let n = 0;

async function intake(db: Db, contact: Record<string, string>, at = NOW, vignette = "P15"): Promise<string> {
  const raw = vignetteIntake(vignette, at) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, ...contact };
  const r = await submitIntake(db, {
    answers: makeIntakeAnswersSchema({ now: at }).parse(raw),
    now: at,
    timeZone: "America/New_York",
  });
  if (r.status === "key_conflict") throw new Error("unexpected");
  return r.response.id;
}

const patientOf = async (db: Db, intakeId: string) =>
  (await db.select({ id: intakes.patientId }).from(intakes).where(eq(intakes.id, intakeId)))[0]!.id;

async function staffMember(db: Db, role: "admin" | "clinician" | "reception") {
  const email = `patients-staff${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: "x" });
  return { id, email, clientAddress: "192.0.2.40" };
}

async function appointment(db: Db, intakeId: string, startsAt: Date) {
  const endsAt = new Date(startsAt.getTime() + 45 * 60_000);
  const id = randomUUID();
  await db.insert(appointments).values({
    id,
    intakeId,
    clinicianId: DEMO_CLINICIANS[(++n % 3) as 0 | 1 | 2].id,
    appointmentTypeId: "initial",
    startsAt,
    endsAt,
    blocked: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
    seriesId: id,
  });
  return id;
}

const q = (text: string, cursor?: string): PatientSearchQuery => ({ q: text, cursor });

describeEachDb("patient records: search, timeline, merge", (ctx) => {
  it("reads a search box as a date of birth (ISO or US), an email, phone digits or name words", () => {
    expect(parsePatientSearch(" 1961-04-09 ")).toEqual({ kind: "dob", date: "1961-04-09" });
    expect(parsePatientSearch("4/9/1961")).toEqual({ kind: "dob", date: "1961-04-09" });
    expect(parsePatientSearch("02/30/1961")).toBeNull();
    expect(parsePatientSearch("Ada@Example.COM")).toEqual({ kind: "email", email: "ada@example.com" });
    expect(parsePatientSearch("+1 (212) 555-0100")).toEqual({ kind: "phone", digits: "2125550100" });
    expect(parsePatientSearch("  Van  der ")).toEqual({ kind: "name", words: ["van", "der"] });
    expect(parsePatientSearch("   ")).toBeNull();
  });

  it("finds a patient by name prefix (any case), email, phone however formatted and date of birth, and audits each search with its terms", async () => {
    const { db } = ctx();
    const staff = await staffMember(db, "reception");
    const tag = `q${++n}`;
    const email = `Zelda.${tag}@Example.com`;
    const first = await intake(db, {
      firstName: "Zelda",
      lastName: `Quartermain${tag}`,
      email,
      phone: `(212) 555-${String(1000 + n).slice(-4)}`,
      dateOfBirth: "1961-04-09",
    });
    const patientId = await patientOf(db, first);
    const [p] = await db.select().from(patients).where(eq(patients.id, patientId));
    const digits = p!.phone.replace(/\D/g, "");
    const ids = async (text: string) => {
      const page = await findPatients(db, staff, q(text), { source: "page" });
      if (page.status !== "ok") throw new Error("bad cursor");
      return page.results.map((r) => r.id);
    };
    expect(await ids(`quarterMAIN${tag}`)).toEqual([patientId]);
    expect(await ids(`zel QUARTER`)).toContain(patientId);
    expect(await ids(email.toUpperCase())).toEqual([patientId]);
    expect(await ids(`+1 ${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`)).toContain(patientId);
    expect(await ids("1961-04-09")).toContain(patientId);
    expect(await ids("04/09/1961")).toContain(patientId);
    expect(await ids(`nobody${tag}`)).toEqual([]);
    expect(await ids("%")).toEqual([]);

    const page = await findPatients(db, staff, q(email), { source: "page" });
    expect(page).toMatchObject({
      status: "ok",
      key: "email",
      results: [{ id: patientId, dateOfBirth: "1961-04-09", lastIntakeAt: NOW, erased: false }],
    });
    const searches = await listAudit(db, { action: "patients_searched", actorId: staff.id }, 20);
    expect(searches.map((e) => e.after)).toContainEqual({ q: email, by: "email", source: "page", shown: 1 });
    expect(searches.map((e) => e.after)).toContainEqual({ q: "04/09/1961", by: "dob", source: "page", shown: 1 });
  });

  it("pages by last name with a cursor, and refuses a cursor it did not write", async () => {
    const { db } = ctx();
    const staff = await staffMember(db, "reception");
    const surname = `Pager${++n}x`;
    const made: string[] = [];
    for (const first of ["Ann", "Bea", "Cal", "Dee", "Eve"])
      made.push(
        await patientOf(
          db,
          await intake(db, { firstName: first, lastName: surname, email: `${first}.${surname}@example.com` }),
        ),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await findPatients(db, staff, q(surname, cursor), { source: "api", pageSize: 2 });
      if (page.status !== "ok") throw new Error("bad cursor");
      seen.push(...page.results.map((r) => r.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(made);
    expect(await findPatients(db, staff, q(surname, "not-a-cursor"), { source: "api" })).toEqual({
      status: "bad_cursor",
    });
  });

  it("shows an erased patient by their pseudonym only, and a merged-away record as the one it joined", async () => {
    const { db } = ctx();
    const staff = await staffMember(db, "clinician");
    const tag = `e${++n}`;
    const erasedIntake = await intake(db, { lastName: `Gone${tag}`, email: `gone.${tag}@example.com` });
    const erasedId = await patientOf(db, erasedIntake);
    await db
      .update(patients)
      .set({
        firstName: "Erased patient",
        lastName: `X${tag.toUpperCase()}`,
        email: `erased-${tag}@erased.invalid`,
        phone: "",
        dateOfBirth: "1900-01-01",
        erasedAt: NOW,
      })
      .where(eq(patients.id, erasedId));
    const byOldName = await findPatients(db, staff, q(`Gone${tag}`), { source: "page" });
    expect(byOldName).toMatchObject({ status: "ok", results: [] });
    const byCode = await findPatients(db, staff, q(`X${tag}`), { source: "page" });
    expect(byCode).toMatchObject({
      status: "ok",
      results: [
        {
          id: erasedId,
          name: `Erased patient X${tag.toUpperCase()}`,
          email: null,
          phone: null,
          dateOfBirth: null,
          erased: true,
        },
      ],
    });

    const a = await patientOf(db, await intake(db, { lastName: `Keep${tag}`, email: `keep.${tag}@example.com` }));
    const b = await patientOf(db, await intake(db, { lastName: `Old${tag}`, email: `old.${tag}@example.com` }));
    expect(
      await mergePatients(db, staff, { survivorId: a, mergedId: b, reason: "Same person, new email" }, NOW),
    ).toMatchObject({
      status: "done",
    });
    const byMergedName = await findPatients(db, staff, q(`Old${tag}`), { source: "page" });
    expect(byMergedName).toMatchObject({ status: "ok", results: [{ id: a }] });
    expect(await viewPatient(db, staff, b)).toEqual({ status: "merged", survivorId: a });
    expect(await viewPatient(db, staff, "not-a-uuid")).toEqual({ status: "not_found" });
    expect(await viewPatient(db, staff, randomUUID())).toEqual({ status: "not_found" });
  });

  it("gathers one patient's timeline: intakes with their rules and re-grades, appointments, notes, emails, alerts and the current level; audited as a view", async () => {
    const { db } = ctx();
    await seed(db);
    const staff = await staffMember(db, "reception");
    const email = `timeline${++n}@example.com`;
    const who = { email, lastName: "Timeline", dateOfBirth: "1966-06-06" };
    const first = await intake(db, who, NOW, "P15");
    const second = await intake(db, who, later(40), "P01");
    await db.update(intakes).set({ previousIntakeId: first }).where(eq(intakes.id, second));
    const patientId = await patientOf(db, first);
    const past = await appointment(db, first, later(-5));
    await db.update(appointments).set({ status: "completed" }).where(eq(appointments.id, past));
    const future = await appointment(db, second, later(45));
    await db.insert(outbox).values({
      kind: "booking_confirmation",
      recipient: email,
      payload: {},
      appointmentId: future,
      intakeId: second,
    });
    await db
      .insert(caseNotes)
      .values({ intakeId: second, authorId: staff.id, kind: "call", outcome: "reached", body: "Called" });

    const view = await viewPatient(db, staff, patientId);
    if (view.status !== "ok") throw new Error(view.status);
    expect(view.patient).toMatchObject({ id: patientId, email, erased: false });
    expect(view.intakes.map((i) => i.id)).toEqual([second, first]);
    expect(view.intakes[0]).toMatchObject({
      previousIntakeId: first,
      firstIntakeId: first,
      effectiveLevel: "EMERGENCY",
    });
    expect(view.intakes[0]!.grade.firedRules.length).toBeGreaterThan(0);
    expect(view.intakes[0]!.topRule).toBe(view.intakes[0]!.grade.firedRules[0]!.summary);
    expect(view.currentLevel).toBe("EMERGENCY");
    expect(view.appointments.map((a) => [a.id, a.status])).toEqual([
      [future, "booked"],
      [past, "completed"],
    ]);
    expect(view.notes).toMatchObject([{ kind: "call", outcome: "reached", intakeId: second }]);
    const emailKinds = view.emails.map((e) => e.kind);
    expect(emailKinds.length).toBeGreaterThan(0);
    expect(emailKinds).not.toContain("staff_escalation");
    expect(view.emails[0]).not.toHaveProperty("recipient");
    expect(view.emails[0]).not.toHaveProperty("payload");
    const alertRows = await db.select().from(outbox).where(eq(outbox.intakeId, second));
    expect(view.alerts.length).toBe(
      alertRows.filter((r) => r.kind === "staff_escalation" || r.kind === "webhook").length,
    );
    expect(view.alerts.length).toBeGreaterThan(0);
    const views = await listAudit(db, { action: "patient_viewed", subjectId: patientId }, 5);
    expect(views).toMatchObject([{ actorId: staff.id, subjectType: "patient", clientAddress: "192.0.2.40" }]);
  });

  it("merges B into A (moving its intakes and appointments, audited) and undoes it exactly, refusing what is unsafe", async () => {
    const { db } = ctx();
    await seed(db);
    const staff = await staffMember(db, "clinician");
    const tag = `m${++n}`;
    const aIntake = await intake(db, {
      lastName: `Merge${tag}`,
      email: `a.${tag}@example.com`,
      phone: `+1 646 555 01${n}`,
      dateOfBirth: "1970-02-02",
    });
    const bIntake = await intake(
      db,
      { lastName: `Merge${tag}`, email: `b.${tag}@example.com`, phone: `+1 646 555 02${n}`, dateOfBirth: "1970-02-02" },
      later(1),
    );
    const a = await patientOf(db, aIntake);
    const b = await patientOf(db, bIntake);
    const bAppt = await appointment(db, bIntake, later(3));
    const aView = await viewPatient(db, staff, a);
    if (aView.status !== "ok") throw new Error(aView.status);
    expect(aView.duplicates.map((d) => d.id)).toEqual([b]);

    expect(await mergePatients(db, staff, { survivorId: a, mergedId: a, reason: "x" }, NOW)).toMatchObject({
      status: "refused",
    });
    const done = await mergePatients(
      db,
      staff,
      { survivorId: a, mergedId: b, reason: "Same runner, two emails" },
      later(2),
    );
    expect(done).toMatchObject({ status: "done", intakes: 1, appointments: 1 });
    if (done.status !== "done") throw new Error();
    expect(await patientOf(db, bIntake)).toBe(a);
    const [movedAppt] = await db.select().from(appointments).where(eq(appointments.id, bAppt));
    expect(movedAppt!.patientId).toBe(a);
    const [bRow] = await db.select().from(patients).where(eq(patients.id, b));
    expect(bRow!.mergedIntoId).toBe(a);
    const [mergeRow] = await db.select().from(patientMerges).where(eq(patientMerges.id, done.mergeId));
    expect(mergeRow).toMatchObject({
      survivorId: a,
      mergedId: b,
      intakeIds: [bIntake],
      appointmentIds: [bAppt],
      mergedBy: staff.id,
    });
    // Into a merged record, or a merged record again: refused.
    const c = await patientOf(
      db,
      await intake(db, { lastName: `Other${tag}`, email: `c.${tag}@example.com`, phone: `+1 646 555 03${n}` }),
    );
    expect(await mergePatients(db, staff, { survivorId: b, mergedId: c, reason: "x" }, NOW)).toMatchObject({
      status: "refused",
    });
    expect(await mergePatients(db, staff, { survivorId: c, mergedId: b, reason: "x" }, NOW)).toMatchObject({
      status: "refused",
    });
    // A new intake of A's after the merge: not one of the rows moved, so it stays with A on undo.
    const afterMerge = await intake(
      db,
      { lastName: `Merge${tag}`, email: `A.${tag}@example.com`, dateOfBirth: "1970-02-02" },
      later(4),
    );
    expect(await patientOf(db, afterMerge)).toBe(a);

    const view = await viewPatient(db, staff, a);
    if (view.status !== "ok") throw new Error(view.status);
    expect(view.merges).toMatchObject([{ id: done.mergeId, mergedId: b, intakeCount: 1, appointmentCount: 1 }]);

    const undone = await undoPatientMerge(
      db,
      staff,
      { survivorId: a, mergeId: done.mergeId, reason: "Two people after all" },
      later(5),
    );
    expect(undone).toMatchObject({ status: "done" });
    expect(await patientOf(db, bIntake)).toBe(b);
    expect(await patientOf(db, aIntake)).toBe(a);
    expect(await patientOf(db, afterMerge)).toBe(a); // arrived after the merge: not one of the rows it moved
    const [apptBack] = await db.select().from(appointments).where(eq(appointments.id, bAppt));
    expect(apptBack!.patientId).toBe(b);
    const [bLive] = await db.select().from(patients).where(eq(patients.id, b));
    expect(bLive!.mergedIntoId).toBeNull();
    expect(
      await undoPatientMerge(db, staff, { survivorId: a, mergeId: done.mergeId, reason: "again" }, later(6)),
    ).toMatchObject({ status: "refused", message: "This merge has already been undone." });
    expect(await undoPatientMerge(db, staff, { survivorId: c, mergeId: done.mergeId, reason: "x" }, later(6))).toEqual({
      status: "not_found",
    });

    const trail = await listAudit(db, { subjectId: a }, 20);
    const merged = trail.find((e) => e.action === "patient_merged");
    const unmerged = trail.find((e) => e.action === "patient_merge_undone");
    expect(merged).toMatchObject({ actorId: staff.id, subjectType: "patient", reason: "Same runner, two emails" });
    expect(merged!.after).toMatchObject({ mergedId: b, intakeIds: [bIntake], appointmentIds: [bAppt] });
    expect(unmerged).toMatchObject({ actorId: staff.id, reason: "Two people after all" });
    // The trail's patient filter finds the record's own events too.
    const byName = await listAudit(db, { patient: `Merge${tag}` }, 50);
    expect(byName.map((e) => e.action)).toEqual(
      expect.arrayContaining(["patient_merged", "patient_merge_undone", "patient_viewed"]),
    );
  });

  it("refuses to undo a merge once the merged record was joined elsewhere or a moved visit has moved on", async () => {
    const { db } = ctx();
    const staff = await staffMember(db, "admin");
    const tag = `u${++n}`;
    const a = await patientOf(db, await intake(db, { lastName: `Undo${tag}`, email: `ua.${tag}@example.com` }));
    const bIntake = await intake(db, { lastName: `Undo${tag}`, email: `ub.${tag}@example.com` });
    const b = await patientOf(db, bIntake);
    const c = await patientOf(db, await intake(db, { lastName: `Undo${tag}`, email: `uc.${tag}@example.com` }));
    const first = await mergePatients(db, staff, { survivorId: a, mergedId: b, reason: "same" }, NOW);
    if (first.status !== "done") throw new Error();
    // A then joins C: undoing B → A is no longer safe here.
    expect(await mergePatients(db, staff, { survivorId: c, mergedId: a, reason: "same" }, later(1))).toMatchObject({
      status: "done",
    });
    expect(
      await undoPatientMerge(db, staff, { survivorId: a, mergeId: first.mergeId, reason: "x" }, later(2)),
    ).toMatchObject({
      status: "refused",
    });
    expect(await patientOf(db, bIntake)).toBe(c);
    // The chain shows as C, found by B's details too.
    expect(await findPatients(db, staff, q(`ub.${tag}@example.com`), { source: "page" })).toMatchObject({
      results: [{ id: c }],
    });
    expect(await viewPatient(db, staff, b)).toEqual({ status: "merged", survivorId: c });
  });
});
