// The staff API's answers, field by field as lib/staff/api.ts, patients-api.ts,
// caller-booking-api.ts and audit-api.ts build them (dates as ISO 8601 instants).
import { z } from "zod";
import { LEVELS } from "@/common/vocabulary";
import type { Appointment } from "@/db/schema";

const instant = z.iso.datetime({ offset: true });
const level = z.enum(LEVELS);
const APPOINTMENT_STATUSES = [
  "booked",
  "cancelled",
  "rescheduled",
  "arrived",
  "no_show",
  "completed",
] as const satisfies readonly Appointment["status"][];

const firedRule = z.object({
  id: z.string(),
  level: level.nullable(),
  summary: z.string().describe("In the words of the grade's own ruleset version."),
  sources: z.array(z.string()),
});
const flag = z.object({ id: z.string(), summary: z.string() });
const grade = {
  rulesetVersion: z.string(),
  contractVersion: z.string(),
  stoppedAt: z.string().nullable().describe("The page an early submission was sent from; null for a complete form."),
  firedRules: z.array(firedRule),
  flags: z.array(flag),
};

export const caseSummarySchema = z.object({
  id: z.uuid(),
  level,
  effectiveLevel: level.describe("The level that acts now (an override, else the grade)."),
  overrideLevel: level.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  age: z.int().nullable(),
  reason: z.string().nullable().describe("Why the case is on the queue (`level`, `no_capacity`, …)."),
  rulesetVersion: z.string(),
  topRule: z.object({ id: z.string(), summary: z.string() }).nullable(),
  submittedAt: instant,
  deadline: instant
    .nullable()
    .describe("Acknowledge by (the queue) or review by (the review list); clinic hours applied."),
  acknowledgeBy: instant.nullable(),
  reviewBy: instant.nullable(),
  arrivedOutOfHours: z.boolean(),
  overdue: z.boolean(),
  callDue: z.boolean(),
  flags: z.array(z.string()),
  acknowledgedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  reviewedAt: instant.nullable(),
});

const noteSchema = z.object({
  kind: z.enum(["note", "call"]),
  outcome: z.string().nullable(),
  body: z.string(),
  author: z.string().nullable(),
  at: instant,
});

export const caseSchema = z.object({
  id: z.uuid(),
  contact: z.object({
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string(),
    dateOfBirth: z.string(),
  }),
  level,
  effectiveLevel: level,
  overrideLevel: level.nullable(),
  overrideReason: z.string().nullable(),
  deadline: instant.nullable(),
  reviewBy: instant.nullable(),
  arrivedOutOfHours: z.boolean(),
  callDue: z.boolean(),
  ...grade,
  scores: z
    .unknown()
    .describe("The scores stored with the grade (`outlook`, `function`), as the intake response has them."),
  answers: z
    .record(z.string(), z.unknown())
    .describe("The answers as stored, in the intake contract of `contractVersion`."),
  submittedAt: instant,
  acknowledgedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  resolutionReason: z.string().nullable(),
  reviewedAt: instant.nullable(),
  notes: z.array(noteSchema),
  appointments: z.array(
    z.object({
      id: z.uuid(),
      startsAt: instant,
      status: z.enum(APPOINTMENT_STATUSES),
      clinician: z.string(),
      type: z.string(),
    }),
  ),
});

export const patientResultSchema = z.object({
  id: z.uuid(),
  name: z.string().describe("An erased patient shows only their pseudonym."),
  erased: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  lastIntakeAt: instant.nullable(),
  lastLevel: level.nullable(),
});

export const patientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  erased: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  sex: z.string().nullable(),
  createdAt: instant,
  currentLevel: level.nullable().describe("The level of the latest intake not resolved."),
  currentIntakeId: z.uuid().nullable(),
  intakes: z.array(
    z.object({
      id: z.uuid(),
      submittedAt: instant,
      level,
      effectiveLevel: level,
      overrideLevel: level.nullable(),
      overrideReason: z.string().nullable(),
      status: z.enum(["resolved", "acknowledged", "reviewed", "open"]),
      previousIntakeId: z.uuid().nullable(),
      firstIntakeId: z.uuid().nullable(),
      ...grade,
    }),
  ),
  appointments: z.array(
    z.object({
      id: z.uuid(),
      intakeId: z.uuid().nullable(),
      startsAt: instant,
      endsAt: instant,
      status: z.enum(APPOINTMENT_STATUSES),
      clinician: z.string(),
      type: z.string(),
    }),
  ),
  notes: z.array(noteSchema.extend({ intakeId: z.uuid() })),
  emails: z.array(
    z.object({
      kind: z.string(),
      status: z.enum(["pending", "sent", "dead", "cancelled"]),
      intakeId: z.uuid().nullable(),
      createdAt: instant,
      sentAt: instant.nullable(),
    }),
  ),
  alerts: z.array(
    z.object({
      intakeId: z.uuid(),
      channel: z.enum(["email", "webhook"]),
      digest: z.boolean(),
      reason: z.string().nullable(),
      status: z.enum(["queued", "sent", "failed", "cancelled"]),
      createdAt: instant,
      sentAt: instant.nullable(),
    }),
  ),
  waitlistOffers: z.array(
    z.object({
      id: z.uuid(),
      startsAt: instant,
      clinician: z.string(),
      offeredAt: instant,
      status: z.enum(["open", "accepted", "declined", "lapsed", "withdrawn"]),
      answeredAt: instant.nullable(),
    }),
  ),
  preVisitChecks: z.array(
    z.object({
      id: z.uuid(),
      appointmentStartsAt: instant,
      answeredAt: instant,
      pain: z.int().min(0).max(10).nullable(),
      trend: z.string().nullable(),
      redFlags: z.array(z.string()),
      regrade: z.object({ intakeId: z.uuid(), level: level.nullable() }).nullable(),
      gaveTimeBack: z.boolean(),
    }),
  ),
  merges: z.array(
    z.object({
      id: z.uuid(),
      mergedId: z.uuid(),
      reason: z.string(),
      mergedAt: instant,
      mergedBy: z.string().nullable(),
    }),
  ),
});

export const staffSlot = z.object({ start: instant, end: instant, clinicianId: z.uuid(), clinicianName: z.string() });
export const bookedSchema = z.object({
  id: z.uuid(),
  appointmentTypeId: z.string(),
  clinicianId: z.uuid(),
  clinicianName: z.string(),
  start: instant,
  end: instant,
});

export const auditEventSchema = z.object({
  id: z.uuid(),
  at: instant,
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  clientAddress: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectName: z.string().nullable(),
  patient: z.object({ intakeId: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  changes: z.array(z.string()).describe('The differences as lines people read ("level: Urgent → Routine").'),
});

const shareOf = (what: string) =>
  z.number().min(0).max(1).nullable().describe(`${what}; null when nothing to divide by.`);
const levelCounts = z.object(
  Object.fromEntries(LEVELS.map((l) => [l, z.int()])) as Record<(typeof LEVELS)[number], z.ZodInt>,
);

/** GET /api/v1/staff/triage-audit, as lib/governance/audit-api.ts's triageAuditJson builds it. */
export const triageAuditSchema = z.object({
  ruleset: z.string().describe("The ruleset version audited (the current one unless `ruleset` names another)."),
  released: z.boolean().describe("Whether this software released that version (its rule texts are known)."),
  versions: z.array(z.string()).describe("The versions that graded intakes here, and the current one; newest first."),
  from: z.string().nullable(),
  to: z.string().nullable(),
  level: level.nullable(),
  graded: z.int().describe("Grades in range, every level (the level filter aside)."),
  verdicts: z
    .object({ right: z.int(), higher: z.int(), lower: z.int() })
    .describe("Grades in range (and level) by their current verdict."),
  rules: z
    .array(
      z.object({
        id: z.string(),
        level: level.nullable().describe("The rule's level; null for an id the version never released."),
        fired: z.int().describe("Grades it fired on."),
        withVerdict: z.int().describe("Of those, grades with a clinician's verdict (the current one)."),
        right: z.int().describe("Of those, judged right."),
        rightShare: shareOf("right / withVerdict"),
        serious: z.int().describe("Of those with a verdict, a confirmed serious diagnosis."),
        ppv: shareOf("Positive predictive value for a serious diagnosis: serious / withVerdict"),
      }),
    )
    .describe("Every rule of the version in its order, including those that never fired."),
  levels: z.array(z.object({ level, n: z.int(), share: shareOf("n / graded") })),
  trend: z.object({
    unit: z.enum(["week", "month"]).describe("Weeks for ranges up to about three months, else months."),
    periods: z.array(
      z.object({
        start: z.string().describe("The period's first day (YYYY-MM-DD, the clinic's zone)."),
        counts: levelCounts,
        total: z.int(),
      }),
    ),
  }),
  underTriage: z.object({
    total: z.int(),
    cases: z
      .array(
        z.object({
          caseId: z.uuid(),
          createdAt: instant,
          level,
          overrideLevel: level.nullable(),
          firedRules: z.array(z.string()),
          diagnosis: z.string().nullable().describe("The working diagnosis (a WORKING_DIAGNOSES value), if given."),
          verdictAt: instant,
        }),
      )
      .describe('Grades judged "should have been higher", the most recently judged first, at most 500.'),
  }),
  silent: z.object({
    compared: z.int().describe("Silent-pilot grades in range that staff also triaged by hand."),
    agreed: z.int(),
    agreement: shareOf("agreed / compared"),
    cells: z.array(z.object({ level, staffLevel: level, n: z.int() })).describe("Engine level × staff level."),
  }),
});
