// Clinician flags of ruleset 2026.11: shown to staff beside the grade, never change the level.
import { defineFlag } from "../model";
import type { Flag } from "../model";
import type { GradingContext2026_11 as GradingContext } from "./context";
import { S3a, S3b } from "./rules-soon";

const flag = (f: Flag<GradingContext>) => defineFlag(f);

/** FLAG_VASC — vascular.calfPainOnWalkingRelievedByStanding */
export const FLAG_VASC = flag({
  id: "FLAG_VASC",
  summary: "Calf pain on walking, relieved by standing: screen for peripheral artery disease",
  when: (c) => c.answers.vascular.calfPainOnWalkingRelievedByStanding,
});

/** FLAG_AXSPA3 — the S4 preconditions hold with exactly 3 features */
export const FLAG_AXSPA3 = flag({
  id: "FLAG_AXSPA3",
  summary: "3 inflammatory back pain features (one short of S4): suggest HLA-B27 testing via the GP (NICE NG65)",
  when: (c) => c.axspaEligible && c.axspaFeatures === 3,
});

/** FLAG_NG12 — age ≥ 60 and (unexplainedWeightLoss or durationDays ≥ 42) */
export const FLAG_NG12 = flag({
  id: "FLAG_NG12",
  summary: "Age 60+ with weight loss or pain for 6+ weeks: GP to consider NICE NG12 cancer tests",
  when: (c) => c.age >= 60 && (c.answers.history.unexplainedWeightLoss || c.answers.pain.durationDays >= 42),
});

/** FLAG_STOP_RUNNING — S3a or S3b fired */
export const FLAG_STOP_RUNNING = flag({
  id: "FLAG_STOP_RUNNING",
  summary: "Possible bone stress injury: tell the patient to stop running until assessed",
  when: (c) => S3a.when(c) || S3b.when(c),
});

/** FLAG_OUTLOOK_HIGH — outlook risk is high */
export const FLAG_OUTLOOK_HIGH = flag({
  id: "FLAG_OUTLOOK_HIGH",
  summary: "High-risk recovery outlook: consider psychologically informed physiotherapy (prognostic, not urgency)",
  when: (c) => c.outlook !== null && c.outlook.risk === "high",
});

/** All clinician flags, in spec order. */
export const FLAGS: readonly Flag<GradingContext>[] = Object.freeze([
  FLAG_VASC,
  FLAG_AXSPA3,
  FLAG_NG12,
  FLAG_STOP_RUNNING,
  FLAG_OUTLOOK_HIGH,
]);
