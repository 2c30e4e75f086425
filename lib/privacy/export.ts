// The patient's copy of everything held about them (the right of access), as one JSON document:
// every intake of the patient with its grade and handling, unfinished drafts linked by email,
// appointments, notes and calls, the emails sent to them and the audit events about their records,
// and the same record as a FHIR R4 Bundle (`fhir`, what Patient/$everything serves). The format is
// versioned so it can grow; members added later (such as `fhir`) do not change the version.
import { listRecoveryForExport } from "@/db/queries/recovery";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getClinic } from "@/db/queries/clinic";
import {
  listPatientAppointments,
  listPatientAuditEvents,
  listPatientDrafts,
  listPatientEmails,
  listPatientIntakes,
  listPatientNotes,
  listPatientWaitlistEntries,
  listPatientPreVisitChecks,
  patientIntakeIds,
} from "@/db/queries/privacy";
import { listStaffNames } from "@/db/queries/staff";
import { buildPatientBundle, fhirBaseUrl } from "@/lib/fhir/everything";
import { kindLabel } from "@/lib/notifications/labels";
import { actionLabel, actorLabel } from "@/lib/staff/audit-format";
import { explainGrade } from "@/lib/staff/format";
import type { Staff } from "@/lib/staff/session";

/**
 * Who may export: clinicians and admins, who answer a patient's request for a copy of their
 * record. Not reception: their work (the schedule, calls) needs the case page, not a file holding
 * every answer and note about a patient that then leaves the audited system.
 */
export const EXPORT_ROLES = ["clinician", "admin"] as const;

/** The document's format and its version: a reader checks these first. */
export const EXPORT_FORMAT = { name: "backtrack-patient-export", version: 1 } as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * The export of the patient `intakeId` belongs to, or null when there is no such case. Audited
 * first (`patient_exported`, with the intake ids and how many records of each kind, never a
 * value), in the same transaction as the reads: no audit row, no export; the document lists its
 * own export event among the audit events.
 */
export async function exportPatient(
  db: Db,
  staff: Pick<Staff, "id" | "email" | "name" | "role" | "clientAddress">,
  intakeId: string,
  now: Date,
) {
  if (!z.uuid().safeParse(intakeId).success) return null;
  return db.transaction(async (tx) => {
    const intakeIds = await patientIntakeIds(tx, intakeId);
    if (!intakeIds.length) return null;
    const intakes = await listPatientIntakes(tx, intakeIds);
    const appointments = await listPatientAppointments(tx, intakeIds);
    const appointmentIds = appointments.map((a) => a.id);
    const emailAddresses = [...new Set(intakes.map((i) => i.email.toLowerCase()))];
    const [notes, emails, drafts, clinic, staffNames, waitlist, checks, recovery] = await Promise.all([
      listPatientNotes(tx, intakeIds),
      listPatientEmails(tx, { intakeIds, appointmentIds, emails: emailAddresses }),
      listPatientDrafts(
        tx,
        intakes.map((i) => ({ email: i.email, dateOfBirth: i.dateOfBirth })),
      ),
      getClinic(tx),
      listStaffNames(tx),
      listPatientWaitlistEntries(tx, intakeIds),
      listPatientPreVisitChecks(tx, intakeIds),
      listRecoveryForExport(tx, intakeIds),
    ]);
    // Null for an erased patient: the bundle is of a live record's data.
    const fhir = intakes[0] ? await buildPatientBundle(tx, intakes[0].patientId, { base: fhirBaseUrl(), now }) : null;
    await recordAudit(tx, {
      actor: { id: staff.id, email: staff.email },
      action: "patient_exported",
      subjectType: "intake",
      subjectId: intakeId,
      after: {
        intakeIds,
        format: `${EXPORT_FORMAT.name}/${EXPORT_FORMAT.version}`,
        intakes: intakes.length,
        appointments: appointments.length,
        notes: notes.length,
        emails: emails.length,
        drafts: drafts.length,
        fhirResources: fhir?.entry.length ?? 0,
      },
      clientAddress: staff.clientAddress,
    });
    const events = await listPatientAuditEvents(tx, { intakeIds, appointmentIds });
    const nameOf = (id: string | null) =>
      id ? (staffNames.find((s) => s.id === id)?.name ?? "a former colleague") : null;

    return {
      format: EXPORT_FORMAT.name,
      formatVersion: EXPORT_FORMAT.version,
      header: {
        clinic: clinic
          ? { name: clinic.name, address: clinic.address, phone: clinic.phone, email: clinic.email }
          : null,
        generatedAt: now.toISOString(),
        generatedBy: { name: staff.name, email: staff.email, role: staff.role },
        requestedFromCase: intakeId,
        patient:
          "Every intake with the same email address and date of birth as the case it was requested from. Times are UTC (ISO 8601).",
        emails:
          "What was sent to the patient, when and how it went; the wording of each email is the clinic's standard one.",
        fhir: "The same record as a FHIR R4 Bundle (type collection), as GET /api/v1/fhir/Patient/<id>/$everything serves it; null when the patient's data was erased.",
      },
      intakes: intakes.map((i) => {
        const grade = explainGrade(i);
        return {
          id: i.id,
          submittedAt: iso(i.createdAt),
          previousIntakeId: i.previousIntakeId,
          erasedAt: iso(i.erasedAt),
          contact: {
            firstName: i.firstName,
            lastName: i.lastName,
            email: i.email,
            phone: i.phone,
            dateOfBirth: i.dateOfBirth,
            sex: i.sex,
          },
          privacyNoticeVersion: i.privacyNoticeVersion,
          answers: i.answers,
          grade: {
            level: i.level,
            rulesetVersion: i.rulesetVersion,
            ageAtGrading: i.ageAtGrading,
            firedRules: grade.firedRules.map(({ id, summary }) => ({ id, summary })),
            flags: grade.flags,
            scores: i.scores,
          },
          handling: {
            effectiveLevel: i.effectiveLevel,
            escalated: i.escalated,
            escalationReason: i.escalationReason,
            acknowledgeBy: iso(i.ackDueAt),
            arrivedOutOfHours: i.arrivedOutOfHours,
            acknowledgedAt: iso(i.acknowledgedAt),
            acknowledgedBy: nameOf(i.acknowledgedBy),
            firstCallAt: iso(i.firstCallAt),
            overrideLevel: i.overrideLevel,
            overrideReason: i.overrideReason,
            overriddenBy: nameOf(i.overriddenBy),
            overriddenAt: iso(i.overriddenAt),
            reviewDueAt: iso(i.reviewDueAt),
            reviewedAt: iso(i.reviewedAt),
            reviewedBy: nameOf(i.reviewedBy),
            resolvedAt: iso(i.resolvedAt),
            resolvedBy: nameOf(i.resolvedBy),
            resolutionReason: i.resolutionReason,
          },
          levelChanges: events
            .filter(
              (e) =>
                e.subjectId === i.id &&
                (e.action === "level_overridden" ||
                  (e.action === "case_reviewed" && !!(e.after as { level?: unknown } | null)?.level)),
            )
            .map((e) => ({
              at: iso(e.at),
              by: e.actorName ?? "a former colleague",
              from: (e.before as { level?: string } | null)?.level ?? null,
              to: (e.after as { level?: string } | null)?.level ?? null,
              reason: e.reason,
            })),
        };
      }),
      drafts: drafts.map((d) => ({
        startedAt: iso(d.createdAt),
        savedAt: iso(d.updatedAt),
        expiresAt: iso(d.expiresAt),
        completedSteps: d.completedSteps,
        answers: d.answers,
      })),
      appointments: appointments.map((a) => ({
        id: a.id,
        intakeId: a.intakeId,
        startsAt: iso(a.startsAt),
        endsAt: iso(a.endsAt),
        status: a.status,
        type: a.type,
        clinician: a.clinician,
        clinicianRole: a.clinicianRole,
        bookedAt: iso(a.createdAt),
        cancelledAt: iso(a.cancelledAt),
        cancelReason: a.cancelReason,
        rescheduledFromId: a.rescheduledFromId,
      })),
      waitlist: waitlist.map((w) => ({
        id: w.id,
        intakeId: w.intakeId,
        availability: w.availability,
        notBefore: w.notBefore,
        joinedAt: iso(w.joinedAt),
        status: w.status,
        removedAt: iso(w.removedAt),
        removedReason: w.removedReason,
      })),
      preVisitChecks: checks.map((c) => ({
        id: c.id,
        appointmentId: c.appointmentId,
        createdAt: iso(c.createdAt),
        answeredAt: iso(c.answeredAt),
        answers: c.answers,
        regradeIntakeId: c.regradeIntakeId,
        gaveTimeBackAt: iso(c.gaveBackAt),
      })),
      recovery: {
        episodes: recovery.recoveries.map((r) => ({
          intakeId: r.intakeId,
          activities: r.activities,
          activitiesChosenAt: iso(r.activitiesAt),
          dischargedAt: iso(r.dischargedAt),
          notImprovingAt: iso(r.notImprovingAt),
          notImproving: r.notImproving,
          runPlanClearedAt: iso(r.runPlanClearedAt),
        })),
        checkins: recovery.checkins.map((c) => ({
          id: c.id,
          intakeId: c.intakeId,
          week: c.week,
          dueAt: iso(c.dueAt),
          answeredAt: iso(c.answeredAt),
          answers: c.answers,
          score: c.score,
          regradeIntakeId: c.regradeIntakeId,
        })),
        runPlans: recovery.plans.map((p) => ({
          id: p.id,
          intakeId: p.intakeId,
          startedAt: iso(p.startedAt),
          stage: p.stage,
          status: p.status,
          endedAt: iso(p.endedAt),
          weeks: recovery.planCheckins
            .filter((c) => c.planId === p.id)
            .map((c) => ({ at: iso(c.createdAt), stage: c.stage, answers: c.answers, decision: c.decision })),
        })),
      },
      notes: notes.map((n) => ({
        id: n.id,
        intakeId: n.intakeId,
        kind: n.kind,
        outcome: n.outcome,
        text: n.body,
        at: iso(n.createdAt),
        by: n.author ?? "a former colleague",
      })),
      emails: emails.map((e) => ({
        id: e.id,
        template: e.kind,
        description: kindLabel(e.kind),
        to: e.recipient,
        status: e.status,
        queuedAt: iso(e.createdAt),
        dueAt: iso(e.dueAt),
        sentAt: iso(e.sentAt),
        attempts: e.attempts,
        appointmentId: e.appointmentId,
        intakeId: e.intakeId,
      })),
      auditEvents: events.map((e) => ({
        id: e.id,
        at: iso(e.at),
        action: e.action,
        description: actionLabel(e.action),
        by: actorLabel({ actorName: e.actorName, actorEmail: null, actorId: e.actorId, after: e.after }),
        recordType: e.subjectType,
        recordId: e.subjectId,
        before: e.before,
        after: e.after,
        reason: e.reason,
      })),
      fhir,
    };
  });
}

export type PatientExport = NonNullable<Awaited<ReturnType<typeof exportPatient>>>;
