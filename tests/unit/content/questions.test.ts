import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DANGEROUS_MECHANISMS, QUESTIONS, YES_NO_UNSURE } from "@/lib/content";
import { REGION_LABELS } from "@/lib/intake-form/regions";
import {
  caudaSchema,
  consentSchema,
  contactSchema,
  historySchema,
  inflammatorySchema,
  legsSchema,
  outlookSchema,
  PAIN_LOCATIONS,
  painSchema,
  runningSchema,
  vascularSchema,
} from "@/lib/triage";

// The enum values as written in intake-contract.md, so a change on either side is noticed.
const CONTRACT_ENUMS: Record<string, readonly string[]> = {
  "contact.sex": ["female", "male", "other"],
  "pain.locations": ["low_back", "buttock", "thoracic", "abdomen_or_pelvis", "hip_or_groin"],
  "pain.onset": ["sudden", "gradual"],
  "pain.trigger": ["none", "lifting", "minor_fall", "major_trauma", "running", "sport_impact"],
  "pain.pattern": ["improving", "centralising", "stable", "worsening", "peripheralising"],
  "pain.nightPain": ["none", "wakes_second_half", "constant_unrelieved"],
  "legs.legPain": ["none", "above_knee", "below_knee_one_side", "below_knee_both_sides"],
  "legs.numbnessLegs": ["one_leg", "both_legs", "unsure"],
  "legs.weakness": ["none", "one_leg_stable", "one_leg_worsening", "both_legs"],
  "legs.walkingKinds": ["unsteady", "one_leg_gives_way", "heavy_after_distance", "unsure"],
  "legs.armHandSide": ["one_side", "both_sides", "unsure"],
  "legs.armHandKind": ["weakness_or_clumsiness", "numbness_or_tingling", "night_tingling_only", "unsure"],
  "cauda.saddleNumbness": ["yes", "no", "unsure"],
  "cauda.bladderChange": ["yes", "no", "unsure"],
  "cauda.bowelChange": ["yes", "no", "unsure"],
  "cauda.sexualFunctionChange": ["yes", "no", "unsure", "not_applicable"],
  "history.anticoagulant": ["yes", "no", "unsure"],
  // "not_applicable" is what the form stores when it does not ask: never an option on screen.
  "history.pregnancy": ["no", "pregnant", "recently_pregnant", "unsure"],
  "history.pregnancyWarningSigns": ["yes", "no", "unsure"],
  "outlook.bothersomeness": ["not_at_all", "slightly", "moderately", "very_much", "extremely"],
};

const SECTION_SCHEMAS = {
  contact: contactSchema,
  consent: consentSchema,
  pain: painSchema,
  legs: legsSchema,
  cauda: caudaSchema,
  history: historySchema,
  vascular: vascularSchema,
  inflammatory: inflammatorySchema,
  running: runningSchema,
  outlook: outlookSchema,
} as const;

/** Unwraps nullable and optional wrappers down to the schema that holds the values. */
function core(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return core(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return core(schema.element as z.ZodType);
  return schema;
}

/** Every enum field of the engine's schemas, as "section.field" → allowed values. */
function engineEnums(): Record<string, readonly string[]> {
  const found: Record<string, readonly string[]> = {};
  for (const [section, schema] of Object.entries(SECTION_SCHEMAS)) {
    const object = core(schema);
    if (!(object instanceof z.ZodObject)) throw new Error(`${section} is not an object schema`);
    for (const [field, fieldSchema] of Object.entries(object.shape)) {
      const inner = core(fieldSchema as z.ZodType);
      if (inner instanceof z.ZodEnum) found[`${section}.${field}`] = inner.options as string[];
    }
  }
  return found;
}

/** The copy for "section.field". */
function copyAt(path: string): Record<string, unknown> {
  const [section, field] = path.split(".") as [keyof typeof QUESTIONS, string];
  return (QUESTIONS[section] as unknown as Record<string, Record<string, unknown>>)[field] ?? {};
}

describe("intake questions", () => {
  it.each(Object.entries(CONTRACT_ENUMS))("labels every contract value of %s, and nothing else", (path, values) => {
    const options = copyAt(path).options as Record<string, { label: string }>;
    expect(Object.keys(options).sort()).toEqual([...values].sort());
    for (const value of values) expect(options[value]?.label.trim()).not.toBe("");
  });

  it("labels every enum value the engine accepts (pregnancy: every value the patient can choose)", () => {
    const enums = engineEnums();
    expect(Object.keys(enums).sort()).toEqual(Object.keys(CONTRACT_ENUMS).sort());
    for (const [path, values] of Object.entries(enums)) {
      const asked = path === "history.pregnancy" ? values.filter((v) => v !== "not_applicable") : values;
      expect(Object.keys(copyAt(path).options as object).sort(), path).toEqual([...asked].sort());
    }
  });

  it("has a non-empty label for every field the engine accepts, and for each onset", () => {
    for (const [section, schema] of Object.entries(SECTION_SCHEMAS)) {
      if (section === "outlook") continue; // the screen's items are checked in screens.test.ts
      const object = core(schema) as z.ZodObject;
      for (const field of Object.keys(object.shape)) {
        if (field === "onsetDays") continue;
        expect(copyAt(`${section}.${field}`).label, `${section}.${field}`).toMatch(/\S/);
      }
    }
    for (const question of [...Object.values(QUESTIONS.legs.onsetDays), ...Object.values(QUESTIONS.cauda.onsetDays)]) {
      expect(question.label).toMatch(/^When did .+\?$/);
      expect(question.unknownLabel).toBe("I don't know");
      expect(`${question.label} ${question.hint}`).not.toMatch(/first one|first symptom/i);
    }
    expect(QUESTIONS.notes.label).toMatch(/\S/);
  });

  it("says why it asks every nerve-check question", () => {
    const { onsetDays: _onsets, ...questions } = QUESTIONS.cauda;
    expect(Object.keys(_onsets)).toHaveLength(4);
    for (const [field, question] of Object.entries(questions)) {
      expect(question.why.trim(), field).not.toBe("");
    }
  });

  it("offers yes, no and not sure for the 4 nerve-check symptoms, and not applicable for sexual function", () => {
    expect(YES_NO_UNSURE).toEqual({ yes: { label: "Yes" }, no: { label: "No" }, unsure: { label: "Not sure" } });
    for (const field of ["saddleNumbness", "bladderChange", "bowelChange"] as const) {
      expect(QUESTIONS.cauda[field].options).toBe(YES_NO_UNSURE);
    }
    const sexual = QUESTIONS.cauda.sexualFunctionChange;
    expect(sexual.options).toMatchObject({
      ...YES_NO_UNSURE,
      not_applicable: { label: "Not applicable: I am not sexually active" },
    });
    expect(sexual.hint).toMatch(/choose not sure if you cannot tell whether something has changed/i);
  });

  it("gives the cauda questions their wider meanings", () => {
    const { saddleNumbness, bladderChange, bowelChange } = QUESTIONS.cauda;
    expect(saddleNumbness.label).toMatch(/genitals/);
    expect(saddleNumbness.label).toMatch(/pins and needles/);
    expect(JSON.stringify(bladderChange)).toMatch(/cannot feel the pee/);
    expect(JSON.stringify(bowelChange)).toMatch(/feel/);
  });

  it("lists the dangerous ways of getting hurt on screen, for the serious accident and the check after a fall", () => {
    expect(QUESTIONS.pain.trigger.options.major_trauma.examples).toBe(DANGEROUS_MECHANISMS);
    expect(QUESTIONS.pain.dangerousMechanism.examples).toBe(DANGEROUS_MECHANISMS);
    const text = DANGEROUS_MECHANISMS.join(" ");
    for (const part of ["road", "1 metre", "5 or more stairs", "horse", "speed", "shallow water", "heavy"])
      expect(text).toContain(part);
    expect(QUESTIONS.pain.onset.options.sudden.hint).toMatch(/seconds or minutes/);
  });

  it("asks about tearing pain without catching a pulled muscle, and explains blood thinners", () => {
    expect(QUESTIONS.vascular.suddenSevereTearingPain.hint).toMatch(/not a muscle/i);
    expect(QUESTIONS.history.anticoagulant.why).toBe("Blood thinners can cause bleeding that presses on nerves.");
    expect(QUESTIONS.history.anticoagulant.options).toBe(YES_NO_UNSURE);
  });

  it('lets the patient tick "I\'m not sure" about walking only on its own', () => {
    expect(QUESTIONS.legs.walkingKinds.exclusive).toBe("unsure");
    expect(QUESTIONS.legs.walkingKinds.hint).toMatch(/Tick all that apply/);
  });

  it("tells the patient that pain alone is not difficulty walking", () => {
    const { label, hint } = QUESTIONS.legs.difficultyWalking;
    expect(`${label} ${hint ?? ""}`).toContain("not just because walking hurts");
  });

  it("explains in plain words what centralising and peripheralising mean", () => {
    const { centralising, peripheralising } = QUESTIONS.pain.pattern.options;
    expect(centralising.label).toMatch(/towards my spine/);
    expect(peripheralising.label).toMatch(/further down my leg/);
    expect(centralising.hint).toBeTruthy();
    expect(peripheralising.hint).toBeTruthy();
  });

  it('offers an "I don\'t know" answer for every answer the contract allows to be "don\'t know"', () => {
    expect(QUESTIONS.cauda.worsening.unknownLabel).toMatch(/don't know/);
    expect(QUESTIONS.legs.worsening.unknownLabel).toMatch(/don't know/);
    expect(QUESTIONS.running.kmPerWeek.unknownLabel).toMatch(/don't know/);
    expect(QUESTIONS.inflammatory.onsetAge.unknownLabel).toMatch(/don't know/);
  });
});

describe("body map", () => {
  // The regions themselves are tested with their mapping in tests/unit/body-map-regions.test.ts.
  it("uses the body map labels for the pain location options", () => {
    for (const location of PAIN_LOCATIONS) {
      expect(QUESTIONS.pain.locations.options[location].label).toBe(REGION_LABELS[location]);
    }
  });
});
