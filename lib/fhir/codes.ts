// The URLs and codes of our FHIR resources. Our own code systems hang off one fixed canonical base
// that never depends on where a clinic runs the app, so a code means the same in every clinic's
// export; resources themselves are addressed under the app's own URL (APP_URL/api/v1/fhir).
import type { Level } from "@/common/vocabulary";
import { LEVEL_NAMES } from "@/lib/staff/format";
import type { CodeableConcept, Coding } from "./types";

/** The canonical base of BackTrack's own FHIR definitions (not a served address). */
export const CANONICAL = "https://backtrack.example/fhir";

/** Our code systems and identifier systems. */
export const SYSTEMS = {
  /** Triage levels: EMERGENCY … SELF_CARE. */
  level: `${CANONICAL}/CodeSystem/triage-level`,
  /** Released triage rulesets, by version (2026.12). */
  ruleset: `${CANONICAL}/CodeSystem/triage-ruleset`,
  /** Triage rules, by id (E1, U3, …), as released in a ruleset. */
  rule: `${CANONICAL}/CodeSystem/triage-rule`,
  /** Clinician flags raised by grading (FLAG_VASC, …). */
  flag: `${CANONICAL}/CodeSystem/clinician-flag`,
  /** Our own scores: the recovery-outlook and daily-function screens. */
  score: `${CANONICAL}/CodeSystem/score`,
  /** Answer values of the intake questionnaire, as the intake contract spells them. */
  answer: `${CANONICAL}/CodeSystem/intake-answer`,
  /** Identifier systems: our row ids. */
  patientId: `${CANONICAL}/sid/patient`,
  intakeId: `${CANONICAL}/sid/intake`,
  appointmentId: `${CANONICAL}/sid/appointment`,
} as const;

/** The intake Questionnaire's canonical URL; each contract version is one Questionnaire version. */
export const QUESTIONNAIRE_URL = `${CANONICAL}/Questionnaire/intake`;

export const LOINC = "http://loinc.org";

/** LOINC 72514-3: pain severity, 0-10 verbal numeric rating, reported. */
export const PAIN_SEVERITY: Coding = {
  system: LOINC,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};

export const SURVEY_CATEGORY: CodeableConcept = {
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" }],
};

export const CLINICAL_FLAG_CATEGORY: CodeableConcept = {
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/flag-category", code: "clinical", display: "Clinical" }],
};

/** A triage level as a coded concept. */
export function levelConcept(level: Level): CodeableConcept {
  return { coding: [{ system: SYSTEMS.level, code: level, display: LEVEL_NAMES[level] }] };
}

/** Our score codes (SYSTEMS.score). */
export const SCORE_CODES = {
  outlookTotal: { code: "outlook-total", display: "Recovery outlook screen: total score (0-9)" },
  outlookPsychosocial: {
    code: "outlook-psychosocial",
    display: "Recovery outlook screen: psychosocial subscore (0-5)",
  },
  outlookRisk: { code: "outlook-risk", display: "Recovery outlook screen: risk group" },
  functionPercent: { code: "function-percent", display: "Daily function screen: disability (%)" },
  functionBand: { code: "function-band", display: "Daily function screen: band" },
  functionAnswered: { code: "function-answered", display: "Daily function screen: sections answered" },
} as const;

/** One of our score codes as a concept. */
export function scoreConcept(key: keyof typeof SCORE_CODES): CodeableConcept {
  return { coding: [{ system: SYSTEMS.score, ...SCORE_CODES[key] }] };
}

/** A row id as a FHIR id (uuids already are); derived resources append a suffix, e.g. `<intakeId>-pain`. */
export function derivedId(id: string, suffix: string): string {
  return `${id}-${suffix.toLowerCase().replace(/[^a-z0-9.-]/g, "-")}`.slice(0, 64);
}
