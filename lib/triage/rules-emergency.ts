// The EMERGENCY rules of ruleset 2026.12 (E1–E16, Y3), in spec order. Each doc comment quotes the
// "fires when" cell of triage-rules.md; `needs` is the last page whose answers the rule reads (the
// "Early red-flag interrupt" table); `wording` names the condition card (lib/content).
import type { GradingContext } from "./context";
import { defineRule } from "./model";

const rule = defineRule<GradingContext>;

const cesNewOrWorse = (c: GradingContext) => c.cesRecent || c.cesWorse;

/** E1 — cesCore and (cesRecent or cesWorse) */
export const E1 = rule({
  id: "E1",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cauda",
  when: (c) => c.cesCore && cesNewOrWorse(c),
  summary: "New or worsening numbness between the legs, or a new change in bladder or bowel control or feeling",
  sources: ["GIRFT National Suspected CES Pathway 2023", "NICE CKS sciatica", "BMJ Best Practice CES"],
});

/** E2 — legs.weakness = both_legs */
export const E2 = rule({
  id: "E2",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cauda",
  when: (c) => c.legs.weakness === "both_legs",
  summary: "Weakness in both legs",
  sources: ["GIRFT 2023", "ACP/APS 2007"],
});

/** E3 — cesYes(sexualFunctionChange) and bilateralLeg and (cesRecent or cesWorse) */
export const E3 = rule({
  id: "E3",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cauda",
  when: (c) => c.sexualYes && c.bilateralLeg && cesNewOrWorse(c),
  summary: "A new or worsening change in sexual function together with symptoms in both legs",
  sources: ["GIRFT 2023"],
});

/** E4 — history.cancer and neuroNew */
export const E4 = rule({
  id: "E4",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.mscc",
  when: (c) => c.history.cancer && c.neuroNew,
  summary: "Cancer in the past together with new nerve symptoms such as numbness, weakness or pain down a leg",
  sources: ["NICE NG234 2023 (metastatic spinal cord compression)"],
});

/**
 * E5 — ((infectionSigns or ivDrugUse or recentSpinalProcedure or recentInfection) and newDeficit) or
 * ((infectionSigns or ivDrugUse) and weakness = one_leg_stable and new(weakness)) or (infectionSigns and
 * (feelsVeryUnwell or immunosuppressed or longTermOralSteroids or ivDrugUse or recentSpinalProcedure)) or
 * history.newConfusion or (feelsVeryUnwell and (ivDrugUse or recentSpinalProcedure or recentInfection or
 * immunosuppressed or longTermOralSteroids or diabetes or pregnant or age ≥ 75))
 */
export const E5 = rule({
  id: "E5",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.infection",
  when: (c) => {
    const h = c.history;
    const fever = c.infectionSigns;
    return (
      ((fever || h.ivDrugUse || h.recentSpinalProcedure || h.recentInfection) && c.newDeficit) ||
      ((fever || h.ivDrugUse) && c.legs.weakness === "one_leg_stable" && c.newWeakness) ||
      (fever &&
        (h.feelsVeryUnwell ||
          h.immunosuppressed ||
          h.longTermOralSteroids ||
          h.ivDrugUse ||
          h.recentSpinalProcedure)) ||
      h.newConfusion ||
      (h.feelsVeryUnwell &&
        (h.ivDrugUse ||
          h.recentSpinalProcedure ||
          h.recentInfection ||
          h.immunosuppressed ||
          h.longTermOralSteroids ||
          h.diabetes ||
          c.pregnant ||
          c.age >= 75))
    );
  },
  summary:
    "A possible infection in or near the spine or in the blood: fever, new confusion or feeling very unwell with a higher risk of infection, or an infection risk with new nerve symptoms",
  sources: [
    "NICE NG51 2016/2024",
    "NICE CG151",
    "community spinal red-flag pathway 2023",
    "BMJ Best Practice spinal epidural abscess",
  ],
});

/** E6 — vascular.knownAaa and (durationDays ≤ 28 or onset = sudden or tummy) */
export const E6 = rule({
  id: "E6",
  level: "EMERGENCY",
  needs: "vascular-check",
  wording: "card.aortic",
  when: (c) =>
    c.answers.vascular.knownAaa && (c.answers.pain.durationDays <= 28 || c.answers.pain.onset === "sudden" || c.tummy),
  summary: "A known aortic aneurysm (swollen main artery) with new, sudden, or tummy or side pain",
  sources: ["NICE NG156 2020"],
});

/** E7 — majorTrauma and (intensity ≥ 7 or neuroAny or age ≥ 65 or durationDays ≤ 2) */
export const E7 = rule({
  id: "E7",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.fracture",
  when: (c) =>
    c.majorTrauma && (c.answers.pain.intensity >= 7 || c.neuroAny || c.age >= 65 || c.answers.pain.durationDays <= 2),
  summary: "A serious accident or fall with severe pain, nerve symptoms, age 65 or over, or in the last 2 days",
  sources: ["NICE NG41 2016", "AHCPR 1994", "Downie et al. BMJ 2013"],
});

/** E8 — cordNew */
export const E8 = rule({
  id: "E8",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cord",
  when: (c) => c.cordNew,
  summary: "New weakness, clumsiness or spreading numbness in an arm or hand, or new unsteady walking",
  sources: ["community spinal red-flag pathway 2023", "NICE NG234"],
});

/** E9 — vascular.suddenSevereTearingPain */
export const E9 = rule({
  id: "E9",
  level: "EMERGENCY",
  needs: "vascular-check",
  wording: "card.aortic",
  when: (c) => c.answers.vascular.suddenSevereTearingPain,
  summary: "Sudden, severe, tearing or ripping pain deep in the back, chest or tummy",
  sources: ["NICE NG156 2020", "aortic dissection literature (evidence.md §7.2)", "IFOMPT 2020"],
});

/** E10 — aortaRiskAge and onset = sudden and (tummy or vascular.collapseOrFainting or ("thoracic" in locations and intensity ≥ 8)) */
export const E10 = rule({
  id: "E10",
  level: "EMERGENCY",
  needs: "vascular-check",
  wording: "card.aortic",
  when: (c) =>
    c.aortaRiskAge &&
    c.answers.pain.onset === "sudden" &&
    (c.tummy || c.answers.vascular.collapseOrFainting || (c.thoracic && c.answers.pain.intensity >= 8)),
  summary:
    "Sudden pain at an age when the aorta can leak, with tummy or side pain, fainting, or very severe upper back pain",
  sources: [
    "NICE NG156 2020",
    "ACCF/AHA 2010 (aortic dissection detection risk score)",
    "regional AAA referral guidance",
  ],
});

/** E11 — cesUnsure and bilateralLeg and (cesRecent or cesWorse) */
export const E11 = rule({
  id: "E11",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cauda",
  when: (c) => c.cesUnsure && c.bilateralLeg && cesNewOrWorse(c),
  summary:
    "Not sure about numbness between the legs or bladder, bowel or sexual changes, with new or worsening symptoms in both legs",
  sources: ["GIRFT 2023", "NICE CKS sciatica", "IFOMPT 2020", "principle 1"],
});

/** E12 — majorTrauma and (osteoporosisOrFragilityFracture or longTermOralSteroids) */
export const E12 = rule({
  id: "E12",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.fracture",
  when: (c) => c.majorTrauma && (c.history.osteoporosisOrFragilityFracture || c.history.longTermOralSteroids),
  summary: "A serious accident or fall when bones may be fragile",
  sources: ["Henschke et al. 2009", "Downie et al. BMJ 2013"],
});

/** E13 — cesCore and legDeteriorating */
export const E13 = rule({
  id: "E13",
  level: "EMERGENCY",
  needs: "nerve-check",
  wording: "card.cauda",
  when: (c) => c.cesCore && c.legDeteriorating,
  summary: "Numbness between the legs, or a bladder or bowel change, with leg symptoms that are new or getting worse",
  sources: ['GIRFT 2023 ("new or deteriorating")', "NICE CKS sciatica", "SBNS/BASS 2018", "principle 2"],
});

/** E14 — aortaRiskAge and tummy and durationDays ≤ 14 and intensity ≥ 8 */
export const E14 = rule({
  id: "E14",
  level: "EMERGENCY",
  needs: "vascular-check",
  wording: "card.aortic",
  when: (c) => c.aortaRiskAge && c.tummy && c.answers.pain.durationDays <= 14 && c.answers.pain.intensity >= 8,
  summary: "New, very severe tummy or side pain at an age when the aorta can leak",
  sources: ["NICE NG156", "NICE CKS renal colic (admission over 60)", "Devon AAA guidance"],
});

/** E15 — infectionSigns and tummy */
export const E15 = rule({
  id: "E15",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.infection",
  when: (c) => c.infectionSigns && c.tummy,
  summary: "A fever with tummy or side pain: a possible kidney infection",
  sources: ["NICE CKS renal or ureteric colic (fever: immediate admission)", "NICE CKS pyelonephritis"],
});

/** E16 — anticoagulant and durationDays ≤ 14 and (deficit14 or (onset = sudden and intensity ≥ 8 and tummy)) */
export const E16 = rule({
  id: "E16",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.bleeding",
  when: (c) =>
    c.anticoagulant &&
    c.answers.pain.durationDays <= 14 &&
    (c.deficit14 || (c.answers.pain.onset === "sudden" && c.answers.pain.intensity >= 8 && c.tummy)),
  summary: "A blood thinner with new pain and new nerve symptoms, or sudden very severe tummy or side pain",
  sources: ["Kreppel et al. Neurosurg Rev 2003", "retroperitoneal haematoma case literature"],
});

/** Y3 — age < 16 and (feverChillsOrSweats or feelsVeryUnwell or newConfusion or majorTrauma or weakness ≠ none or difficultyWalking) */
export const Y3 = rule({
  id: "Y3",
  level: "EMERGENCY",
  needs: "health-history",
  wording: "card.child",
  when: (c) =>
    c.age < 16 &&
    (c.history.feverChillsOrSweats ||
      c.history.feelsVeryUnwell ||
      c.history.newConfusion ||
      c.majorTrauma ||
      c.legs.weakness !== "none" ||
      c.legs.difficultyWalking),
  summary:
    "A child or young person under 16 with a fever, feeling very unwell or confused, after a big fall or accident, or with leg weakness or not walking normally",
  sources: ["Perth Children's Hospital back pain guideline", "Paediatric Musculoskeletal Matters", "NICE NG41"],
});

/** The EMERGENCY rules in stored order. */
export const EMERGENCY_RULES = [E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14, E15, E16, Y3] as const;
