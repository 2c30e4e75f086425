// The URGENT rules of ruleset 2026.12 (U1–U23, Y2), in spec order. Each doc comment quotes the
// "fires when" cell of triage-rules.md; `wording` names the URGENT page's route outside staffed
// hours or the rule's own page (lib/content).
import type { GradingContext } from "./context";
import { defineRule } from "./model";

const rule = defineRule<GradingContext>;

/** U1 — infectionSigns, or ((ivDrugUse or recentSpinalProcedure) and (intensity ≥ 7 or "thoracic" in locations)) */
export const U1 = rule({
  id: "U1",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.infection",
  when: (c) =>
    c.infectionSigns ||
    ((c.history.ivDrugUse || c.history.recentSpinalProcedure) && (c.answers.pain.intensity >= 7 || c.thoracic)),
  summary: "A fever, shivers or sweats, or severe or upper back pain with a higher chance of infection",
  sources: ["community pathway 2023", "NICE CKS", "ACP/APS 2007"],
});

/** U2 — history.cancer and ("thoracic" in locations or pattern = worsening or nightPain ≠ none or worseOnCoughSneezeStrain or intensity ≥ 8) */
export const U2 = rule({
  id: "U2",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.111",
  when: ({ history, thoracic, answers: { pain: p } }) =>
    history.cancer &&
    (thoracic || p.pattern === "worsening" || p.nightPain !== "none" || p.worseOnCoughSneezeStrain || p.intensity >= 8),
  summary:
    "Cancer in the past with pain that is high in the back, getting worse, there at night, worse on coughing, or very severe",
  sources: ["NICE NG234 / CG75"],
});

/**
 * U3 — lowEnergyTrigger and (age ≥ 70 or osteoporosisOrFragilityFracture or longTermOralSteroids or
 * (age ≥ 65 and trigger = minor_fall)) and (trigger = minor_fall or (onset = sudden and intensity ≥ 7))
 */
export const U3 = rule({
  id: "U3",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.111",
  when: ({ age, lowEnergyTrigger, history: h, answers: { pain: p } }) =>
    lowEnergyTrigger &&
    (age >= 70 ||
      h.osteoporosisOrFragilityFracture ||
      h.longTermOralSteroids ||
      (age >= 65 && p.trigger === "minor_fall")) &&
    (p.trigger === "minor_fall" || (p.onset === "sudden" && p.intensity >= 7)),
  summary: "A fall or sudden severe pain after little force when bones may be fragile: a possible broken bone",
  sources: ["Henschke 2009", "Downie 2013", "ACP/APS 2007", "NICE NG41 research recommendation"],
});

/** U4 — weakness = one_leg_worsening */
export const U4 = rule({
  id: "U4",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) => c.legs.weakness === "one_leg_worsening",
  summary: "Weakness in one leg that is getting worse",
  sources: ["NHS Lothian RefHelp", "ACP/APS 2007"],
});

/** U5 — cesCore and not (cesRecent or cesWorse) */
export const U5 = rule({
  id: "U5",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) => c.cesCore && !(c.cesRecent || c.cesWorse),
  summary: "Numbness between the legs, or a bladder or bowel change, for over 2 weeks and not getting worse",
  sources: ["GIRFT 2023"],
});

/** U6 — legPain = below_knee_both_sides and new(legPain) */
export const U6 = rule({
  id: "U6",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) => c.legs.legPain === "below_knee_both_sides" && c.newLegPain,
  summary: "New or worsening pain below the knee in both legs",
  sources: ["NICE CKS sciatica"],
});

/** U7 — cesYes(sexualFunctionChange) */
export const U7 = rule({
  id: "U7",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.111",
  when: (c) => c.sexualYes,
  summary: "A new change in sexual function",
  sources: ["GIRFT 2023"],
});

/** U8 — cesUnsure ("not sure" is never treated as "no") */
export const U8 = rule({
  id: "U8",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) => c.cesUnsure,
  summary: "Not sure about numbness between the legs, or about bladder, bowel or sexual changes",
  sources: ["design", "Kimber & Pigott 2023"],
});

/** U9 — majorTrauma */
export const U9 = rule({
  id: "U9",
  level: "URGENT",
  needs: "vascular-check",
  wording: "urgent.ed",
  when: (c) => c.majorTrauma,
  summary: "A serious accident or fall, such as a road collision or a fall from a height",
  sources: ["NICE NG41", "AHCPR 1994", "Downie 2013"],
});

/** U10 — history.feelsVeryUnwell */
export const U10 = rule({
  id: "U10",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.infection",
  when: (c) => c.history.feelsVeryUnwell,
  summary: "Feeling very unwell in yourself",
  sources: ["NICE NG51", "IFOMPT 2020"],
});

/** U11 — tummy and (onset = sudden or intensity ≥ 8) */
export const U11 = rule({
  id: "U11",
  level: "URGENT",
  needs: "vascular-check",
  wording: "urgent.tummy",
  when: (c) => c.tummy && (c.answers.pain.onset === "sudden" || c.answers.pain.intensity >= 8),
  summary: "Tummy or side pain that came on suddenly or is very severe",
  sources: ["NICE CKS renal colic", "NICE NG156"],
});

/** U12 — vascular.collapseOrFainting */
export const U12 = rule({
  id: "U12",
  level: "URGENT",
  needs: "vascular-check",
  wording: "urgent.ed",
  when: (c) => c.answers.vascular.collapseOrFainting,
  summary: "Collapsing, fainting or feeling faint with this pain",
  sources: ["NICE NG156"],
});

/** U13 — legs.numbnessLegs is both_legs or unsure, and new(numbness) */
export const U13 = rule({
  id: "U13",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) => (c.legs.numbnessLegs === "both_legs" || c.legs.numbnessLegs === "unsure") && c.newNumbness,
  summary: "New or worsening numbness or tingling in both legs",
  sources: ["NICE CKS sciatica", "GIRFT 2023", "principle 1"],
});

/** U14 — (difficultyWalking and weakness is one_leg_stable or one_leg_worsening) or (walkOneLeg and new(walking)) */
export const U14 = rule({
  id: "U14",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.ed",
  when: (c) =>
    (c.legs.difficultyWalking && (c.legs.weakness === "one_leg_stable" || c.legs.weakness === "one_leg_worsening")) ||
    (c.walkOneLeg && c.newWalking),
  summary: "A change in walking with a weak leg, or a foot that has started to catch or a leg that gives way",
  sources: ["NHS Lothian RefHelp", "community pathway 2023", "ACP/APS 2007"],
});

/**
 * U15 — pregnant and (vascular.abdominalOrFlankPain or ("abdomen_or_pelvis" in locations and durationDays ≤ 14)
 * or onset = sudden or intensity ≥ 7 or feverChillsOrSweats or feelsVeryUnwell or pregnancyWarning)
 */
export const U15 = rule({
  id: "U15",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.maternity",
  when: ({ pregnant, pregnancyWarning, history: h, answers: { pain: p, vascular: v } }) =>
    pregnant &&
    (v.abdominalOrFlankPain ||
      (p.locations.includes("abdomen_or_pelvis") && p.durationDays <= 14) ||
      p.onset === "sudden" ||
      p.intensity >= 7 ||
      h.feverChillsOrSweats ||
      h.feelsVeryUnwell ||
      pregnancyWarning),
  summary:
    "Pregnant, or within 6 weeks of a pregnancy, with tummy pain, sudden or severe pain, a fever, feeling very unwell or a pregnancy warning sign",
  sources: ["maternity triage guidance", "Tommy's / Kicks Count preterm labour signs", "NICE NG126", "NICE NG51"],
});

/**
 * U16 — ((immunosuppressed or longTermOralSteroids or recentInfection) and (intensity ≥ 7 or "thoracic" in
 * locations) and (durationDays ≤ 42 or painWorse)) or (diabetes and intensity ≥ 7 and durationDays ≤ 42 and painWorse)
 */
export const U16 = rule({
  id: "U16",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.infection",
  when: ({ history: h, thoracic, painWorse, answers: { pain: p } }) =>
    ((h.immunosuppressed || h.longTermOralSteroids || h.recentInfection) &&
      (p.intensity >= 7 || thoracic) &&
      (p.durationDays <= 42 || painWorse)) ||
    (h.diabetes && p.intensity >= 7 && p.durationDays <= 42 && painWorse),
  summary:
    "A higher risk of infection (weakened immunity, steroid tablets, a recent infection or diabetes) with severe pain that is new or getting worse",
  sources: ["ACP/APS 2007 Table 1", "AHCPR 1994", "NICE NG51 (impaired immunity incl. diabetes)"],
});

/**
 * U17 — aortaRiskAge and ((((onset = sudden and intensity ≥ 7) or intensity ≥ 8) and durationDays ≤ 14 and
 * trigger ≠ lifting and not majorTrauma) or (tummy and durationDays ≤ 28))
 */
export const U17 = rule({
  id: "U17",
  level: "URGENT",
  needs: "vascular-check",
  wording: "urgent.aortic",
  when: ({ aortaRiskAge, majorTrauma, tummy, answers: { pain: p } }) =>
    aortaRiskAge &&
    ((((p.onset === "sudden" && p.intensity >= 7) || p.intensity >= 8) &&
      p.durationDays <= 14 &&
      p.trigger !== "lifting" &&
      !majorTrauma) ||
      (tummy && p.durationDays <= 28)),
  summary: "New severe back pain, or new tummy or side pain, at an age when the aorta can weaken",
  sources: ['NICE NG156 ("new abdominal and/or back pain")', "BNSSG AAA pathway", "ACCF/AHA 2010"],
});

/** U18 — history.cancer and neuroAny (a long-standing neurological symptom: E4 takes the new ones) */
export const U18 = rule({
  id: "U18",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.111",
  when: (c) => c.history.cancer && c.neuroAny,
  summary: "Cancer in the past with nerve symptoms such as numbness, weakness or pain down a leg",
  sources: ["NICE NG234"],
});

/** U19 — armOrHandSymptoms and (armCordKind or (armTingling and (new(armOrHand) or armBoth))) */
export const U19 = rule({
  id: "U19",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.arm",
  when: (c) => c.legs.armOrHandSymptoms && (c.armCordKind || (c.armTingling && (c.newArm || c.armBoth))),
  summary: "Weakness, clumsiness, numbness or tingling in an arm or hand that needs checking today",
  sources: ['community pathway 2023 ("emergency or same day")', "NICE CKS carpal tunnel syndrome"],
});

/** U20 — (recentSpinalProcedure or recentInfection) and weakness = one_leg_stable and new(weakness) */
export const U20 = rule({
  id: "U20",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.ed",
  when: (c) =>
    (c.history.recentSpinalProcedure || c.history.recentInfection) &&
    c.legs.weakness === "one_leg_stable" &&
    c.newWeakness,
  summary: "A recent spinal procedure or infection with new weakness in one leg",
  sources: ["BMJ Best Practice SEA", "GIRFT 2023"],
});

/** U21 — anticoagulant and onset = sudden and intensity ≥ 7 and durationDays ≤ 14 */
export const U21 = rule({
  id: "U21",
  level: "URGENT",
  needs: "health-history",
  wording: "urgent.blood_thinner",
  when: ({ anticoagulant, answers: { pain: p } }) =>
    anticoagulant && p.onset === "sudden" && p.intensity >= 7 && p.durationDays <= 14,
  summary: "A blood thinner with sudden severe pain in the last 14 days",
  sources: ["Kreppel 2003"],
});

/** U22 — running.isRunner and "hip_or_groin" in locations and running.limpOrPainOnWalking and (painOnHopping or lowEnergyOrMenstrualChanges or priorBoneStressInjury) */
export const U22 = rule({
  id: "U22",
  level: "URGENT",
  needs: "complete",
  wording: "urgent.bone_stress",
  when: ({ running: r, answers: { pain } }) =>
    r.isRunner &&
    pain.locations.includes("hip_or_groin") &&
    r.limpOrPainOnWalking &&
    (r.painOnHopping || r.lowEnergyOrMenstrualChanges || r.priorBoneStressInjury),
  summary: "A runner with groin or hip pain, a limp or pain on walking, and signs of a bone stress injury",
  sources: ["Robertson & Wood, Sports Med Int Open 2017"],
});

/** U23 — walkUnsteady and not new(walking) (long-standing unsteadiness: possible myelopathy) */
export const U23 = rule({
  id: "U23",
  level: "URGENT",
  needs: "nerve-check",
  wording: "urgent.111",
  when: (c) => c.walkUnsteady && !c.newWalking,
  summary: "Unsteady walking for more than 3 months",
  sources: ["AO Spine / WFNS degenerative cervical myelopathy guideline (Fehlings 2017)", "community pathway 2023"],
});

/** Y2 — age < 16 and (age < 5 or nightPain ≠ none or unexplainedWeightLoss or neuroAny or inflammatory.morningStiffnessOver30Min) */
export const Y2 = rule({
  id: "Y2",
  level: "URGENT",
  needs: "complete",
  wording: "urgent.child",
  when: (c: GradingContext) =>
    c.age < 16 &&
    (c.age < 5 ||
      c.answers.pain.nightPain !== "none" ||
      c.history.unexplainedWeightLoss ||
      c.neuroAny ||
      c.inflammatory.morningStiffnessOver30Min),
  summary: "A child or young person under 16 with a warning sign that needs a same-day check",
  sources: ["Paediatric Musculoskeletal Matters red flags", "Perth Children's Hospital back pain guideline"],
});

/** The URGENT rules in stored order (X1 comes after every other rule: see grade.ts). */
export const URGENT_RULES = [
  U1,
  U2,
  U3,
  U4,
  U5,
  U6,
  U7,
  U8,
  U9,
  U10,
  U11,
  U12,
  U13,
  U14,
  U15,
  U16,
  U17,
  U18,
  U19,
  U20,
  U21,
  U22,
  U23,
  Y2,
] as const;
