import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uuid,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { GRADE_VERDICTS, LEVELS, STAFF_ROLES, WORKING_DIAGNOSES } from "@/common/vocabulary";

/** The clinic's own settings: one row, id 1. Everything time-related uses its IANA zone. */
export const clinic = pgTable(
  "clinic",
  {
    id: smallint("id").primaryKey().default(1),
    name: text("name").notNull(),
    address: text("address").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    timeZone: text("time_zone").notNull(),
    /** What to dial in an emergency, as patients should read it, e.g. "911". */
    emergencyNumber: text("emergency_number").notNull(),
    // Booking policies.
    slotIntervalMinutes: smallint("slot_interval_minutes").notNull().default(15),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    horizonDays: smallint("horizon_days").notNull().default(60),
    cancellationCutoffHours: smallint("cancellation_cutoff_hours").notNull().default(24),
    /** Slots per clinician per day kept for URGENT cases until the release time (local). */
    urgentReservePerDay: smallint("urgent_reserve_per_day").notNull().default(1),
    urgentReleaseTime: time("urgent_release_time").notNull().default("12:00"),
    /** Minutes staff have to acknowledge an escalated case (the queue's countdown, the overdue alert). */
    emergencyAckMinutes: smallint("emergency_ack_minutes").notNull().default(15),
    urgentAckMinutes: smallint("urgent_ack_minutes").notNull().default(120),
    /**
     * Who patients call when the clinic is closed, as they should read it, e.g. "NHS 111" or the
     * on-call number. Shown on URGENT advice out of hours.
     */
    outOfHoursPhone: text("out_of_hours_phone"),
    /**
     * Whether staff must use a second factor (passkey or authenticator app) to sign in: "required",
     * "optional", or null for the default (required in production, optional in development).
     */
    staffMfa: text("staff_mfa", { enum: ["required", "optional"] }),
    /**
     * Patient records are purged this many years after the patient's last contact (the worker's
     * daily purge): contact details, answers, notes and emails; appointments and the audit trail
     * stay under a pseudonym.
     */
    retentionYears: smallint("retention_years").notNull().default(8),
    /** How patients give running distances: "km" or "mi" (miles). Stored in km whatever the unit. */
    distanceUnit: text("distance_unit", { enum: ["km", "mi"] })
      .notNull()
      .default("km"),
    /** How long a freed time offered to a waiting patient is held for them before it goes to the next. */
    waitlistHoldMinutes: smallint("waitlist_hold_minutes").notNull().default(30),
    /**
     * Days before an appointment the patient gets the pre-visit safety check (0: none). It is sent
     * at least an hour before the cancellation cut-off whatever this says (lib/notifications/queue.ts).
     */
    preVisitCheckDays: smallint("pre_visit_check_days").notNull().default(2),
    /**
     * Weeks after an intake the patient gets a recovery check-in (issue 20): pain, daily function,
     * their chosen activities, better / same / worse, and the red-flag questions again. Empty: none.
     */
    checkinWeeks: smallint("checkin_weeks")
      .array()
      .notNull()
      .default(sql`'{2,6,12}'::smallint[]`),
    /**
     * Silent pilot (issue 22): while set, intakes are graded and shown to staff but patients see a
     * neutral thank-you, book without limits by grade, and staff triage every intake by hand.
     */
    silentPilotSince: timestamp("silent_pilot_since", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("clinic_singleton", sql`${t.id} = 1`),
    check("clinic_retention_years_range", sql`${t.retentionYears} between 1 and 100`),
    check(
      "clinic_ack_minutes_range",
      sql`${t.emergencyAckMinutes} between 1 and 60 and ${t.urgentAckMinutes} between 1 and 1440`,
    ),
    check("clinic_waitlist_hold_minutes_range", sql`${t.waitlistHoldMinutes} between 5 and 1440`),
    check("clinic_pre_visit_check_days_range", sql`${t.preVisitCheckDays} between 0 and 14`),
    check(
      "clinic_checkin_weeks_range",
      sql`cardinality(${t.checkinWeeks}) <= 6 and 1 <= all(${t.checkinWeeks}) and 52 >= all(${t.checkinWeeks})`,
    ),
  ],
);

export type Clinic = typeof clinic.$inferSelect;

/**
 * When the clinic is open (staffed to answer alerts and call patients), in its time zone; several
 * rows a day make split hours. Closures are the clinic-wide rows of `time_off`. No rows at all
 * means the clinic has not set its hours and is treated as always open.
 */
export const clinicHours = pgTable(
  "clinic_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    check("clinic_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("clinic_hours_order", sql`${t.endTime} > ${t.startTime}`),
  ],
);

export type ClinicHoursRow = typeof clinicHours.$inferSelect;
export type NewClinic = typeof clinic.$inferInsert;

export const triageLevel = pgEnum("triage_level", LEVELS);

/**
 * A person the clinic knows: the intakes, appointments, notes, calls and emails of one patient
 * belong here. A new intake joins the patient with the same email (any case) and date of birth,
 * else starts a new one. The contact is the latest given (an intake keeps what was given then).
 * A patient merged into another keeps its row, pointing at the one it joined, so a merge can be undone.
 */
export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Stored as given; matched lower-cased. */
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    sex: text("sex").notNull(),
    /** Set when merged into another patient (whose id this is); the row stays for undoing it. */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => patients.id),
    /** Set when the patient's personal data was erased; the fields above then hold a pseudonym. */
    erasedAt: timestamp("erased_at", { withTimezone: true, precision: 3 }),
    /**
     * When the patient stopped recovery emails (check-ins and running-plan steps) with the link in
     * them: none is queued or sent after it. Appointment emails still go.
     */
    recoveryEmailsStoppedAt: timestamp("recovery_emails_stopped_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    check("patients_not_merged_into_self", sql`${t.mergedIntoId} <> ${t.id}`),
    // How a new intake finds its patient: one live record per email and date of birth.
    uniqueIndex("patients_identity_idx")
      .on(sql`lower(${t.email})`, t.dateOfBirth)
      .where(sql`${t.mergedIntoId} is null and ${t.erasedAt} is null`),
    // Staff search by name, email or phone (trigram-free: prefix and equality on lower-cased text).
    // `text_pattern_ops`, so a `like 'smi%'` prefix uses the index whatever the database's collation.
    index("patients_last_name_idx").on(sql`lower(${t.lastName}) text_pattern_ops`),
    index("patients_first_name_idx").on(sql`lower(${t.firstName}) text_pattern_ops`),
    // No index in the search's sort order (last, first, id): the planner would walk it, filtering,
    // to find a page of a rare surname late in the alphabet (seconds at 300,000 patients). Matches
    // are found through the prefix indexes and sorted.
    index("patients_email_idx").on(sql`lower(${t.email})`),
    // Phone numbers are matched on their last digits ("…7700 900123" finds "+44 7700 900123"):
    // the digits reversed, so that suffix becomes an indexable prefix.
    index("patients_phone_digits_idx").on(sql`reverse(regexp_replace(${t.phone}, '[^0-9]', '', 'g')) text_pattern_ops`),
    index("patients_dob_idx").on(t.dateOfBirth),
    // The few records merged into others (a search looks for matches among them too).
    index("patients_merged_idx")
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
  ],
);

export type Patient = typeof patients.$inferSelect;

/** Staff merging two patient records (one joins the other), and undoing it: what moved, who, why. */
export const patientMerges = pgTable(
  "patient_merges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The patient that stays. */
    survivorId: uuid("survivor_id")
      .notNull()
      .references(() => patients.id),
    /** The patient that joined it (its row stays, marked merged). */
    mergedId: uuid("merged_id")
      .notNull()
      .references(() => patients.id),
    /** The intakes and appointments that moved, so an undo moves exactly those back. */
    intakeIds: uuid("intake_ids").array().notNull(),
    appointmentIds: uuid("appointment_ids").array().notNull(),
    reason: text("reason").notNull(),
    mergedBy: uuid("merged_by").notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true, precision: 3 }),
    undoneBy: uuid("undone_by"),
    undoReason: text("undo_reason"),
  },
  (t) => [index("patient_merges_survivor_idx").on(t.survivorId), index("patient_merges_merged_idx").on(t.mergedId)],
);

/**
 * One graded intake. The grade is written with the answers and never recomputed in place:
 * a re-grade (after "has anything got worse?") is a new row pointing at the first.
 */
export const intakes = pgTable(
  "intakes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Millisecond precision, so a JavaScript Date cursor matches the stored value exactly.
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /**
     * The patient this intake belongs to (see `patients`). Filled by the database when an insert
     * leaves it out (trigger intakes_patient, migration 0013): the one place that finds or creates
     * the patient, for the app, the seed, the tests and the benchmarks' bulk inserts alike.
     */
    patientId: uuid("patient_id")
      .notNull()
      .default(sql`null`)
      .references(() => patients.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    sex: text("sex").notNull(),
    /** The validated answers exactly as submitted (after trimming), per intake-contract.md. */
    answers: jsonb("answers").notNull(),
    privacyNoticeVersion: text("privacy_notice_version").notNull(),
    level: triageLevel("level").notNull(),
    /** EMERGENCY 5 … SELF_CARE 1, so "most urgent first" is a plain index scan. */
    levelRank: smallint("level_rank").notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    firedRules: text("fired_rules").array().notNull(),
    flags: text("flags").array().notNull(),
    scores: jsonb("scores").notNull(),
    ageAtGrading: smallint("age_at_grading").notNull(),
    /** Needs a staff call: EMERGENCY and URGENT, and later "no slot fits". */
    escalated: boolean("escalated").notNull().default(false),
    escalationReason: text("escalation_reason"),
    /** Set on a re-grade: the intake this one supersedes. */
    previousIntakeId: uuid("previous_intake_id").references((): AnyPgColumn => intakes.id),
    // Staff handling of an escalated case (the grade above is never changed).
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, precision: 3 }),
    acknowledgedBy: uuid("acknowledged_by"),
    /** Graded during a silent pilot: the patient was not shown the grade (issue 22). */
    silent: boolean("silent").notNull().default(false),
    /** A silent-pilot intake's level as staff triaged it by hand, compared with the engine's. */
    staffLevel: triageLevel("staff_level"),
    staffLevelBy: uuid("staff_level_by"),
    staffLevelAt: timestamp("staff_level_at", { withTimezone: true, precision: 3 }),
    /** A clinician's override of the level, with its mandatory reason; the original grade stays. */
    overrideLevel: triageLevel("override_level"),
    overrideReason: text("override_reason"),
    overriddenBy: uuid("overridden_by"),
    overriddenAt: timestamp("overridden_at", { withTimezone: true, precision: 3 }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, precision: 3 }),
    resolvedBy: uuid("resolved_by"),
    /** Why an EMERGENCY or URGENT case was closed without a logged call (a clinician's words). */
    resolutionReason: text("resolution_reason"),
    /** Set when the overdue alert to admins has been queued, so it goes once. */
    overdueAlertedAt: timestamp("overdue_alerted_at", { withTimezone: true, precision: 3 }),
    /**
     * The level that acts (queue order, deadlines, alerts, booking): the clinician's override when
     * there is one, else the grade. Computed by the database, so it can never disagree.
     */
    effectiveLevel: triageLevel("effective_level")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(override_level, level)`),
    /** The effective level's rank (EMERGENCY 5 … SELF_CARE 1): the queue's order. */
    effectiveRank: smallint("effective_rank")
      .notNull()
      .generatedAlwaysAs(
        sql`case coalesce(override_level, level) when 'EMERGENCY' then 5 when 'URGENT' then 4 when 'SOON' then 3 when 'ROUTINE' then 2 else 1 end`,
      ),
    /** When an escalated case must be acknowledged by (clinic hours applied); null without a deadline. */
    ackDueAt: timestamp("ack_due_at", { withTimezone: true, precision: 3 }),
    /** The case arrived (or was escalated) while the clinic was closed: due at opening. */
    arrivedOutOfHours: boolean("arrived_out_of_hours").notNull().default(false),
    /** On the "To review" list: every SOON intake and any with a clinician flag (see reviewDueAt). */
    reviewDueAt: timestamp("review_due_at", { withTimezone: true, precision: 3 }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, precision: 3 }),
    reviewedBy: uuid("reviewed_by"),
    /**
     * Why the case is on the review list when it is not its level or a flag: "not_improving" (the
     * outcome rules, lib/outcomes) or "run_plan_stopped" (the return-to-run plan's pain rules).
     */
    reviewReason: text("review_reason"),
    /** Set when the overdue-review alert has been queued, so it goes once. */
    reviewOverdueAlertedAt: timestamp("review_overdue_alerted_at", { withTimezone: true, precision: 3 }),
    /** The first call logged on the case: URGENT cases show "call due" until there is one. */
    firstCallAt: timestamp("first_call_at", { withTimezone: true, precision: 3 }),
    /**
     * Set when the patient's personal data was erased (on request, or by the retention purge): the
     * contact fields then hold a pseudonym, the answers are empty; the grade and dates stay.
     */
    erasedAt: timestamp("erased_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    // The staff queue: escalated cases, most urgent (effective level) first, then oldest (keyset on rank, time, id).
    index("intakes_escalation_queue_idx")
      .on(t.effectiveRank.desc(), t.createdAt.asc(), t.id.asc())
      .where(sql`${t.escalated}`),
    // Open escalated cases (the queue's default view, waiting, acknowledged): a few hundred rows
    // however long the clinic's history; the planner cannot see that from the two conditions apart.
    index("intakes_open_escalation_idx")
      .on(t.effectiveRank.desc(), t.createdAt.asc(), t.id.asc())
      .where(sql`${t.escalated} and ${t.resolvedAt} is null`),
    // The "To review" list, in the queue's order.
    index("intakes_review_idx")
      .on(t.effectiveRank.desc(), t.createdAt.asc(), t.id.asc())
      .where(sql`${t.reviewDueAt} is not null`),
    // Also serves "intakes per day by level" on the dashboard as an index-only scan.
    index("intakes_created_at_level_idx").on(t.createdAt, t.level),
    index("intakes_email_idx").on(t.email),
    index("intakes_previous_idx").on(t.previousIntakeId),
    // A patient's intakes (the patient page, export, erasure), newest last.
    index("intakes_patient_idx").on(t.patientId, t.createdAt),
    // The triage audit (issue 22): one ruleset's grades over a time range (the days not rolled up
    // yet, and building a day's rollup); and the versions that graded, one index probe each.
    index("intakes_ruleset_created_idx").on(t.rulesetVersion, t.createdAt),
    // The silent pilot's comparison: the few intakes staff triaged by hand.
    index("intakes_silent_idx")
      .on(t.rulesetVersion, t.createdAt, t.level, t.staffLevel)
      .where(sql`${t.silent} and ${t.staffLevel} is not null`),
    check("intakes_level_rank_range", sql`${t.levelRank} between 1 and 5`),
  ],
);

export type Intake = typeof intakes.$inferSelect;
export type NewIntake = typeof intakes.$inferInsert;

/**
 * Idempotency-Key replay: the first request with a key stores a hash of its body and its
 * response; a replay with the same body gets that response again, a different body a 422.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id, { onDelete: "cascade" }),
    /** The response body as first sent, minus secrets (tokens are re-derived on replay). */
    response: jsonb("response").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created_at_idx").on(t.createdAt)],
);

/** Fixed-window request counters shared by every app instance (so limits hold when scaled out). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);

/**
 * A half-finished intake, so a reload or a closed tab loses nothing. The key is a hash of the
 * random token in the patient's httpOnly cookie; rows expire after 7 days and are deleted on
 * submission, so no answers outlive the draft.
 */
export const intakeDrafts = pgTable(
  "intake_drafts",
  {
    tokenHash: text("token_hash").primaryKey(),
    /** Validated sections so far, keyed as in the contract (contact, pain, legs, …). */
    answers: jsonb("answers").notNull().default({}),
    completedSteps: text("completed_steps")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("intake_drafts_expires_idx").on(t.expiresAt)],
);

export type IntakeDraft = typeof intakeDrafts.$inferSelect;

/** The people patients book with. */
export const clinicians = pgTable("clinicians", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Shown to patients, e.g. "Physiotherapist". */
  role: text("role").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Clinician = typeof clinicians.$inferSelect;

/** What can be booked, for how long, and by which grades. */
export const appointmentTypes = pgTable(
  "appointment_types",
  {
    id: text("id").primaryKey(), // a stable slug, e.g. "initial"
    name: text("name").notNull(),
    minutes: smallint("minutes").notNull(),
    bufferBeforeMinutes: smallint("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: smallint("buffer_after_minutes").notNull().default(0),
    /** Grades whose patients may book it themselves; empty = staff only (e.g. urgent review). */
    levels: triageLevel("levels").array().notNull(),
    /** Lower first: the default type for a grade is the first that lists it. */
    sortOrder: smallint("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** The type staff book for URGENT cases (reserved urgent slots): exactly one. */
    urgent: boolean("urgent").notNull().default(false),
  },
  (t) => [
    check("appointment_types_minutes", sql`${t.minutes} between 5 and 480`),
    uniqueIndex("appointment_types_one_urgent")
      .on(t.urgent)
      .where(sql`${t.urgent}`),
  ],
);

export type AppointmentType = typeof appointmentTypes.$inferSelect;

/** Weekly working hours in the clinic's time zone; several rows a day make split hours. */
export const workingHours = pgTable(
  "working_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => clinicians.id, { onDelete: "cascade" }),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    check("working_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("working_hours_order", sql`${t.endTime} > ${t.startTime}`),
    index("working_hours_clinician_idx").on(t.clinicianId),
  ],
);

/** Time off for one clinician, or a clinic closure (no clinician) for everyone. */
export const timeOff = pgTable(
  "time_off",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id").references(() => clinicians.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
  },
  (t) => [
    check("time_off_order", sql`${t.endsAt} > ${t.startsAt}`),
    index("time_off_range_idx").on(t.startsAt, t.endsAt),
  ],
);

/** A PostgreSQL tstzrange, written as "[start,end)" with ISO instants. */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => "tstzrange" });

export const appointmentStatus = pgEnum("appointment_status", [
  "booked",
  "cancelled",
  "rescheduled",
  "arrived",
  "no_show",
  "completed",
  /**
   * A freed time held for a waiting patient while their offer is open (waitlist_offers): it holds the
   * clinician's time under the no-overlap constraint like a booking, and becomes "booked" when accepted
   * (the row is deleted when the offer is declined or lapses). Not an appointment anyone sees as one.
   */
  "held",
]);

/**
 * Appointments. `blocked` is the time the clinician is taken, buffers included; an exclusion
 * constraint (migration 0004, btree_gist) makes two booked appointments of one clinician with
 * overlapping blocked ranges impossible. Cancelled and rescheduled rows stay as history.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    /** The patient (their intake's, filled by the trigger appointments_patient when left out). */
    patientId: uuid("patient_id")
      .notNull()
      .default(sql`null`)
      .references(() => patients.id),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => clinicians.id),
    appointmentTypeId: text("appointment_type_id")
      .notNull()
      .references(() => appointmentTypes.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blocked: tstzrange("blocked").notNull(),
    status: appointmentStatus("status").notNull().default("booked"),
    /** SHA-256 of the manage link's token; moves to the new row on reschedule. */
    manageTokenHash: text("manage_token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    /** Cancelled by the clinic inside the cancellation cut-off (patients cannot cancel that late online). */
    lateCancellation: boolean("late_cancellation").notNull().default(false),
    /** The staff member who booked it for the patient (null: the patient booked it themselves). */
    bookedByStaffId: uuid("booked_by_staff_id").references((): AnyPgColumn => staffUsers.id),
    /** Why staff booked a time outside what the patient's grade allows (null when inside it). */
    outsideLevelReason: text("outside_level_reason"),
    /** The staff member who cancelled it (null: the patient, or the system). */
    cancelledByStaffId: uuid("cancelled_by_staff_id").references((): AnyPgColumn => staffUsers.id),
    /** The appointment this one replaced. */
    rescheduledFromId: uuid("rescheduled_from_id").references((): AnyPgColumn => appointments.id),
    /**
     * The first appointment of a reschedule chain: its id is the calendar UID every version
     * shares, so a patient's calendar updates the one event instead of adding another.
     */
    seriesId: uuid("series_id").notNull(),
    /** The calendar SEQUENCE: 0 when booked, one more on each reschedule. */
    sequence: smallint("sequence").notNull().default(0),
  },
  (t) => [
    uniqueIndex("appointments_manage_token_idx").on(t.manageTokenHash),
    // One active booking per intake.
    uniqueIndex("appointments_one_active_per_intake")
      .on(t.intakeId)
      .where(sql`${t.status} = 'booked'`),
    index("appointments_clinician_start_idx").on(t.clinicianId, t.startsAt),
    // A case's appointments (case page, the queue's clinician filter), whatever their status.
    index("appointments_intake_idx").on(t.intakeId, t.clinicianId),
    index("appointments_patient_idx").on(t.patientId, t.startsAt),
    check("appointments_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type Appointment = typeof appointments.$inferSelect;

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "dead", "cancelled"]);

/**
 * Emails waiting to be sent, written in the same transaction as the change that causes them, so
 * none is lost. Workers claim due rows with FOR UPDATE SKIP LOCKED and a lease (`claimed_until`):
 * a worker that dies mid-send loses nothing, the row is claimed again when the lease runs out.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Which email (template) this is, e.g. "booking_confirmation". */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    /** The template's data: no clinical detail. */
    payload: jsonb("payload").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: smallint("attempts").notNull().default(0),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The appointment an email is about, so cancelling or moving it can cancel or move its reminder. */
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** The case a staff alert (email or webhook) is about, so the case page shows its delivery. */
    intakeId: uuid("intake_id").references(() => intakes.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx")
      .on(t.dueAt)
      .where(sql`${t.status} = 'pending'`),
    index("outbox_appointment_idx").on(t.appointmentId),
    index("outbox_intake_idx")
      .on(t.intakeId)
      .where(sql`${t.intakeId} is not null`),
    // An endpoint's delivery log (newest first), without reading the emails.
    index("outbox_webhook_idx")
      .on(t.recipient, t.createdAt.desc())
      .where(sql`${t.kind} = 'webhook'`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * A second alert channel: an HTTPS endpoint (a pager bridge, a chat channel) that receives
 * `case.escalated` and `case.overdue` events, signed as Standard Webhooks with its own secret.
 * Deliveries are outbox rows (kind "webhook", recipient the endpoint's id).
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  /** The signing secret ("whsec_…"), sealed with AUTH_SECRET; shown to the admin once. */
  secretSealed: text("secret_sealed").notNull(),
  events: text("events").array().notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid("created_by"),
});

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/**
 * An integration key (issue 21): a random secret an admin creates with scopes, shown once. Only its
 * SHA-256 is kept (the secret has 256 bits of entropy, so a slow hash adds nothing); `prefix` is its
 * first characters, shown to tell keys apart. Revoked keys stay for the audit trail.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_idx").on(t.secretHash)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

/**
 * The development mailbox: with no RESEND_API_KEY, sent emails land here (rendered HTML, text
 * and attachments) and are listed at /dev/mailbox outside production. One row per outbox email,
 * so a repeated send is not a second email.
 */
export const devMailbox = pgTable("dev_mailbox", {
  outboxId: uuid("outbox_id")
    .primaryKey()
    .references(() => outbox.id, { onDelete: "cascade" }),
  kind: text("kind").notNull(),
  from: text("from").notNull(),
  to: text("to").notNull(),
  replyTo: text("reply_to"),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  /** [{ filename, contentType, content (base64) }] */
  attachments: jsonb("attachments").notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type DevMailboxRow = typeof devMailbox.$inferSelect;

export const staffRole = pgEnum("staff_role", STAFF_ROLES);

/** Clinic staff who sign in. Emails are stored lower-case; passwords as argon2id hashes. */
export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /** Failed sign-ins in a row; at the limit the account is locked until `lockedUntil`. */
    failedSignIns: smallint("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Set when an admin chose the password: the person must choose their own at the next sign-in. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("staff_users_email_idx").on(t.email),
    check("staff_users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];

/**
 * One signed-in browser. The session cookie names a row here, so the server can end it: after
 * 30 minutes idle, 12 hours in all, on sign-out, or everywhere at once.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /**
     * When the second factor was given on this sign-in (passkey, authenticator code or recovery
     * code); null when it has not been (yet). A session without it opens only the sign-in steps.
     */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    /** The WebAuthn challenge of a passkey ceremony in progress on this session, and until when. */
    webauthnChallenge: text("webauthn_challenge"),
    webauthnChallengeExpiresAt: timestamp("webauthn_challenge_expires_at", { withTimezone: true }),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

/** A staff member's authenticator app (TOTP, RFC 6238): one per person. */
export const staffTotp = pgTable("staff_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  /** The shared secret (base32), sealed with AUTH_SECRET. */
  secretSealed: text("secret_sealed").notNull(),
  /** Null while being set up (the person has not yet typed a code from it). */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The time step of the last code accepted: a code is never accepted twice. */
  lastTimeStep: integer("last_time_step"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A staff member's passkeys (WebAuthn credentials), used as the second factor. */
export const staffPasskeys = pgTable(
  "staff_passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** The credential id, base64url. */
    credentialId: text("credential_id").notNull(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    signCount: integer("sign_count").notNull().default(0),
    transports: text("transports")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What the person called it ("Office laptop"). */
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("staff_passkeys_credential_idx").on(t.credentialId),
    index("staff_passkeys_user_idx").on(t.userId),
  ],
);

/** One-time recovery codes for when the second factor is lost; stored as SHA-256 hashes. */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("staff_recovery_codes_hash_idx").on(t.userId, t.codeHash)],
);

/**
 * The clinic's privacy notice, versioned: each publication is a new row, the highest version is
 * the one shown; intakes record the version their patient saw.
 */
export const privacyNotices = pgTable("privacy_notices", {
  version: integer("version").primaryKey(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid("published_by"),
});

/** Notes and call logs on a case. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => staffUsers.id),
    kind: text("kind", { enum: ["note", "call"] }).notNull(),
    /** For calls: how it went, e.g. "reached", "no_answer", "voicemail". */
    outcome: text("outcome"),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("case_notes_intake_idx").on(t.intakeId, t.createdAt)],
);

/**
 * Append-only: who did or viewed what to which record, when, from where. Written in the same
 * transaction as the change. The app has no update or delete for it, and a trigger refuses both.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Null for the system or an unknown person (a failed sign-in for an unknown email). */
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at.desc()),
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_events_actor_idx").on(t.actorId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

/** Where a waitlist entry stands: waiting for an offer, booked from one, or taken off the list. */
export const WAITLIST_STATUSES = ["waiting", "booked", "removed"] as const;

/**
 * Patients waiting for a freed time (issue 19): which days and parts of the day suit them, from
 * which date, and, when they hold an appointment, only times earlier than it. One waiting entry
 * per intake (joining again changes the choice); entries that left stay as history.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * The intake whose booking link joined: its effective level and grading time rank the entry, and
     * its patient is the entry's (read through the intake, so a merge of patients carries it along).
     */
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    /** "any", or { mon: ["morning", …], … } in clinic time (lib/waitlist/availability.ts). */
    availability: jsonb("availability").notNull(),
    /** The first clinic-local date that suits the patient. */
    notBefore: date("not_before"),
    /** The start of the appointment held when joining: only earlier times are offered. */
    earlierThan: timestamp("earlier_than", { withTimezone: true, precision: 3 }),
    joinedAt: timestamp("joined_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    status: text("status", { enum: WAITLIST_STATUSES }).notNull().default("waiting"),
    removedAt: timestamp("removed_at", { withTimezone: true, precision: 3 }),
    /** The staff member who removed the entry; null when the patient or the system did. */
    removedBy: uuid("removed_by").references(() => staffUsers.id),
    removedReason: text("removed_reason"),
  },
  (t) => [
    check("waitlist_entries_status", sql`${t.status} in ('waiting', 'booked', 'removed')`),
    check("waitlist_entries_removed", sql`(${t.status} = 'removed') = (${t.removedAt} is not null)`),
    // At most one waiting entry per intake: a second join updates it (and a race of two joins cannot make two).
    uniqueIndex("waitlist_entries_one_waiting_per_intake")
      .on(t.intakeId)
      .where(sql`${t.status} = 'waiting'`),
    // The waiting list in joining order, for the offer worker and the staff list.
    index("waitlist_entries_waiting_idx")
      .on(t.joinedAt)
      .where(sql`${t.status} = 'waiting'`),
  ],
);

export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;

/** Why a clinician's time became free: what the waitlist worker offers on (see freedTimes). */
export const FREED_CAUSES = ["cancelled", "moved", "hours", "time_off", "given_back"] as const;

/**
 * Times that became free (issue 19): a booked appointment cancelled or moved (the trigger
 * appointments_freed, migration 0017, so no path can forget it), new working hours, time off
 * removed. The waitlist worker claims each (a lease, SKIP LOCKED, so two workers never take the
 * same one), offers what fits to the most urgent waiting patient, and marks it handled; a declined
 * or lapsed offer hands it back to be offered to the next.
 */
export const freedTimes = pgTable(
  "freed_times",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => clinicians.id),
    /** The freed appointment's type (null: working time, offered in each waiting patient's type). */
    appointmentTypeId: text("appointment_type_id").references(() => appointmentTypes.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    cause: text("cause", { enum: FREED_CAUSES }).notNull(),
    /** The appointment whose cancellation or move freed the time. */
    sourceAppointmentId: uuid("source_appointment_id").references((): AnyPgColumn => appointments.id),
    freedAt: timestamp("freed_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** A worker's claim while it offers the time (another may take it after). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true, precision: 3 }),
    /** When the worker finished with it (null: still to offer, or handed back by a declined or lapsed offer). */
    handledAt: timestamp("handled_at", { withTimezone: true, precision: 3 }),
    /** offered: held for a waiting patient; no_one: nobody waiting fits; past: too late to offer. */
    outcome: text("outcome", { enum: ["offered", "no_one", "past"] }),
  },
  (t) => [
    check("freed_times_order", sql`${t.endsAt} > ${t.startsAt}`),
    index("freed_times_pending_idx")
      .on(t.freedAt)
      .where(sql`${t.handledAt} is null`),
    index("freed_times_freed_at_idx").on(t.freedAt),
  ],
);

export type FreedTimeRow = typeof freedTimes.$inferSelect;

/** Where an offer stands: open (the time held), accepted, declined, lapsed (not answered in time), withdrawn. */
export const OFFER_STATUSES = ["open", "accepted", "declined", "lapsed", "withdrawn"] as const;

/**
 * A freed time offered to one waiting patient (issue 19): an email with a private single-use link;
 * the time is held for them as an appointments row with status "held" until the offer is answered
 * or lapses, so it can never be offered to two people or booked by anyone else meanwhile.
 */
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id),
    /** The freed time it came from (null: offered by staff). */
    freedTimeId: uuid("freed_time_id").references(() => freedTimes.id),
    /** The held row while open; the booked appointment once accepted; null after a decline or lapse. */
    appointmentId: uuid("appointment_id").references((): AnyPgColumn => appointments.id, { onDelete: "set null" }),
    clinicianId: uuid("clinician_id")
      .notNull()
      .references(() => clinicians.id),
    appointmentTypeId: text("appointment_type_id")
      .notNull()
      .references(() => appointmentTypes.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** SHA-256 of the offer link's token. */
    tokenHash: text("token_hash").notNull(),
    offeredAt: timestamp("offered_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("open"),
    answeredAt: timestamp("answered_at", { withTimezone: true, precision: 3 }),
    /** The staff member who offered it to this patient (null: the worker, in offer order). */
    offeredBy: uuid("offered_by").references(() => staffUsers.id),
  },
  (t) => [
    check("waitlist_offers_status", sql`${t.status} in ('open', 'accepted', 'declined', 'lapsed', 'withdrawn')`),
    uniqueIndex("waitlist_offers_token_idx").on(t.tokenHash),
    // One open offer per waiting patient at a time: two workers cannot both offer them a time.
    uniqueIndex("waitlist_offers_one_open_per_entry")
      .on(t.entryId)
      .where(sql`${t.status} = 'open'`),
    index("waitlist_offers_open_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'open'`),
    index("waitlist_offers_entry_idx").on(t.entryId, t.offeredAt),
    index("waitlist_offers_freed_idx").on(t.freedTimeId),
  ],
);

export type WaitlistOfferRow = typeof waitlistOffers.$inferSelect;

/**
 * The pre-visit safety check (issue 19): made with each booked appointment (the email goes
 * `pre_visit_check_days` before it, through the outbox), answered once through a private link: the
 * red-flag questions again, pain now, and better / same / worse. A worse answer re-grades the
 * intake (`regrade_intake_id`, a new intake linked to the first); "much better" may give the time
 * back (`gave_back_at`, the appointment cancelled). A moved or cancelled appointment's check stays
 * as history; the moved one gets a new check.
 */
export const preVisitChecks = pgTable(
  "pre_visit_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    /** The appointment's intake when the check was made. */
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    /** SHA-256 of the check link's token (the token itself is only in the email, sealed in the outbox). */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true, precision: 3 }),
    /** The recheck's answers (cauda, legs, pain) and `trend`: much_better, better, same or worse. */
    answers: jsonb("answers"),
    /** The new intake a worse answer graded (linked to the first by previous_intake_id). */
    regradeIntakeId: uuid("regrade_intake_id").references(() => intakes.id),
    /** When the patient, feeling much better, gave the time back (the appointment was cancelled). */
    gaveBackAt: timestamp("gave_back_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    check("pre_visit_checks_answered", sql`(${t.answers} is null) = (${t.answeredAt} is null)`),
    check("pre_visit_checks_gave_back", sql`${t.gaveBackAt} is null or ${t.answeredAt} is not null`),
    uniqueIndex("pre_visit_checks_token_idx").on(t.tokenHash),
    index("pre_visit_checks_appointment_idx").on(t.appointmentId),
    index("pre_visit_checks_intake_idx").on(t.intakeId),
    index("pre_visit_checks_regrade_idx")
      .on(t.regradeIntakeId)
      .where(sql`${t.regradeIntakeId} is not null`),
  ],
);

export type PreVisitCheckRow = typeof preVisitChecks.$inferSelect;

/**
 * The private "My back" page's links (issue 20): a random token per link, stored hashed, valid 90
 * days. Every patient email carries a new one; a patient who enters their email and date of birth
 * is sent another. The page shows the patient's latest episode of care.
 */
export const myBackLinks = pgTable(
  "my_back_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    /** SHA-256 of the token (the token is only in the email, sealed in the outbox). */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [uniqueIndex("my_back_links_token_idx").on(t.tokenHash), index("my_back_links_patient_idx").on(t.patientId)],
);

/**
 * One episode of care's recovery (issue 20), keyed by the intake that began it (a first intake, not
 * a re-grade; the patient is that intake's): the activities the patient chose as hard, with how well they could do each then;
 * discharge (no more check-ins); the outcome rules' "not improving" verdict; a clinician's clearance
 * for the return-to-run plan. Made when first needed.
 */
export const recoveries = pgTable("recoveries", {
  intakeId: uuid("intake_id")
    .primaryKey()
    .references(() => intakes.id),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  /** [{ id, rating }]: up to three activities (lib/outcomes ACTIVITIES), rated 0–10 when chosen. */
  activities: jsonb("activities"),
  activitiesAt: timestamp("activities_at", { withTimezone: true, precision: 3 }),
  dischargedAt: timestamp("discharged_at", { withTimezone: true, precision: 3 }),
  dischargedBy: uuid("discharged_by"),
  /** When the outcome rules first found the patient not improving, and which rules (version, fired). */
  notImprovingAt: timestamp("not_improving_at", { withTimezone: true, precision: 3 }),
  notImproving: jsonb("not_improving"),
  /** A clinician cleared a patient the plan is not open to by their grade. */
  runPlanClearedAt: timestamp("run_plan_cleared_at", { withTimezone: true, precision: 3 }),
  runPlanClearedBy: uuid("run_plan_cleared_by"),
});

/**
 * A recovery check-in (issue 20): made with the episode's first intake for each of the clinic's
 * weeks, and emailed when due through the outbox (a link to My back, no answers in it); open on My
 * back from then until answered or the next is due; answered once. A worse
 * answer or a new red flag re-grades (`regrade_intake_id`, a new intake linked to the first).
 */
export const outcomeCheckins = pgTable(
  "outcome_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    week: smallint("week").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** When it opens (and its email goes): the week after the first intake. */
    dueAt: timestamp("due_at", { withTimezone: true, precision: 3 }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true, precision: 3 }),
    /** The answers (lib/outcomes checkinAnswersSchema) and their score against the first intake. */
    answers: jsonb("answers"),
    score: jsonb("score"),
    regradeIntakeId: uuid("regrade_intake_id").references(() => intakes.id),
  },
  (t) => [
    check("outcome_checkins_answered", sql`(${t.answers} is null) = (${t.answeredAt} is null)`),
    uniqueIndex("outcome_checkins_week_idx").on(t.intakeId, t.week),
    // The clinic's measures (response rate, improved at 6 weeks) over a period.
    index("outcome_checkins_due_idx").on(t.dueAt),
  ],
);

export type OutcomeCheckinRow = typeof outcomeCheckins.$inferSelect;

export const RUN_PLAN_STATUSES = ["active", "completed", "stopped"] as const;

/**
 * A return-to-run plan (issue 20, lib/programme): one per episode, at a stage; each weekly check-in
 * decides progress, repeat, step back or stop (stop puts the case on the review list).
 */
export const runPlans = pgTable(
  "run_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    stage: smallint("stage").notNull().default(1),
    stageStartedAt: timestamp("stage_started_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    status: text("status", { enum: RUN_PLAN_STATUSES }).notNull().default("active"),
    endedAt: timestamp("ended_at", { withTimezone: true, precision: 3 }),
    /** The last weekly check-in: the next one opens a week after it. */
    lastCheckinAt: timestamp("last_checkin_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    check("run_plans_status", sql`${t.status} in ('active', 'completed', 'stopped')`),
    uniqueIndex("run_plans_intake_idx").on(t.intakeId),
  ],
);

export type RunPlanRow = typeof runPlans.$inferSelect;

/** A weekly check-in of a return-to-run plan: the answers and what lib/programme decided. */
export const runPlanCheckins = pgTable(
  "run_plan_checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => runPlans.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    stage: smallint("stage").notNull(),
    answers: jsonb("answers").notNull(),
    /** { action, stage, completed, reasons, version } */
    decision: jsonb("decision").notNull(),
  },
  (t) => [index("run_plan_checkins_plan_idx").on(t.planId, t.createdAt)],
);

/**
 * A clinician's verdict on a grade, once they know (issue 22): right, should have been higher or
 * lower, and the working diagnosis. Editable with history: a new verdict supersedes the current one
 * (superseded_at), which stays.
 */
export const gradeVerdicts = pgTable(
  "grade_verdicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    intakeId: uuid("intake_id")
      .notNull()
      .references(() => intakes.id, { onDelete: "cascade" }),
    verdict: text("verdict", { enum: GRADE_VERDICTS }).notNull(),
    diagnosis: text("diagnosis", { enum: WORKING_DIAGNOSES }),
    diagnosisText: text("diagnosis_text"),
    recordedBy: uuid("recorded_by").references((): AnyPgColumn => staffUsers.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    supersededAt: timestamp("superseded_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("grade_verdicts_current_idx")
      .on(t.intakeId)
      .where(sql`${t.supersededAt} is null`),
    index("grade_verdicts_intake_idx").on(t.intakeId, t.recordedAt),
    // The triage audit's under-triage list: the current "should have been higher" verdicts.
    index("grade_verdicts_higher_idx")
      .on(t.recordedAt, t.intakeId)
      .where(sql`${t.verdict} = 'higher' and ${t.supersededAt} is null`),
  ],
);

export type GradeVerdictRow = typeof gradeVerdicts.$inferSelect;

/**
 * The triage audit's rollup (issue 22): which closed days (whole days in `zone`, ended at least an
 * hour ago) of a ruleset's grades are counted in triage_audit_days. Built by the audit's reader
 * when it first needs a day; triggers (migration 0023) delete a day's marker, and with it its
 * counts, whenever a grade or a verdict on that day changes, so the next read counts it again.
 */
export const triageAuditBuilt = pgTable(
  "triage_audit_built",
  {
    zone: text("zone").notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    day: date("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.zone, t.rulesetVersion, t.day] })],
);

/**
 * One built day's counts per level and rule ('' counts the grades themselves): grades, those with
 * a current verdict, per verdict, and those whose verdict names a serious diagnosis.
 */
export const triageAuditDays = pgTable(
  "triage_audit_days",
  {
    zone: text("zone").notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    day: date("day").notNull(),
    level: triageLevel("level").notNull(),
    rule: text("rule").notNull(),
    n: integer("n").notNull(),
    withVerdict: integer("with_verdict").notNull(),
    right: integer("right").notNull(),
    higher: integer("higher").notNull(),
    lower: integer("lower").notNull(),
    serious: integer("serious").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.zone, t.rulesetVersion, t.day, t.level, t.rule] }),
    foreignKey({
      name: "triage_audit_days_built_fk",
      columns: [t.zone, t.rulesetVersion, t.day],
      foreignColumns: [triageAuditBuilt.zone, triageAuditBuilt.rulesetVersion, triageAuditBuilt.day],
    }).onDelete("cascade"),
  ],
);
