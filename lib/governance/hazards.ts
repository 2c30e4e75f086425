// The hazard-log skeleton of the safety report (DCB0129 style): one row per hazard with its cause,
// effect, the existing controls (rules and product features) and the test files that evidence them.
// Residual risk and owner are left for the clinical safety officer. tests/unit/triage-report.test.ts
// checks that every rule named here exists in the current ruleset and every test file exists.

export type Hazard = {
  readonly hazard: string;
  readonly cause: string;
  readonly effect: string;
  /** Rule ids of the current ruleset that control the hazard (shown first in the control column). */
  readonly rules: readonly string[];
  /** Product features that control it, beyond the rules. */
  readonly features: string;
  /** Test files (paths from the repository root) that evidence the control. */
  readonly evidence: readonly string[];
};

const RULE_TESTS = [
  "tests/unit/triage/rules-emergency.test.ts",
  "tests/unit/triage/vignettes.test.ts",
  "tests/unit/triage/properties.test.ts",
];

export const HAZARDS: readonly Hazard[] = [
  {
    hazard: "Missed cauda equina syndrome",
    cause: "Symptom not reported, answered 'not sure', or an old symptom hides a new one",
    effect: "Delayed decompression: permanent bladder, bowel or sexual dysfunction",
    rules: ["E1", "E2", "E3", "E11", "E13", "U5", "U7", "U8"],
    features:
      "'Not sure' never read as 'no'; per-symptom onset; nerve-compression warning signs on every result; early red-flag interrupt after the nerve check",
    evidence: [...RULE_TESTS, "tests/unit/triage/early.test.ts", "tests/e2e/intake-interrupt.spec.ts"],
  },
  {
    hazard: "Missed spinal cord compression (metastatic or myelopathy)",
    cause: "Arm, hand or walking symptoms attributed to a leg cause; cancer history not linked to new nerve symptoms",
    effect: "Paralysis",
    rules: ["E4", "E8", "U18", "U19", "U23", "S13", "S14"],
    features: "Spinal cord and cancer emergency cards; same-day safety net per patient",
    evidence: [...RULE_TESTS, "tests/unit/triage/rules-urgent.test.ts", "tests/unit/triage/safety-net.test.ts"],
  },
  {
    hazard: "Missed spinal infection or sepsis",
    cause: "Fever or feeling very unwell not weighed with a risk factor (drugs, procedure, immunity, steroids)",
    effect: "Epidural abscess, sepsis, death",
    rules: ["E5", "E15", "Y3", "U1", "U10", "U16", "U20", "S10"],
    features: "Infection card; fever and confusion on the same-day safety net",
    evidence: [...RULE_TESTS, "tests/unit/triage/rules-urgent.test.ts", "tests/unit/triage/safety-net.test.ts"],
  },
  {
    hazard: "Missed fracture (traumatic, fragility or bone stress)",
    cause: "Mechanism under-reported; fragile bone or age not weighed; runner's bone-stress signs missed",
    effect: "Unstable fracture displaced, cord injury, non-union",
    rules: ["E7", "E12", "U3", "U9", "U22", "S3b", "S3c", "S8"],
    features: "Dangerous-mechanism check; FLAG_STOP_RUNNING; 'do not run' advice on SOON pages",
    evidence: [
      ...RULE_TESTS,
      "tests/unit/triage/rules-urgent.test.ts",
      "tests/unit/triage/rules-soon.test.ts",
      "tests/unit/triage/flags.test.ts",
    ],
  },
  {
    hazard: "Missed cancer",
    cause: "Past cancer, weight loss or night pain not weighed; first episode at 60 or over",
    effect: "Late diagnosis of spinal metastasis or myeloma",
    rules: ["E4", "U2", "U18", "S1", "S5", "S7"],
    features: "FLAG_NG12 (GP tests); clinician review of SOON intakes within 1 working day",
    evidence: [
      ...RULE_TESTS,
      "tests/unit/triage/rules-urgent.test.ts",
      "tests/unit/triage/rules-soon.test.ts",
      "tests/unit/triage/flags.test.ts",
    ],
  },
  {
    hazard: "Missed vascular emergency (aortic aneurysm or dissection, bleeding on a blood thinner)",
    cause: "Back pain is the presenting symptom; tearing pain or tummy pain not asked or not weighed",
    effect: "Rupture, death",
    rules: ["E6", "E9", "E10", "E14", "E16", "U11", "U12", "U17", "U21", "S11"],
    features: "Vascular check asked before the nerve questions, with an early interrupt; 'call an ambulance' card",
    evidence: [
      ...RULE_TESTS,
      "tests/unit/triage/early.test.ts",
      "tests/unit/content/emergency.test.ts",
      "tests/e2e/intake-interrupt.spec.ts",
    ],
  },
  {
    hazard: "Missed emergency in pregnancy or in a child",
    cause: "Labour-type backache or a children's red flag graded as adult back pain",
    effect: "Obstetric emergency or a serious childhood condition missed",
    rules: ["U15", "Y1", "Y2", "Y3"],
    features: "Pregnancy questions; the under-16 route (never a booking); maternity-unit advice",
    evidence: [
      "tests/unit/triage/rules-urgent.test.ts",
      "tests/unit/triage/grade.test.ts",
      "tests/unit/content/urgent.test.ts",
    ],
  },
  {
    hazard: "Early submission refused or under-graded",
    cause: "Patient sends answers from the emergency page before finishing the form",
    effect: "Emergency patient left without a same-day call",
    rules: ["X1"],
    features: "An early submission is never refused and grades at least URGENT; FLAG_EARLY_NOT_CONFIRMED",
    evidence: [
      "tests/unit/triage/early.test.ts",
      "tests/unit/triage/properties.test.ts",
      "tests/db/intakes-api.test.ts",
      "tests/e2e/intake-interrupt.spec.ts",
    ],
  },
  {
    hazard: "Over-triage flooding urgent capacity",
    cause: "Low-specificity answers (no side, onset or type) graded URGENT or EMERGENCY",
    effect: "Same-day capacity used up; truly urgent patients wait",
    rules: ["S11", "S12", "S13", "S14", "C1"],
    features:
      "Specific questions (side, type, onset); SOON floors instead of URGENT; clinician override; reserved urgent slots; per-rule audit and silent pilot (issue 22)",
    evidence: [
      "tests/unit/triage/rules-soon.test.ts",
      "tests/unit/triage/fallback.test.ts",
      "tests/unit/scheduling/reserve.test.ts",
      "tests/db/escalations.test.ts",
    ],
  },
  {
    hazard: "Urgent or emergency case not seen by staff in time",
    cause: "Alert missed, many alerts at once, or the clinic is closed",
    effect: "No call-back; the patient does not get care",
    rules: [],
    features:
      "Escalation queue most urgent first with acknowledgement deadlines; alert emails and digest; out-of-hours route on URGENT pages",
    evidence: ["tests/db/escalations.test.ts", "tests/db/alert-digest.test.ts", "tests/e2e/staff-escalations.spec.ts"],
  },
  {
    hazard: "Patient does not read or understand the advice",
    cause: "Long or technical text; the most urgent action not first",
    effect: "Patient does not go to the emergency department or call for help",
    rules: [],
    features:
      "Most urgent instruction first on each card; plain language checked for sentence length and digits; warning signs on every level",
    evidence: [
      "tests/unit/content/readability.test.ts",
      "tests/unit/content/emergency.test.ts",
      "tests/unit/content/safety-net.test.ts",
      "tests/e2e/result-cards.spec.ts",
    ],
  },
  {
    hazard: "Grade shown for an answer changed later",
    cause: "Patient changes an answer after grading, or a symptom changes after submission",
    effect: "Staff or patient act on a grade that no longer matches the answers",
    rules: [],
    features:
      "Grade stored with its answers in one statement and never recomputed in place; a re-grade is a new linked intake; 'check your answers' before submitting",
    evidence: ["tests/db/bookings.test.ts", "tests/db/pre-visit.test.ts", "tests/db/recovery.test.ts"],
  },
  {
    hazard: "Ruleset changed silently, or a grade explained with another version's words",
    cause: "A rule edited in place; texts looked up in the current version",
    effect: "Grades not reproducible; the audit and this report describe the wrong rules",
    rules: [],
    features: "Released versions fingerprinted and kept with fixed test vectors; texts looked up by (version, id)",
    evidence: ["tests/unit/triage/versions.test.ts", "tests/unit/content/emergency.test.ts"],
  },
];
