// Words and values shared by the database schema, the grading engine and the app: each has one home
// here, so db/ (which imports nothing from lib/) and lib/ (which writes no SQL) agree on them. Pure
// constants; this folder imports nothing.

/** Urgency levels, most urgent first (the `triage_level` enum of the database). */
export const LEVELS = ["EMERGENCY", "URGENT", "SOON", "ROUTINE", "SELF_CARE"] as const;

export type Level = (typeof LEVELS)[number];

/** Numeric rank of each level, stored beside the level so staff lists can sort most urgent first. */
export const levelRank: Readonly<Record<Level, number>> = Object.freeze({
  EMERGENCY: 5,
  URGENT: 4,
  SOON: 3,
  ROUTINE: 2,
  SELF_CARE: 1,
});

/** Staff roles (the `staff_role` enum of the database). */
export const STAFF_ROLES = ["admin", "clinician", "reception"] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What an integration key may do (issue 21). A key carries scopes instead of a role: each staff API
 * names the scope a key needs, beside the roles a signed-in person needs.
 */
export const API_SCOPES = [
  "cases:read",
  "patients:read",
  "fhir:read",
  "appointments:write",
  "webhooks:manage",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A clinician's verdict on a grade, once they know (issue 22): right, or it should have been
 * higher or lower.
 */
export const GRADE_VERDICTS = ["right", "higher", "lower"] as const;
export type GradeVerdict = (typeof GRADE_VERDICTS)[number];

/** The working diagnoses a verdict may name; the first six are the serious ones the rules look for. */
export const WORKING_DIAGNOSES = [
  "cauda_equina",
  "cord_compression",
  "infection",
  "fracture",
  "cancer",
  "vascular",
  "inflammatory",
  "radicular",
  "non_specific",
  "other",
] as const;
export type WorkingDiagnosis = (typeof WORKING_DIAGNOSES)[number];

/** A confirmed serious or time-critical diagnosis (what a rule's positive predictive value counts). */
export const SERIOUS_DIAGNOSES: readonly WorkingDiagnosis[] = [
  "cauda_equina",
  "cord_compression",
  "infection",
  "fracture",
  "cancer",
  "vascular",
];

/** "EMERGENCY" → "Emergency", for staff screens (always as text, never colour alone). */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  EMERGENCY: "Emergency",
  URGENT: "Urgent",
  SOON: "Soon",
  ROUTINE: "Routine",
  SELF_CARE: "Self-care",
};

/** A role as staff read it. */
export const ROLE_NAMES: Readonly<Record<StaffRole, string>> = {
  admin: "Admin",
  clinician: "Clinician",
  reception: "Reception",
};
