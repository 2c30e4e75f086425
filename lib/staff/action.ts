// The one shape of a staff server action: who (session and role), what (the form parsed with zod),
// the domain call (which writes its audit row in its own transaction), then either a refusal the
// form shows or a redirect to the page with a note of what was done.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { StaffRole } from "@/common/vocabulary";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import {
  controlCharacterErrors,
  formInput,
  invalid,
  refusedState,
  SECRET_FIELDS,
  type FormState,
  type Refusal,
} from "@/lib/forms";
import { ANY_STAFF, requireSignInStep, requireStaff, type Staff } from "./session";

/** Done: go to `redirect` (the page, with its `?done=` note), after revalidating `revalidate` if given. */
export type Done = { redirect: string; revalidate?: string };

/** What an action's domain step answers: why not (shown on the form), or where to go now. */
export type Outcome = Refusal | Done;

/** What the domain step gets besides its parsed input: the signed-in staff member, the database, the time. */
export type ActionContext = { staff: Staff; db: Db; now: Date };

/** The raw form: its text fields by name (see formInput). */
export type RawInput = Record<string, string>;

export type StaffActionOptions<S extends z.ZodType> = {
  /** Who may do this (default: any staff). Checked on every call, even when the page already checked. */
  roles?: readonly StaffRole[];
  /** The page to come back to after signing in, when the session has ended (default: the queue). */
  next?: string | ((input: RawInput) => string);
  /** The form's fields, as zod reads them from strings. */
  schema: S;
  /** Fields never echoed back after a refusal (default: passwords). */
  secret?: readonly string[];
  /** The longest field read (default 4,000 characters; longer text is cut, and the schema's own limit answers). */
  maxLength?: number;
  /** The answer to input that does not parse (default: each message beside its field). */
  invalid?: (error: z.ZodError, input: RawInput) => Outcome;
  /**
   * A sign-in step's action (second factor, own password, setting up a factor): open to a session
   * whose password was right but whose signing in is not complete yet. `roles` does not apply.
   */
  signInStep?: boolean;
};

/** A server action for useActionState (or, ignoring its answer, a plain form action). */
export type StaffFormAction = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * Makes a staff form's server action: resolves the session and role (signed out: to sign-in; wrong
 * role: 403), parses the form with the schema, runs the domain step on the typed input, and then
 * redirects (done) or answers with the one FormState: the refusal's messages and what was typed.
 */
export function staffAction<S extends z.ZodType>(
  options: StaffActionOptions<S>,
  run: (input: z.output<S>, context: ActionContext) => Promise<Outcome>,
): StaffFormAction {
  return async (_state, form) => {
    const input = formInput(form, options.maxLength);
    const next = typeof options.next === "function" ? options.next(input) : options.next;
    const staff = options.signInStep
      ? (await requireSignInStep()).staff
      : await requireStaff(options.roles ?? ANY_STAFF, next);
    const controls = controlCharacterErrors(input, { freeText: Object.keys(input) });
    const parsed = options.schema.safeParse(input);
    const outcome: Outcome = controls
      ? { ok: false, fieldErrors: controls }
      : parsed.success
        ? await run(parsed.data, { staff, db: await getDb(), now: new Date() })
        : (options.invalid ?? invalid)(parsed.error, input);
    if ("redirect" in outcome) {
      if (outcome.revalidate) revalidatePath(outcome.revalidate);
      redirect(outcome.redirect); // outside any try: redirect() throws
    }
    return refusedState(outcome, input, options.secret ?? SECRET_FIELDS);
  };
}
