// One patient across visits, for staff: finding them (by name, email, phone or date of birth), their
// history as one timeline, and merging two records of one person (and undoing it). Every search,
// view, merge and undo is audited; the page and the staff API both call these.
import { expireMyBackLinks } from "@/db/queries/recovery";
import { listAnsweredChecksForPatient } from "@/db/queries/pre-visit";
import { listOffersForPatient } from "@/db/queries/waitlist-offers";
import { z } from "zod";
import type { StaffRole } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listCaseAlerts } from "@/db/queries/outbox";
import {
  countRowsOf,
  getMergeForUpdate,
  getPatient,
  getPatientForUpdate,
  insertPatientMerge,
  listLikelyDuplicates,
  listMergesInto,
  listPatientAppointments,
  listPatientEmails,
  listPatientIntakes,
  listPatientNotes,
  liveIdentityTaken,
  markMergeUndone,
  movePatientRows,
  moveRowsBack,
  searchPatients,
  setMergedInto,
  type PatientCursor,
  type PatientSearchKey,
} from "@/db/queries/patients";
import { freeText, oneLineText, CONTROL_CHARACTER } from "@/lib/forms";
import type { Level } from "@/lib/triage";
import { recordStaffView, type Viewer } from "./audit";
import { checkSummary } from "./brief";
import { explainGrade, ruleSummary, type GradeExplanation } from "./format";

/** Who may merge two patient records and undo a merge. */
export const MERGE_ROLES: readonly StaffRole[] = ["clinician", "admin"];

export const PATIENT_PAGE_SIZE = 25;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** A real calendar date as YYYY-MM-DD, or null. */
function calendarDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * What a search box's text asks for: a date of birth (2026-01-31, or 01/31/2026 as typed in the US),
 * an email (has an @), a phone number (digits and + ( ) - . spaces, at least 6 digits; compared by
 * its last 10 digits, so "+1 (212) 555-0100" finds "212 555 0100"), else name words. Null: nothing to find.
 */
export function parsePatientSearch(text: string): PatientSearchKey | null {
  const q = text.trim();
  if (!q) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (iso || us) {
    const date = iso ? calendarDate(+iso[1]!, +iso[2]!, +iso[3]!) : calendarDate(+us![3]!, +us![1]!, +us![2]!);
    return date ? { kind: "dob", date } : null;
  }
  if (q.includes("@")) return { kind: "email", email: q.toLowerCase() };
  if (/^[\d\s()+.-]+$/.test(q)) {
    const digits = q.replace(/\D/g, "");
    return digits.length >= 6 ? { kind: "phone", digits: digits.slice(-10) } : null;
  }
  const words = q
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 4);
  return words.length ? { kind: "name", words } : null;
}

const cursorSchema = z.tuple([z.string().max(400), z.string().max(400), z.uuid()]);

/** The opaque `cursor` of the next page. */
export function encodePatientCursor(c: PatientCursor): string {
  return Buffer.from(JSON.stringify([c.last, c.first, c.id])).toString("base64url");
}

/** Reads a cursor; null when it is not one this code wrote. */
export function decodePatientCursor(text: string): PatientCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { last: parsed.data[0], first: parsed.data[1], id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}

/** The search's query string: ?q=&cursor= (a search box's text, at most 100 characters). */
export const patientSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Search with at most 100 characters")
    .refine(oneLineText, CONTROL_CHARACTER)
    .default(""),
  cursor: z.string().max(1200).optional(),
});
export type PatientSearchQuery = z.output<typeof patientSearchSchema>;

/** A patient as a search lists them; an erased patient shows only their pseudonym. */
export type PatientResult = {
  id: string;
  name: string;
  erased: boolean;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  lastIntakeAt: Date | null;
  lastLevel: Level | null;
};

function contactOf<
  T extends {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    dateOfBirth: string;
    erasedAt: Date | null;
  },
>(p: T) {
  const erased = p.erasedAt !== null;
  return {
    name: `${p.firstName} ${p.lastName}`,
    erased,
    email: erased ? null : p.email,
    phone: erased ? null : p.phone,
    dateOfBirth: erased ? null : p.dateOfBirth,
  };
}

export type PatientSearchPage =
  | { status: "ok"; results: PatientResult[]; next: string | null; key: PatientSearchKey["kind"] | null }
  | { status: "bad_cursor" };

/**
 * One page of a search, audited as `patients_searched` with its terms, the page and how many were
 * shown (unless `recordView` is false: background work nobody asked for).
 */
export async function findPatients(
  db: Db,
  viewer: Viewer,
  query: PatientSearchQuery,
  {
    source,
    recordView = true,
    pageSize = PATIENT_PAGE_SIZE,
  }: { source: "page" | "api"; recordView?: boolean; pageSize?: number },
): Promise<PatientSearchPage> {
  const after = query.cursor ? decodePatientCursor(query.cursor) : null;
  if (query.cursor && !after) return { status: "bad_cursor" };
  const key = parsePatientSearch(query.q);
  const rows = key ? await searchPatients(db, { key, after, limit: pageSize + 1 }) : [];
  const page = rows.slice(0, pageSize);
  if (key && recordView)
    await recordStaffView(db, viewer, "patients_searched", {
      q: query.q,
      by: key.kind,
      cursor: query.cursor,
      source,
      shown: page.length,
    });
  const last = page.at(-1);
  return {
    status: "ok",
    key: key?.kind ?? null,
    results: page.map((p) => ({
      id: p.id,
      ...contactOf(p),
      lastIntakeAt: p.lastIntakeAt ?? null,
      lastLevel: p.lastLevel ?? null,
    })),
    next:
      rows.length > pageSize && last
        ? encodePatientCursor({ last: last.sortLast, first: last.sortFirst, id: last.id })
        : null,
  };
}

/** One intake on the timeline: its grade explained in its own ruleset's words, and the first intake of a re-grade. */
export type TimelineIntake = {
  id: string;
  createdAt: Date;
  level: Level;
  effectiveLevel: Level;
  overrideLevel: Level | null;
  overrideReason: string | null;
  grade: GradeExplanation;
  topRule: string | null;
  /** For a re-grade ("has anything got worse?"): the intake it re-graded and the first of the chain. */
  previousIntakeId: string | null;
  firstIntakeId: string | null;
  status: "resolved" | "acknowledged" | "reviewed" | "open";
  erased: boolean;
};

/** The patient and everything of theirs, for the patient page and the staff API. */
export type PatientTimeline = Awaited<ReturnType<typeof loadTimeline>>;

async function loadTimeline(db: Db, patient: NonNullable<Awaited<ReturnType<typeof getPatient>>>) {
  const [intakeRows, appointments, notes, emails, merges, duplicates, offers, checks] = await Promise.all([
    listPatientIntakes(db, patient.id),
    listPatientAppointments(db, patient.id),
    listPatientNotes(db, patient.id),
    listPatientEmails(db, patient.id),
    listMergesInto(db, patient.id),
    patient.erasedAt ? Promise.resolve([]) : listLikelyDuplicates(db, patient),
    listOffersForPatient(db, patient.id),
    // An erased patient's answers are gone; their checks' answers are not shown either.
    patient.erasedAt ? Promise.resolve([]) : listAnsweredChecksForPatient(db, patient.id),
  ]);
  const previousOf = new Map(intakeRows.map((i) => [i.id, i.previousIntakeId]));
  const firstOf = (id: string) => {
    let at = id;
    for (let hops = 0; hops < 50; hops++) {
      const prev = previousOf.get(at);
      if (!prev) break;
      at = prev;
    }
    return at;
  };
  const intakes: TimelineIntake[] = intakeRows.map((i) => {
    const grade = explainGrade({ ...i, answers: { stoppedAt: i.stoppedAt } });
    return {
      id: i.id,
      createdAt: i.createdAt,
      level: i.level,
      effectiveLevel: i.effectiveLevel,
      overrideLevel: i.overrideLevel,
      overrideReason: i.overrideReason,
      grade,
      topRule: i.firedRules[0] ? ruleSummary(i.rulesetVersion, i.firedRules[0]) : null,
      previousIntakeId: i.previousIntakeId,
      firstIntakeId: i.previousIntakeId ? firstOf(i.id) : null,
      status: i.resolvedAt ? "resolved" : i.acknowledgedAt ? "acknowledged" : i.reviewedAt ? "reviewed" : "open",
      erased: i.erasedAt !== null,
    };
  });
  const alerts = (
    await Promise.all(
      intakeRows
        .slice(0, 20)
        .map(async (i) => (await listCaseAlerts(db, i.id, { limit: 20 })).map((a) => ({ ...a, intakeId: i.id }))),
    )
  )
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  // The level that acts now: that of the latest intake not resolved.
  const current = intakeRows.find((i) => !i.resolvedAt);
  return {
    patient: {
      id: patient.id,
      ...contactOf(patient),
      sex: patient.erasedAt ? null : patient.sex,
      createdAt: patient.createdAt,
    },
    currentLevel: current?.effectiveLevel ?? null,
    /** Times offered from the waitlist, newest first, and how each stands. */
    waitlistOffers: offers,
    /** Pre-visit checks the patient answered, newest first: pain, trend, red flags, and any re-grade or time given back. */
    preVisitChecks: checks.map(checkSummary),
    currentIntakeId: current?.id ?? null,
    intakes,
    appointments,
    notes,
    emails,
    alerts,
    merges,
    duplicates: duplicates.map((d) => ({
      id: d.id,
      name: `${d.firstName} ${d.lastName}`,
      email: d.email,
      dateOfBirth: d.dateOfBirth,
    })),
  };
}

/** The live record a merged-away id now belongs to (following merges), or the record itself. */
async function survivorOf(db: Db, id: string): Promise<string> {
  let at = id;
  for (let hops = 0; hops < 20; hops++) {
    const p = await getPatient(db, at);
    if (!p?.mergedIntoId) return at;
    at = p.mergedIntoId;
  }
  return at;
}

export type PatientView =
  { status: "not_found" } | { status: "merged"; survivorId: string } | ({ status: "ok" } & PatientTimeline);

/** Opens one patient: their timeline, audited as `patient_viewed`; a merged-away id answers with the record it joined. */
export async function viewPatient(db: Db, viewer: Viewer, id: string): Promise<PatientView> {
  if (!isUuid(id)) return { status: "not_found" };
  const patient = await getPatient(db, id);
  if (!patient) return { status: "not_found" };
  if (patient.mergedIntoId) return { status: "merged", survivorId: await survivorOf(db, id) };
  const timeline = await loadTimeline(db, patient);
  await recordAudit(db, {
    actor: { id: viewer.id, email: viewer.email },
    action: "patient_viewed",
    subjectType: "patient",
    subjectId: id,
    clientAddress: viewer.clientAddress,
  });
  return { status: "ok", ...timeline };
}

const reason = z
  .string()
  .trim()
  .min(1, "Give the reason")
  .max(1000, "Keep the reason under 1,000 characters")
  .refine(freeText, CONTROL_CHARACTER);

const UUID_HINT = "A patient id looks like 3b244471-d441-427a-ae3d-f89947a0c98a (from the patient page's address)";

/**
 * Merging another record into patient `patientId`: one chosen from the likely duplicates, or an id
 * pasted (which wins when both are given), and why.
 */
export const mergeSchema = z
  .object({
    patientId: z.uuid(),
    chosenId: z.string().trim().optional(),
    pastedId: z.string().trim().max(100).optional(),
    reason,
  })
  .superRefine((v, ctx) => {
    if (v.pastedId && !isUuid(v.pastedId)) ctx.addIssue({ code: "custom", path: ["pastedId"], message: UUID_HINT });
    else if (!v.pastedId && !v.chosenId)
      ctx.addIssue({
        code: "custom",
        path: ["pastedId"],
        message: "Choose a likely duplicate, or paste the other patient's id",
      });
    else if (!v.pastedId && v.chosenId && !isUuid(v.chosenId))
      ctx.addIssue({ code: "custom", path: ["chosenId"], message: "Choose a record from the list" });
  })
  .transform(({ patientId, chosenId, pastedId, reason }) => ({
    survivorId: patientId,
    mergedId: (pastedId || chosenId)!.toLowerCase(),
    reason,
  }));

/** Undoing one merge into this patient, and why. */
export const undoMergeSchema = z.object({
  patientId: z.uuid(),
  mergeId: z.uuid({ error: "Choose the merge to undo" }),
  reason,
});

export type MergeResult =
  | { status: "done"; mergeId: string; intakes: number; appointments: number }
  | { status: "not_found" }
  | { status: "refused"; message: string };

/**
 * Merges patient `mergedId` into `survivorId`: its intakes and appointments move to the survivor,
 * it is marked merged (its row stays, so the merge can be undone), and the merge is recorded with
 * the ids moved and audited, all in one transaction.
 */
export function mergePatients(
  db: Db,
  actor: Viewer,
  { survivorId, mergedId, reason }: { survivorId: string; mergedId: string; reason: string },
  now: Date,
): Promise<MergeResult> {
  if (survivorId === mergedId)
    return Promise.resolve({ status: "refused", message: "A record cannot be merged into itself." });
  return db.transaction(async (tx) => {
    // Lock in id order, so two merges of the same pair at once cannot deadlock.
    const [a, b] = [survivorId, mergedId].sort();
    const locked = new Map([
      [a!, await getPatientForUpdate(tx, a!)],
      [b!, await getPatientForUpdate(tx, b!)],
    ]);
    const survivor = locked.get(survivorId);
    const merged = locked.get(mergedId);
    if (!survivor) return { status: "not_found" };
    if (!merged) return { status: "refused", message: "No patient record has that id. Check it and try again." };
    if (survivor.mergedIntoId || survivor.erasedAt)
      return { status: "refused", message: "This record was merged into another or erased, so nothing can join it." };
    if (merged.mergedIntoId)
      return { status: "refused", message: "That record has already been merged into another record." };
    if (merged.erasedAt)
      return { status: "refused", message: "That record's personal data was erased, so it cannot be merged." };
    const moved = await movePatientRows(tx, { from: mergedId, to: survivorId });
    await setMergedInto(tx, { id: mergedId, mergedIntoId: survivorId, at: now });
    const mergeId = await insertPatientMerge(tx, {
      survivorId,
      mergedId,
      intakeIds: moved.intakeIds,
      appointmentIds: moved.appointmentIds,
      reason,
      mergedBy: actor.id,
      mergedAt: now,
    });
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: "patient_merged",
      subjectType: "patient",
      subjectId: survivorId,
      before: { mergedId, mergedInto: null },
      after: {
        mergedId,
        mergedInto: survivorId,
        mergeId,
        intakeIds: moved.intakeIds,
        appointmentIds: moved.appointmentIds,
      },
      reason,
      clientAddress: actor.clientAddress,
    });
    return { status: "done", mergeId, intakes: moved.intakeIds.length, appointments: moved.appointmentIds.length };
  });
}

/**
 * Undoes a merge into `survivorId`: exactly the intakes and appointments it moved go back, and the
 * merged record is live again. Refused, with the reason, when that is no longer safe: the merge was
 * undone already, either record was merged elsewhere or erased since, one of the moved rows has moved
 * on, or another live record now holds the merged record's email and date of birth.
 */
export function undoPatientMerge(
  db: Db,
  actor: Viewer,
  { survivorId, mergeId, reason }: { survivorId: string; mergeId: string; reason: string },
  now: Date,
): Promise<MergeResult> {
  return db.transaction(async (tx) => {
    const merge = await getMergeForUpdate(tx, mergeId);
    if (!merge || merge.survivorId !== survivorId) return { status: "not_found" };
    if (merge.undoneAt) return { status: "refused", message: "This merge has already been undone." };
    const [a, b] = [merge.survivorId, merge.mergedId].sort();
    const locked = new Map([
      [a!, await getPatientForUpdate(tx, a!)],
      [b!, await getPatientForUpdate(tx, b!)],
    ]);
    const survivor = locked.get(merge.survivorId)!;
    const merged = locked.get(merge.mergedId)!;
    if (merged.mergedIntoId !== survivorId)
      return {
        status: "refused",
        message: "The merged record has since been joined to another record, so this merge cannot be undone here.",
      };
    if (survivor.mergedIntoId)
      return { status: "refused", message: "This record has since been merged into another. Undo that merge first." };
    if (survivor.erasedAt || merged.erasedAt)
      return {
        status: "refused",
        message: "A record's personal data was erased since the merge, so it cannot be undone.",
      };
    const still = await countRowsOf(tx, {
      patientId: survivorId,
      intakeIds: merge.intakeIds,
      appointmentIds: merge.appointmentIds,
    });
    if (still.intakes !== merge.intakeIds.length || still.appointments !== merge.appointmentIds.length)
      return {
        status: "refused",
        message: "Some of the visits that were moved have moved on since, so this merge cannot be undone safely.",
      };
    if (await liveIdentityTaken(tx, { id: merged.id, email: merged.email, dateOfBirth: merged.dateOfBirth }))
      return {
        status: "refused",
        message:
          "Another record now holds the merged record's email and date of birth, so it cannot stand on its own again.",
      };
    await moveRowsBack(tx, {
      from: survivorId,
      to: merge.mergedId,
      intakeIds: merge.intakeIds,
      appointmentIds: merge.appointmentIds,
    });
    await setMergedInto(tx, { id: merge.mergedId, mergedIntoId: null, at: now });
    // A My back link made while the two were one record could open the other person's page: ended.
    await expireMyBackLinks(tx, { patientIds: [survivorId, merge.mergedId], since: merge.mergedAt, now });
    await markMergeUndone(tx, { id: mergeId, by: actor.id, at: now, reason });
    await recordAudit(tx, {
      actor: { id: actor.id, email: actor.email },
      action: "patient_merge_undone",
      subjectType: "patient",
      subjectId: survivorId,
      before: { mergedId: merge.mergedId, mergedInto: survivorId, mergeId },
      after: {
        mergedId: merge.mergedId,
        mergedInto: null,
        intakeIds: merge.intakeIds,
        appointmentIds: merge.appointmentIds,
      },
      reason,
      clientAddress: actor.clientAddress,
    });
    return { status: "done", mergeId, intakes: merge.intakeIds.length, appointments: merge.appointmentIds.length };
  });
}
