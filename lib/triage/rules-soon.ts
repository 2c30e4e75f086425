// The SOON rules of ruleset 2026.12 (S1–S14 with S3a–S3c and S6d in place, Y1), then X1 and the two
// fallback rules (C1, R1). Each doc comment quotes the "fires when" cell of triage-rules.md;
// `wording` names the SOON advice the result page shows (lib/content).
import type { GradingContext } from "./context";
import { defineRule } from "./model";

const rule = defineRule<GradingContext>;

/** S1 — (age ≥ 50 and (unexplainedWeightLoss or nightPain = constant_unrelieved or (durationDays ≥ 28 and pattern = worsening))) or (unexplainedWeightLoss and nightPain = constant_unrelieved) */
export const S1 = rule({
  id: "S1",
  level: "SOON",
  needs: "health-history",
  wording: "soon.no_exercise",
  when: ({ age, history: h, answers: { pain: p } }) => {
    const constant = p.nightPain === "constant_unrelieved";
    const weightLoss = h.unexplainedWeightLoss;
    return (
      (age >= 50 && (weightLoss || constant || (p.durationDays >= 28 && p.pattern === "worsening"))) ||
      (weightLoss && constant)
    );
  },
  summary: "Weight loss without trying, constant pain at night, or pain getting worse for a month, at 50 or over",
  sources: ["ACP/APS 2007", "Deyo & Diehl 1988", "NICE NG12"],
});

/** S2 — radicular and (intensity ≥ 7 or function percent ≥ 41 or (durationDays ≥ 42 and pattern not in improving, centralising)) */
export const S2 = rule({
  id: "S2",
  level: "SOON",
  needs: "nerve-check",
  wording: "soon.running_rules",
  // "percent ≥ 41" is read as "above 40" (the severe band or worse); no reachable percent lies between.
  when: ({ radicular, function: fn, answers: { pain: p } }) =>
    radicular &&
    (p.intensity >= 7 ||
      (fn !== null && fn.percent > 40) ||
      (p.durationDays >= 42 && p.pattern !== "improving" && p.pattern !== "centralising")),
  summary: "Severe pain going down the leg, or leg pain that is not settling",
  sources: ["NICE NG59", "ACP/APS 2007"],
});

/** S3a — age ≤ 18 and durationDays ≥ 21 */
export const S3a = rule({
  id: "S3a",
  level: "SOON",
  needs: "vascular-check",
  wording: "soon.young_sport",
  when: (c) => c.age <= 18 && c.answers.pain.durationDays >= 21,
  summary: "Back pain for 3 weeks or more at age 18 or younger",
  sources: ["Micheli & Wood 1995", "Selhorst 2019"],
});

const BONE_STRESS_PLACES = ["buttock", "low_back", "abdomen_or_pelvis", "hip_or_groin"] as const;

/** S3b — running.isRunner and (painOnHopping or lowEnergyOrMenstrualChanges or priorBoneStressInjury) and any of "buttock", "low_back", "abdomen_or_pelvis", "hip_or_groin" in locations */
export const S3b = rule({
  id: "S3b",
  level: "SOON",
  needs: "complete",
  wording: "soon.stop_running",
  when: ({ running: r, answers: { pain } }) =>
    r.isRunner &&
    (r.painOnHopping || r.lowEnergyOrMenstrualChanges || r.priorBoneStressInjury) &&
    BONE_STRESS_PLACES.some((place) => pain.locations.includes(place)),
  summary: "Signs of a possible stress injury to a bone in a runner",
  sources: ["Fredericson 2003", "Kahanov 2011", "George 2024", "Robertson & Wood 2017"],
});

/** S3c — age ≤ 18 and running.painOnExtension */
export const S3c = rule({
  id: "S3c",
  level: "SOON",
  needs: "complete",
  wording: "soon.stop_running",
  when: (c) => c.age <= 18 && c.running.painOnExtension,
  summary: "Pain on arching backwards at age 18 or younger: a possible stress injury to a bone of the spine",
  sources: ["Micheli & Wood 1995", "Selhorst 2019"],
});

/** S4 — inflammatory.onsetAge ≠ null and onsetAge < 45 and durationDays > 90 and at least 4 of: onsetAge < 35, wakingSecondHalfOfNight, buttockPain, improvesWithMovement, nsaidResponse48h, familyHistorySpa, arthritisHistory, enthesitisHistory, psoriasisHistory */
export const S4 = rule({
  id: "S4",
  level: "SOON",
  needs: "complete",
  wording: "soon.running_rules",
  when: (c) => c.axspaEligible && c.axspaFeatures >= 4,
  summary: "Signs of inflammatory back pain that a joint specialist should check",
  sources: ["NICE NG65 2017"],
});

/** S5 — age ≥ 60 and not previousEpisodes */
export const S5 = rule({
  id: "S5",
  level: "SOON",
  needs: "vascular-check",
  wording: "soon.no_exercise",
  when: (c) => c.age >= 60 && !c.answers.pain.previousEpisodes,
  summary: "Back pain for the first time ever at age 60 or over",
  sources: ["community pathway 2023", "NICE NG12"],
});

/** S6 — immunosuppressed or longTermOralSteroids or osteoporosisOrFragilityFracture */
export const S6 = rule({
  id: "S6",
  level: "SOON",
  needs: "health-history",
  wording: "soon.no_exercise",
  when: ({ history: h }) => h.immunosuppressed || h.longTermOralSteroids || h.osteoporosisOrFragilityFracture,
  summary: "A weaker immune system or fragile bones, from a condition or a medicine",
  sources: ["community pathway 2023", "Downie 2013"],
});

/** S6d — diabetes and durationDays ≤ 42 and intensity ≥ 7 */
export const S6d = rule({
  id: "S6d",
  level: "SOON",
  needs: "health-history",
  wording: "soon.running_rules",
  when: ({ history, answers: { pain } }) => history.diabetes && pain.durationDays <= 42 && pain.intensity >= 7,
  summary: "Diabetes with severe back pain that began in the last 6 weeks",
  sources: ["design choice (spinal infection risk)", "NICE NG51"],
});

/** S7 — history.cancer */
export const S7 = rule({
  id: "S7",
  level: "SOON",
  needs: "health-history",
  wording: "soon.no_exercise",
  when: (c) => c.history.cancer,
  summary: "Cancer in the past",
  sources: ["Downie 2013", "community pathway 2023"],
});

/** S8 — sex is female or other and age ≥ 50 and intensity ≥ 7 and lowEnergyTrigger and (onset = sudden or trigger = minor_fall) */
export const S8 = rule({
  id: "S8",
  level: "SOON",
  needs: "health-history",
  wording: "soon.no_exercise",
  when: ({ answers: { contact, pain: p }, age, lowEnergyTrigger }) =>
    contact.sex !== "male" &&
    age >= 50 &&
    p.intensity >= 7 &&
    lowEnergyTrigger &&
    (p.onset === "sudden" || p.trigger === "minor_fall"),
  summary: "Sudden or fall-related severe pain after little force, in a woman aged 50 or over: a possible broken bone",
  sources: ["Henschke 2009", "ACP/APS 2007"],
});

/** S9 — weakness = one_leg_stable */
export const S9 = rule({
  id: "S9",
  level: "SOON",
  needs: "nerve-check",
  wording: "soon.leg_weakness",
  when: (c) => c.legs.weakness === "one_leg_stable",
  summary: "Weakness in one leg that is staying the same",
  sources: ["ACP/APS 2007 (motor deficit needs examination)", "NICE NG59", "community pathway 2023"],
});

/** S10 — ivDrugUse or recentSpinalProcedure or recentInfection */
export const S10 = rule({
  id: "S10",
  level: "SOON",
  needs: "health-history",
  wording: "soon.no_exercise",
  when: ({ history: h }) => h.ivDrugUse || h.recentSpinalProcedure || h.recentInfection,
  summary: "Injecting drugs, or a recent spinal procedure or infection: a higher chance of infection near the spine",
  sources: ["ACP/APS 2007", "community pathway 2023"],
});

/** S11 — vascular.knownAaa */
export const S11 = rule({
  id: "S11",
  level: "SOON",
  needs: "vascular-check",
  wording: "soon.aaa",
  when: (c) => c.answers.vascular.knownAaa,
  summary: "A known aortic aneurysm (swollen main artery)",
  sources: ["NICE NG156 (surveillance)"],
});

/** S12 — legPain = below_knee_both_sides or numbnessLegs is both_legs or unsure */
export const S12 = rule({
  id: "S12",
  level: "SOON",
  needs: "nerve-check",
  wording: "soon.both_legs",
  when: ({ legs }) =>
    legs.legPain === "below_knee_both_sides" || legs.numbnessLegs === "both_legs" || legs.numbnessLegs === "unsure",
  summary: "Pain below the knee, or numbness or tingling, in both legs",
  sources: ["NICE CKS sciatica and lumbar spinal stenosis"],
});

/** S13 — difficultyWalking */
export const S13 = rule({
  id: "S13",
  level: "SOON",
  needs: "nerve-check",
  wording: "soon.walking",
  when: (c) => c.legs.difficultyWalking,
  summary: "A change in walking that is not only because walking hurts",
  sources: ["NICE CKS lumbar spinal stenosis"],
});

/** S14 — armOrHandSymptoms */
export const S14 = rule({
  id: "S14",
  level: "SOON",
  needs: "nerve-check",
  wording: "soon.arm",
  when: (c) => c.legs.armOrHandSymptoms,
  summary: "Weakness, clumsiness, numbness or tingling in an arm or hand",
  sources: ["NICE CKS carpal tunnel syndrome", "community pathway 2023"],
});

/** Y1 — age < 16 (the under-16 route) */
export const Y1 = rule({
  id: "Y1",
  level: "SOON",
  needs: "vascular-check",
  wording: "soon.under16",
  when: (c) => c.age < 16,
  summary:
    "Under 16: this form is for people aged 16 and over, so a GP or children's service should check this back pain",
  sources: ["NICE NG59 (covers 16 and over)", "Bristol Royal Hospital for Children back pain guideline"],
});

/** The SOON rules in stored order. */
export const SOON_RULES = [S1, S2, S3a, S3b, S3c, S4, S5, S6, S6d, S7, S8, S9, S10, S11, S12, S13, S14, Y1] as const;

/** X1 — stoppedAt is not null and no EMERGENCY rule fired from the pages answered (the grader decides "no EMERGENCY rule fired") */
export const X1 = rule({
  id: "X1",
  level: "URGENT",
  needs: "vascular-check",
  wording: "urgent.early",
  when: (c) => c.answers.stoppedAt !== null,
  summary: "Sent from the emergency page, but the answers sent do not confirm an emergency: a clinician calls today",
  sources: ["design (an emergency alert is never dropped)", "second review S-10"],
});

/**
 * The C1 red-flag items of triage-rules.md ("C1: the red-flag items"): any one rules out self-care,
 * even when no E, U, S or Y rule fires. C1 is evaluated only on a complete form.
 */
export function hasRedFlagItem(c: GradingContext): boolean {
  const {
    legs,
    cauda,
    history: h,
    answers: { pain, vascular: v },
  } = c;
  const neurological =
    legs.weakness !== "none" ||
    legs.difficultyWalking ||
    legs.numbnessOrTingling ||
    legs.armOrHandSymptoms ||
    c.cesCoreAny ||
    cauda.sexualFunctionChange === "yes" ||
    cauda.sexualFunctionChange === "unsure";
  const systemic =
    h.feverChillsOrSweats ||
    h.feelsVeryUnwell ||
    h.newConfusion ||
    h.unexplainedWeightLoss ||
    pain.nightPain === "constant_unrelieved" ||
    h.cancer ||
    (c.thoracic && c.age >= 50);
  const infection =
    h.ivDrugUse || h.recentSpinalProcedure || h.recentInfection || h.immunosuppressed || h.longTermOralSteroids;
  const vascular =
    v.suddenSevereTearingPain || v.collapseOrFainting || v.knownAaa || c.tummy || v.calfPainOnWalkingRelievedByStanding;
  const other = c.pregnant || c.majorTrauma || h.osteoporosisOrFragilityFracture || c.age < 16;
  return neurological || systemic || infection || vascular || other;
}

/**
 * C1 — no E/U/S/Y rule fired and durationDays < 42 and intensity ≤ 6 and not radicular and pattern in
 * improving, centralising, stable and (outlook not collected or total ≤ 3) and (functionForSelfCare not
 * collected or ≤ 20) and no red-flag item
 */
export const C1 = rule({
  id: "C1",
  level: "SELF_CARE",
  needs: "complete",
  wording: "self_care",
  // "no E/U/S/Y rule fired" is the grader's part: it asks C1 only when no grading rule fired.
  when: (c) => {
    const p = c.answers.pain;
    return (
      p.durationDays < 42 &&
      p.intensity <= 6 &&
      !c.radicular &&
      (p.pattern === "improving" || p.pattern === "centralising" || p.pattern === "stable") &&
      (c.outlook === null || c.outlook.total <= 3) &&
      (c.functionForSelfCare === null || c.functionForSelfCare <= 20) &&
      !hasRedFlagItem(c)
    );
  },
  summary: "Back pain that is likely to get better with the right self-care",
  sources: ["NICE NG59", "ACP 2017", "Aina 2004", "principle 3"],
});

/** R1 — no E/U/S/Y rule fired and C1 does not hold */
export const R1 = rule({
  id: "R1",
  level: "ROUTINE",
  needs: "complete",
  wording: "routine",
  when: (c) => !C1.when(c),
  summary: "Back pain that a clinician should see at a normal appointment",
  sources: ["NICE NG59"],
});
