// Clinician flags of ruleset 2026.12 ("Clinician flags"): shown to staff beside the grade, never
// change the level. `needs` is the last page whose answers the flag reads, as for the rules.
import type { GradingContext } from "./context";
import { defineFlag } from "./model";
import type { FiredRule, Flag } from "./model";

const flag = (f: Flag<GradingContext>) => defineFlag(f);
function anyFired(fired: readonly FiredRule[], ids: readonly string[]): boolean {
  for (let i = 0; i < fired.length; i++) if (ids.includes(fired[i]!.id)) return true;
  return false;
}

/** FLAG_VASC — vascular.calfPainOnWalkingRelievedByStanding */
export const FLAG_VASC = flag({
  id: "FLAG_VASC",
  needs: "vascular-check",
  summary: "Calf pain on walking, relieved by standing: screen for peripheral artery disease",
  when: (c) => c.answers.vascular.calfPainOnWalkingRelievedByStanding,
});

/** FLAG_AXSPA3 — the S4 preconditions hold with exactly 3 features */
export const FLAG_AXSPA3 = flag({
  id: "FLAG_AXSPA3",
  needs: "complete",
  summary: "3 inflammatory back pain features (one short of S4): suggest HLA-B27 testing via the GP (NICE NG65)",
  when: (c) => c.axspaEligible && c.axspaFeatures === 3,
});

/** FLAG_NG12 — age ≥ 60 and (unexplainedWeightLoss or durationDays ≥ 42) */
export const FLAG_NG12 = flag({
  id: "FLAG_NG12",
  needs: "health-history",
  summary: "Age 60+ with weight loss or pain for 6+ weeks: GP to consider NICE NG12 cancer tests",
  when: (c) => c.age >= 60 && (c.history.unexplainedWeightLoss || c.answers.pain.durationDays >= 42),
});

/** FLAG_STOP_RUNNING — S3a, S3b, S3c or U22 fired */
export const FLAG_STOP_RUNNING = flag({
  id: "FLAG_STOP_RUNNING",
  needs: "vascular-check",
  summary: "Possible bone stress injury: tell the patient to stop running and impact sport until assessed",
  when: (_c, fired) => anyFired(fired, ["S3a", "S3b", "S3c", "U22"]),
});

/** FLAG_OUTLOOK_HIGH — outlook risk is high */
export const FLAG_OUTLOOK_HIGH = flag({
  id: "FLAG_OUTLOOK_HIGH",
  needs: "complete",
  summary: "High-risk recovery outlook: consider psychologically informed physiotherapy (prognostic, not urgency)",
  when: (c) => c.outlook !== null && c.outlook.risk === "high",
});

/** FLAG_ANTICOAGULANT — history.anticoagulant is yes or unsure */
export const FLAG_ANTICOAGULANT = flag({
  id: "FLAG_ANTICOAGULANT",
  needs: "health-history",
  summary:
    "Takes (or may take) a blood thinner: bleeding risk; ask which one and when last taken before any injection or procedure",
  when: (c) => c.anticoagulant,
});

/** FLAG_EARLY_NOT_CONFIRMED — X1 fired */
export const FLAG_EARLY_NOT_CONFIRMED = flag({
  id: "FLAG_EARLY_NOT_CONFIRMED",
  needs: "vascular-check",
  summary:
    "Sent from the emergency page, but the answers sent fire no EMERGENCY rule (an answer changed, an older copy of the rules, or the age differs by a day): call the patient first",
  when: (_c, fired) => anyFired(fired, ["X1"]),
});

/** All clinician flags, in spec order. */
export const FLAGS: readonly Flag<GradingContext>[] = Object.freeze([
  FLAG_VASC,
  FLAG_AXSPA3,
  FLAG_NG12,
  FLAG_STOP_RUNNING,
  FLAG_OUTLOOK_HIGH,
  FLAG_ANTICOAGULANT,
  FLAG_EARLY_NOT_CONFIRMED,
]);
