// The EMERGENCY and URGENT rules of ruleset 2026.11, in spec order; SOON and the fallback rules
// live in rules-soon.ts. Each doc comment quotes the "fires when" cell of triage-rules.md.
import type { Rule } from "../model";
import { defineRule } from "../model";
import type { GradingContext2026_11 as GradingContext } from "./context";

import { C1, R1, S1, S2, S3a, S3b, S4, S5, S6, S6d, S7, S8 } from "./rules-soon";

const rule = (r: Rule<GradingContext>) => defineRule(r);

export { C1, R1, S1, S2, S3a, S3b, S4, S5, S6, S6d, S7, S8 };

const sexualChange = (c: GradingContext) => c.answers.cauda.sexualFunctionChange === "yes";

/** E1 — cesCore and (cesRecent or cesWorse) */
export const E1 = rule({
  id: "E1",
  level: "EMERGENCY",
  wording: "card.cauda",
  when: (c) => c.cesCore && (c.cesRecent || c.cesWorse),
  summary: "New or worsening numbness between the legs, or a change in bladder or bowel control",
  sources: ["GIRFT National Suspected CES Pathway 2023", "NICE CKS sciatica", "BMJ Best Practice CES"],
});

/** E2 — legs.weakness = both_legs */
export const E2 = rule({
  id: "E2",
  level: "EMERGENCY",
  wording: "card.cauda",
  when: (c) => c.answers.legs.weakness === "both_legs",
  summary: "Weakness in both legs",
  sources: ["GIRFT 2023", "ACP/APS 2007"],
});

/** E3 — cesYes(sexualFunctionChange) and (legPain = below_knee_both_sides or weakness = both_legs) */
export const E3 = rule({
  id: "E3",
  level: "EMERGENCY",
  wording: "card.cauda",
  when: (c) =>
    sexualChange(c) && (c.answers.legs.legPain === "below_knee_both_sides" || c.answers.legs.weakness === "both_legs"),
  summary: "A change in sexual function together with pain below both knees or weakness in both legs",
  sources: ["GIRFT 2023"],
});

/** E4 — history.cancer and neuroAny */
export const E4 = rule({
  id: "E4",
  level: "EMERGENCY",
  wording: "card.mscc",
  when: (c) => c.answers.history.cancer && c.neuroAny,
  summary: "Cancer in the past together with new nerve symptoms such as numbness, weakness or leg pain",
  sources: ["NICE NG234 2023 (metastatic spinal cord compression)"],
});

/** E5 — ((infectionSigns or ivDrugUse or recentInfectionOrSpinalProcedure) and newDeficit) or (infectionSigns and feelsVeryUnwell) */
export const E5 = rule({
  id: "E5",
  level: "EMERGENCY",
  wording: "card.infection",
  when: ({ answers: { history: h }, infectionSigns, newDeficit }) =>
    ((infectionSigns || h.ivDrugUse || h.recentInfectionOrSpinalProcedure) && newDeficit) ||
    (infectionSigns && h.feelsVeryUnwell),
  summary: "A possible infection near the spine with new weakness or numbness, or fever and feeling very unwell",
  sources: ["NICE CKS", "community spinal red-flag pathway 2023", "BMJ Best Practice spinal epidural abscess"],
});

/** E6 — (vascular.suddenSevereTearingPain and (collapseOrFainting or history.feelsVeryUnwell)) or vascular.knownAaa */
export const E6 = rule({
  id: "E6",
  level: "EMERGENCY",
  wording: "card.aortic",
  when: ({ answers: { vascular: v, history: h } }) =>
    (v.suddenSevereTearingPain && (v.collapseOrFainting || h.feelsVeryUnwell)) || v.knownAaa,
  summary: "Sudden tearing pain with fainting or feeling very unwell, or a known aortic aneurysm (swollen main artery)",
  sources: ["NICE NG156 2020"],
});

/** E7 — trigger = major_trauma and (intensity ≥ 7 or neuroAny) */
export const E7 = rule({
  id: "E7",
  level: "EMERGENCY",
  wording: "card.fracture",
  when: (c) => c.answers.pain.trigger === "major_trauma" && (c.answers.pain.intensity >= 7 || c.neuroAny),
  summary: "A serious injury with severe pain or with numbness, weakness or leg pain",
  sources: ["AHCPR 1994", "Downie et al. BMJ 2013"],
});

/** E8 — legs.armOrHandSymptoms, or (difficultyWalking and weakness = none) */
export const E8 = rule({
  id: "E8",
  level: "EMERGENCY",
  wording: "card.cord",
  when: ({ answers: { legs } }) => legs.armOrHandSymptoms || (legs.difficultyWalking && legs.weakness === "none"),
  summary: "New weakness or numbness in an arm or hand, or legs that do not work properly when walking",
  sources: ["community spinal red-flag pathway 2023"],
});

/** U1 — infectionSigns, or ((ivDrugUse or recentInfectionOrSpinalProcedure) and intensity ≥ 7) */
export const U1 = rule({
  id: "U1",
  level: "URGENT",
  wording: "urgent.ed",
  when: ({ answers: { history: h, pain }, infectionSigns }) =>
    infectionSigns || ((h.ivDrugUse || h.recentInfectionOrSpinalProcedure) && pain.intensity >= 7),
  summary: "Fever, chills or sweats, or severe pain with a higher chance of infection",
  sources: ["community pathway 2023", "NICE CKS"],
});

/** U2 — history.cancer and ("thoracic" in locations or pattern = worsening or nightPain = constant_unrelieved or worseOnCoughSneezeStrain or intensity ≥ 8) */
export const U2 = rule({
  id: "U2",
  level: "URGENT",
  wording: "urgent.111",
  when: ({ answers: { history, pain: p } }) =>
    history.cancer &&
    (p.locations.includes("thoracic") ||
      p.pattern === "worsening" ||
      p.nightPain === "constant_unrelieved" ||
      p.worseOnCoughSneezeStrain ||
      p.intensity >= 8),
  summary: "Cancer in the past with pain that is high in the back, worsening, constant at night or severe",
  sources: ["NICE NG234 / CG75"],
});

/** U3 — onset = sudden and (intensity ≥ 7 or trigger = minor_fall) and lowEnergyTrigger and (age ≥ 70 or osteoporosisOrFragilityFracture or longTermOralSteroids) */
export const U3 = rule({
  id: "U3",
  level: "URGENT",
  wording: "urgent.111",
  when: ({ answers: { pain: p, history: h }, age, lowEnergyTrigger }) =>
    p.onset === "sudden" &&
    (p.intensity >= 7 || p.trigger === "minor_fall") &&
    lowEnergyTrigger &&
    (age >= 70 || h.osteoporosisOrFragilityFracture || h.longTermOralSteroids),
  summary: "Sudden severe pain after little or no force when bones may be fragile: a possible broken bone",
  sources: ["Henschke 2009", "Downie 2013", "ACP/APS 2007"],
});

/** U4 — weakness = one_leg_worsening */
export const U4 = rule({
  id: "U4",
  level: "URGENT",
  wording: "urgent.ed",
  when: (c) => c.answers.legs.weakness === "one_leg_worsening",
  summary: "Weakness in one leg that is getting worse",
  sources: ["NHS Lothian RefHelp", "ACP/APS 2007"],
});

/** U5 — cesCore and not (cesRecent or cesWorse) */
export const U5 = rule({
  id: "U5",
  level: "URGENT",
  wording: "urgent.ed",
  when: (c) => c.cesCore && !(c.cesRecent || c.cesWorse),
  summary: "Numbness between the legs, or bladder or bowel changes, for over 2 weeks and not getting worse",
  sources: ["GIRFT 2023"],
});

/** U6 — legPain = below_knee_both_sides */
export const U6 = rule({
  id: "U6",
  level: "URGENT",
  wording: "urgent.ed",
  when: (c) => c.answers.legs.legPain === "below_knee_both_sides",
  summary: "Pain going below the knee in both legs",
  sources: ["NICE CKS sciatica"],
});

/** U7 — cesYes(sexualFunctionChange) */
export const U7 = rule({
  id: "U7",
  level: "URGENT",
  wording: "urgent.111",
  when: sexualChange,
  summary: "A change in sexual function",
  sources: ["GIRFT 2023"],
});

/** U8 — cesUnsure ("not sure" is never treated as "no") */
export const U8 = rule({
  id: "U8",
  level: "URGENT",
  wording: "urgent.ed",
  when: (c) => c.cesUnsure,
  summary: "Not sure about numbness between the legs, or about bladder, bowel or sexual changes",
  sources: ["design", "Kimber & Pigott 2023"],
});

/** U9 — trigger = major_trauma */
export const U9 = rule({
  id: "U9",
  level: "URGENT",
  wording: "urgent.ed",
  when: (c) => c.answers.pain.trigger === "major_trauma",
  summary: "A serious injury, such as a road accident or a fall from a height",
  sources: ["AHCPR 1994", "Downie 2013"],
});

/** The rules that set the level (every E, U and S rule), in spec order. */
export const GRADING_RULES: readonly Rule<GradingContext>[] = Object.freeze([
  E1,
  E2,
  E3,
  E4,
  E5,
  E6,
  E7,
  E8,
  U1,
  U2,
  U3,
  U4,
  U5,
  U6,
  U7,
  U8,
  U9,
  S1,
  S2,
  S3a,
  S3b,
  S4,
  S5,
  S6,
  S6d,
  S7,
  S8,
]);

/** All 29 rules in spec order; C1 and R1 apply only when no grading rule fired. */
export const RULES: readonly Rule<GradingContext>[] = Object.freeze([...GRADING_RULES, C1, R1]);
