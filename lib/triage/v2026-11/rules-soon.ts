// The SOON rules and the two fallback rules (C1, R1) of ruleset 2026.11, in spec order.
// Each doc comment quotes the "fires when" cell of triage-rules.md.
import type { Rule } from "../model";
import { defineRule } from "../model";
import type { GradingContext2026_11 as GradingContext } from "./context";

const rule = (r: Rule<GradingContext>) => defineRule(r);

const at = (c: GradingContext, place: "low_back" | "buttock") => c.answers.pain.locations.includes(place);

/** S1 — (age ≥ 50 and (unexplainedWeightLoss or nightPain = constant_unrelieved or (durationDays ≥ 28 and pattern = worsening))) or (unexplainedWeightLoss and nightPain = constant_unrelieved) */
export const S1 = rule({
  id: "S1",
  level: "SOON",
  wording: "soon.no_exercise",
  when: ({ age, answers: { history: h, pain: p } }) => {
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
  wording: "soon.stop_running",
  when: (c) => c.age <= 18 && c.answers.pain.durationDays >= 21,
  summary: "Back pain for 3 weeks or more at age 18 or younger",
  sources: ["Micheli & Wood 1995", "Selhorst 2019"],
});

/** S3b — running.isRunner and (painOnHopping or lowEnergyOrMenstrualChanges or priorBoneStressInjury) and ("buttock" or "low_back" in locations) */
export const S3b = rule({
  id: "S3b",
  level: "SOON",
  wording: "soon.stop_running",
  when: (c) => {
    const r = c.answers.running;
    return (
      r.isRunner &&
      (r.painOnHopping || r.lowEnergyOrMenstrualChanges || r.priorBoneStressInjury) &&
      (at(c, "buttock") || at(c, "low_back"))
    );
  },
  summary: "Signs of a possible stress injury to a bone in a runner",
  sources: ["Fredericson 2003", "Kahanov 2011", "George 2024"],
});

/** S4 — inflammatory.onsetAge ≠ null and onsetAge < 45 and durationDays > 90 and at least 4 of: onsetAge < 35, wakingSecondHalfOfNight, buttockPain, improvesWithMovement, nsaidResponse48h, familyHistorySpa, arthritisHistory, enthesitisHistory, psoriasisHistory */
export const S4 = rule({
  id: "S4",
  level: "SOON",
  wording: "soon.running_rules",
  when: (c) => c.axspaEligible && c.axspaFeatures >= 4,
  summary: "Signs of inflammatory back pain that a joint specialist should check",
  sources: ["NICE NG65 2017"],
});

/** S5 — age ≥ 60 and not previousEpisodes and "low_back" in locations */
export const S5 = rule({
  id: "S5",
  level: "SOON",
  wording: "soon.no_exercise",
  when: (c) => c.age >= 60 && !c.answers.pain.previousEpisodes && at(c, "low_back"),
  summary: "Back pain for the first time ever at age 60 or over",
  sources: ["community pathway 2023", "NICE NG12"],
});

/** S6 — immunosuppressed or longTermOralSteroids or osteoporosisOrFragilityFracture */
export const S6 = rule({
  id: "S6",
  level: "SOON",
  wording: "soon.no_exercise",
  when: ({ answers: { history: h } }) =>
    h.immunosuppressed || h.longTermOralSteroids || h.osteoporosisOrFragilityFracture,
  summary: "A weaker immune system or fragile bones, from a condition or a medicine",
  sources: ["community pathway 2023", "Downie 2013"],
});

/** S6d — diabetes and durationDays ≤ 42 and intensity ≥ 7 */
export const S6d = rule({
  id: "S6d",
  level: "SOON",
  wording: "soon.running_rules",
  when: ({ answers: { history, pain } }) => history.diabetes && pain.durationDays <= 42 && pain.intensity >= 7,
  summary: "Diabetes with severe back pain that began in the last 6 weeks",
  sources: ["design choice (spinal infection risk)"],
});

/** S7 — history.cancer */
export const S7 = rule({
  id: "S7",
  level: "SOON",
  wording: "soon.no_exercise",
  when: (c) => c.answers.history.cancer,
  summary: "Cancer in the past",
  sources: ["Downie 2013", "community pathway 2023"],
});

/** S8 — sex = female and age ≥ 50 and onset = sudden and intensity ≥ 7 and lowEnergyTrigger */
export const S8 = rule({
  id: "S8",
  level: "SOON",
  wording: "soon.no_exercise",
  when: ({ answers: { contact, pain: p }, age, lowEnergyTrigger }) =>
    contact.sex === "female" && age >= 50 && p.onset === "sudden" && p.intensity >= 7 && lowEnergyTrigger,
  summary: "Sudden severe pain after little or no force, in a woman aged 50 or over",
  sources: ["Henschke 2009", "ACP/APS 2007"],
});

/** C1 — no E/U/S rule fired and durationDays < 42 and intensity ≤ 6 and not radicular and pattern in improving, centralising, stable and (outlook not collected or total ≤ 3) and (function not collected or percent ≤ 20) */
export const C1 = rule({
  id: "C1",
  level: "SELF_CARE",
  wording: "self_care",
  // "no E/U/S rule fired" is the grader's part: it asks C1 only when no grading rule fired.
  when: ({ radicular, outlook, function: fn, answers: { pain: p } }) =>
    p.durationDays < 42 &&
    p.intensity <= 6 &&
    !radicular &&
    (p.pattern === "improving" || p.pattern === "centralising" || p.pattern === "stable") &&
    (outlook === null || outlook.total <= 3) &&
    (fn === null || fn.percent <= 20),
  summary: "Back pain that is likely to get better with the right self-care",
  sources: ["NICE NG59", "ACP 2017", "Aina 2004"],
});

/** R1 — no E/U/S rule fired and C1 does not hold */
export const R1 = rule({
  id: "R1",
  level: "ROUTINE",
  wording: "routine",
  when: (c) => !C1.when(c),
  summary: "Back pain that a clinician should see at a normal appointment",
  sources: ["NICE NG59"],
});
