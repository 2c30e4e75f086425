// Contract 2026.11: the shape of intakes stored under ruleset 2026.11. Frozen: those intakes keep
// their answers as they were, and only the 2026.11 engine (this folder) reads them. New intakes are
// written to contract 2026.12 (../schema.ts); nothing new is validated against this type.

type YesNoUnsure = "yes" | "no" | "unsure";

export type IntakeAnswers2026_11 = {
  contact: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    dateOfBirth: string;
    sex: "female" | "male" | "other";
  };
  consent: { privacyNotice: true };
  pain: {
    locations: ("low_back" | "buttock" | "thoracic" | "abdomen_or_pelvis")[];
    durationDays: number;
    onset: "sudden" | "gradual";
    trigger: "none" | "lifting" | "minor_fall" | "major_trauma" | "running" | "sport_impact";
    intensity: number;
    pattern: "improving" | "centralising" | "stable" | "worsening" | "peripheralising";
    nightPain: "none" | "wakes_second_half" | "constant_unrelieved";
    worseOnCoughSneezeStrain: boolean;
    previousEpisodes: boolean;
  };
  legs: {
    legPain: "none" | "above_knee" | "below_knee_one_side" | "below_knee_both_sides";
    legPainWorseThanBack: boolean;
    numbnessOrTingling: boolean;
    weakness: "none" | "one_leg_stable" | "one_leg_worsening" | "both_legs";
    difficultyWalking: boolean;
    armOrHandSymptoms: boolean;
  };
  cauda: {
    saddleNumbness: YesNoUnsure;
    bladderChange: YesNoUnsure;
    bowelChange: YesNoUnsure;
    sexualFunctionChange: YesNoUnsure;
    symptomOnsetDays: number | null;
    worsening: boolean | null;
  };
  history: {
    cancer: boolean;
    unexplainedWeightLoss: boolean;
    feverChillsOrSweats: boolean;
    feelsVeryUnwell: boolean;
    immunosuppressed: boolean;
    ivDrugUse: boolean;
    diabetes: boolean;
    recentInfectionOrSpinalProcedure: boolean;
    longTermOralSteroids: boolean;
    osteoporosisOrFragilityFracture: boolean;
  };
  vascular: {
    suddenSevereTearingPain: boolean;
    collapseOrFainting: boolean;
    knownAaa: boolean;
    smokerOrEx: boolean;
    abdominalOrFlankPain: boolean;
    calfPainOnWalkingRelievedByStanding: boolean;
  };
  inflammatory: {
    onsetAge: number | null;
    wakingSecondHalfOfNight: boolean;
    buttockPain: boolean;
    improvesWithMovement: boolean;
    nsaidResponse48h: boolean;
    familyHistorySpa: boolean;
    arthritisHistory: boolean;
    enthesitisHistory: boolean;
    psoriasisHistory: boolean;
    morningStiffnessOver30Min: boolean;
  };
  running: {
    isRunner: boolean;
    kmPerWeek: number | null;
    recentLoadIncrease: boolean;
    painOnHopping: boolean;
    painOnExtension: boolean;
    lowEnergyOrMenstrualChanges: boolean;
    priorBoneStressInjury: boolean;
  };
  outlook: null | {
    items: [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
    bothersomeness: "not_at_all" | "slightly" | "moderately" | "very_much" | "extremely";
  };
  function: null | { sections: (0 | 1 | 2 | 3 | 4 | 5 | null)[] };
  notes?: string;
};
