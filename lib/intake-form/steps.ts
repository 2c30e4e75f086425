// The pages of the intake form: which questions each asks, how its answers are read and checked.
import { z } from "zod";
import {
  CAUDA_QUESTIONS, CONTACT_QUESTIONS, FUNCTION_SCREEN, HISTORY_QUESTIONS, INFLAMMATORY_QUESTIONS, LEGS_QUESTIONS,
  OUTLOOK_SCREEN, PAIN_QUESTIONS, RUNNING_QUESTIONS, STEPS, VASCULAR_QUESTIONS, type StepId,
} from "@/lib/content";
import {
  caudaSchema, functionSchema, historySchema, inflammatorySchema, legsSchema, makeContactSchema, outlookSchema,
  painSchema, runningSchema, vascularSchema,
} from "@/lib/triage";
import type { DraftAnswers, FieldView } from "./model";
import { fieldFrom, optionsOf, sectionFields } from "./views";

export type StepSpec = {
  id: StepId;
  /** The questions shown, given the answers so far. */
  fields(draft: DraftAnswers): FieldView[];
  /** Answers the page sets without asking (e.g. nulls for questions that did not apply). */
  normalize?(answers: DraftAnswers, draft: DraftAnswers): DraftAnswers;
  /** Checks this page's answers; `timeZone` decides "today" for the date of birth. */
  schema(timeZone: string): z.ZodType;
};

const CAUDA_MAIN = ["cauda.saddleNumbness", "cauda.bladderChange", "cauda.bowelChange", "cauda.sexualFunctionChange"];
const legPainOf = (draft: DraftAnswers) => (draft.legs as { legPain?: string } | undefined)?.legPain;

export const STEP_SPECS: Record<Exclude<StepId, "check-answers">, StepSpec> = {
  "about-you": {
    id: "about-you",
    fields: () => [
      fieldFrom("contact.firstName", CONTACT_QUESTIONS.firstName, { autoComplete: "given-name" }),
      fieldFrom("contact.lastName", CONTACT_QUESTIONS.lastName, { autoComplete: "family-name" }),
      fieldFrom("contact.email", CONTACT_QUESTIONS.email, { inputType: "email", autoComplete: "email" }),
      fieldFrom("contact.phone", CONTACT_QUESTIONS.phone, { inputType: "tel", autoComplete: "tel" }),
      fieldFrom("contact.dateOfBirth", CONTACT_QUESTIONS.dateOfBirth),
      fieldFrom("contact.sex", CONTACT_QUESTIONS.sex),
    ],
    schema: (timeZone) => z.strictObject({ contact: makeContactSchema({ timeZone }) }),
  },
  "where-it-hurts": {
    id: "where-it-hurts",
    fields: () => [{ kind: "regions", name: "regions", label: "Choose every place that hurts" }],
    schema: () =>
      z.strictObject({ pain: painSchema.pick({ locations: true }), legs: legsSchema.pick({ legPain: true }) }),
  },
  "this-episode": {
    id: "this-episode",
    fields: () => sectionFields("pain", PAIN_QUESTIONS, ["locations"]),
    schema: () => z.strictObject({ pain: painSchema.omit({ locations: true }) }),
  },
  legs: {
    id: "legs",
    // Whether leg pain is worse than back pain only makes sense when there is leg pain.
    fields: (draft) => sectionFields("legs", LEGS_QUESTIONS, legPainOf(draft) === "none" ? ["legPain", "legPainWorseThanBack"] : ["legPain"]),
    normalize: (answers, draft) =>
      legPainOf(draft) === "none" ? merge(answers, { legs: { legPainWorseThanBack: false } }) : answers,
    schema: () => z.strictObject({ legs: legsSchema.omit({ legPain: true }) }),
  },
  "nerve-check": {
    id: "nerve-check",
    fields: () => {
      const all = sectionFields("cauda", CAUDA_QUESTIONS);
      return all.map((f) => (CAUDA_MAIN.includes(f.name) ? f : { ...f, revealWhen: { names: CAUDA_MAIN, values: ["yes", "unsure"] } }));
    },
    // The follow-ups only apply after a "yes" or "not sure": otherwise they are null, as the contract says.
    normalize: (answers) => {
      const cauda = (answers.cauda ?? {}) as Record<string, unknown>;
      const allNo = CAUDA_MAIN.every((name) => cauda[name.split(".")[1]!] === "no");
      return allNo ? merge(answers, { cauda: { symptomOnsetDays: null, worsening: null } }) : answers;
    },
    schema: () => z.strictObject({ cauda: caudaSchema }),
  },
  "health-history": {
    id: "health-history",
    fields: () => sectionFields("history", HISTORY_QUESTIONS),
    schema: () => z.strictObject({ history: historySchema }),
  },
  "more-questions": {
    id: "more-questions",
    fields: () => [...sectionFields("vascular", VASCULAR_QUESTIONS), ...sectionFields("inflammatory", INFLAMMATORY_QUESTIONS)],
    schema: () => z.strictObject({ vascular: vascularSchema, inflammatory: inflammatorySchema }),
  },
  running: {
    id: "running",
    fields: () =>
      sectionFields("running", RUNNING_QUESTIONS).map((f) =>
        f.name === "running.isRunner" ? f : { ...f, revealWhen: { names: ["running.isRunner"], values: ["yes"] } },
      ),
    // Non-runners are not asked the running questions: they are stored as "no".
    normalize: (answers) =>
      (answers.running as { isRunner?: unknown } | undefined)?.isRunner === false
        ? merge(answers, {
            running: {
              kmPerWeek: null, recentLoadIncrease: false, painOnHopping: false, painOnExtension: false,
              lowEnergyOrMenstrualChanges: false, priorBoneStressInjury: false,
            },
          })
        : answers,
    schema: () => z.strictObject({ running: runningSchema }),
  },
  "recovery-outlook": {
    id: "recovery-outlook",
    fields: () => [
      {
        kind: "outlook",
        name: "outlook",
        label: OUTLOOK_SCREEN.name,
        hint: OUTLOOK_SCREEN.intro,
        items: [...OUTLOOK_SCREEN.items],
        agree: OUTLOOK_SCREEN.answers.agree,
        disagree: OUTLOOK_SCREEN.answers.disagree,
        bothersomeness: optionsOf(OUTLOOK_SCREEN.bothersomeness.options),
        bothersomenessLabel: OUTLOOK_SCREEN.bothersomeness.label,
      },
    ],
    schema: () => z.strictObject({ outlook: outlookSchema }),
  },
  "daily-function": {
    id: "daily-function",
    fields: () => [
      {
        kind: "function",
        name: "function",
        label: FUNCTION_SCREEN.name,
        hint: FUNCTION_SCREEN.intro,
        sections: FUNCTION_SCREEN.sections.map((s) => ({ title: s.title, label: s.label, options: [...s.options] })),
      },
    ],
    schema: () => z.strictObject({ function: functionSchema }),
  },
};

/** The step that comes after this one. */
export function nextStepId(id: StepId): StepId {
  const i = STEPS.findIndex((s) => s.id === id);
  return STEPS[Math.min(i + 1, STEPS.length - 1)]!.id;
}

/** The step before this one, or null on the first. */
export function previousStepId(id: StepId): StepId | null {
  const i = STEPS.findIndex((s) => s.id === id);
  return i > 0 ? STEPS[i - 1]!.id : null;
}

/** Whether a URL segment names a question step. */
export function isQuestionStep(id: string): id is keyof typeof STEP_SPECS {
  return Object.hasOwn(STEP_SPECS, id);
}

/** Section-wise merge: later answers replace earlier ones field by field. */
export function merge(base: DraftAnswers, patch: DraftAnswers): DraftAnswers {
  const out: DraftAnswers = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const prev = out[key];
    out[key] =
      value && typeof value === "object" && !Array.isArray(value) && prev && typeof prev === "object" && !Array.isArray(prev)
        ? { ...(prev as object), ...(value as object) }
        : value;
  }
  return out;
}
