// The building blocks of a form page: the context a page decides its questions in, a question with
// the condition it is asked under and what is stored when it is not, and a page's checks.
import { z } from "zod";
import type { StepId } from "@/lib/content";
import { calendarDate } from "@/lib/triage/dates";
import type { DraftAnswers, FieldView, RevealCondition } from "./model";
import { getPath } from "./parse";
import type { DistanceUnit } from "./units";
import { fieldFrom } from "./views";
import { ageOn } from "./visibility";

export type QuestionStepId = Exclude<StepId, "check-answers">;

/** What a page needs to know to decide its questions: the answers so far and "today" at the clinic. */
export type StepContext = {
  draft: DraftAnswers;
  now: Date;
  /** The clinic's time zone: its calendar decides the patient's age. */
  timeZone: string;
  /** Today at the clinic, YYYY-MM-DD. */
  today: string;
  /** The patient's age from the date of birth already given, or null. */
  age: number | null;
  /** The clinic's unit for running distances (asked in it, stored in km). */
  distanceUnit: DistanceUnit;
};

/** The context for a draft on the clinic's clock (UTC and the current time when not given). */
export function stepContext(
  draft: DraftAnswers,
  clock: { now?: Date; timeZone?: string; distanceUnit?: DistanceUnit } = {},
): StepContext {
  const now = clock.now ?? new Date();
  const timeZone = clock.timeZone ?? "UTC";
  const packed = String(calendarDate(now, timeZone));
  const today = `${packed.slice(0, 4)}-${packed.slice(4, 6)}-${packed.slice(6, 8)}`;
  const dob = getPath(draft, "contact.dateOfBirth");
  return {
    draft,
    now,
    timeZone,
    today,
    age: typeof dob === "string" ? ageOn(dob, today) : null,
    distanceUnit: clock.distanceUnit ?? "km",
  };
}

export type Question = {
  name: string;
  field(ctx: StepContext): FieldView;
  /** Asked only when this holds, given the answers of earlier pages. */
  when?(ctx: StepContext): boolean;
  /** What the contract stores when the question is not asked. */
  notAsked?: unknown;
  /** When `when` does not hold because an earlier answer already gives this one: the answer it gives. */
  derive?(ctx: StepContext): unknown;
};

export type StepSpec = {
  id: QuestionStepId;
  /** Every question the page can ask, whatever the answers. */
  names: readonly string[];
  /** The questions that apply given the answers of earlier pages; follow-ups carry `revealWhen`. */
  fields(ctx: StepContext): FieldView[];
  /** What to store for each question of the page that was not shown (null, false, "not_applicable" or derived). */
  notAsked(ctx: StepContext, shown: ReadonlySet<string>): [string, unknown][];
  /** Checks this page's answers. */
  schema(ctx: StepContext): z.ZodType;
};

type Copy = Parameters<typeof fieldFrom>[1];
type AskOptions = Pick<Question, "when" | "notAsked" | "derive"> & {
  revealWhen?: readonly RevealCondition[] | ((ctx: StepContext) => readonly RevealCondition[] | undefined);
  copy?: (ctx: StepContext) => Copy;
  extra?: Partial<FieldView> | ((ctx: StepContext) => Partial<FieldView>);
};

/** A question of the contract (its dotted path and words), with when it is asked and what stands in when it is not. */
export function ask(
  name: string,
  copy: Copy,
  { revealWhen, copy: copyFor, extra, ...rest }: AskOptions = {},
): Question {
  return {
    name,
    field: (ctx) => {
      const when = typeof revealWhen === "function" ? revealWhen(ctx) : revealWhen;
      const more = typeof extra === "function" ? extra(ctx) : extra;
      return fieldFrom(name, copyFor ? copyFor(ctx) : copy, { ...more, ...(when ? { revealWhen: when } : {}) });
    },
    ...rest,
  };
}

/** The fields of `shape` named by `keys`, checked together with the section's cross-field rules. */
export function sectionPart(shape: z.ZodRawShape, keys: readonly string[], full: z.ZodType, earlier: unknown) {
  const picked = z.strictObject(Object.fromEntries(keys.map((k) => [k, shape[k]!])));
  return picked.superRefine((value, ctx) => {
    // The section as it will be stored: this page's answers over those of the other page.
    const result = full.safeParse({ ...(earlier && typeof earlier === "object" ? earlier : {}), ...value });
    if (result.success) return;
    for (const problem of result.error.issues) {
      if (keys.includes(String(problem.path[0])))
        ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });
}

const keysOf = (questions: readonly Question[], section: string) => [
  ...new Set(
    questions
      .map((q) => q.name.split("."))
      .filter((p) => p[0] === section)
      .map((p) => p[1]!),
  ),
];

/** A page from its questions, in the order shown, and its checks (`keys`: the page's fields of a section). */
export function page(
  id: QuestionStepId,
  questions: Question[],
  schema: (ctx: StepContext, keys: (section: string) => string[]) => z.ZodType,
): StepSpec {
  return {
    id,
    names: questions.map((q) => q.name),
    fields: (ctx) => questions.filter((q) => q.when?.(ctx) ?? true).map((q) => q.field(ctx)),
    notAsked: (ctx, shown) =>
      questions.flatMap((q): [string, unknown][] => {
        const applies = q.when?.(ctx) ?? true;
        if (!applies && q.derive) return [[q.name, q.derive(ctx)]];
        return q.notAsked !== undefined && !(applies && shown.has(q.name)) ? [[q.name, q.notAsked]] : [];
      }),
    schema: (ctx) => schema(ctx, (section) => keysOf(questions, section)),
  };
}

/** Plain questions of one section, in the order given. */
export const section = (name: string, copy: Record<string, Copy>, keys: readonly string[]) =>
  keys.map((key) => ask(`${name}.${key}`, copy[key]!));
