import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, formInput, parseThen, refusedState, ROOT_FIELD } from "@/lib/forms";

const errorOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return r.error;
};

describe("fieldErrors", () => {
  it("keys each message by its dotted path", () => {
    const schema = z.object({ contact: z.object({ email: z.string({ error: "Enter your email address" }) }) });
    expect(fieldErrors(errorOf(schema, { contact: {} }))).toEqual({ "contact.email": ["Enter your email address"] });
  });

  it("writes array indexes as path segments", () => {
    const schema = z.object({ function: z.object({ sections: z.array(z.number({ error: "Choose a score" })) }) });
    expect(fieldErrors(errorOf(schema, { function: { sections: [1, 2, 3, "x"] } }))).toEqual({
      "function.sections.3": ["Choose a score"],
    });
  });

  it(`collects issues about the whole value under "${ROOT_FIELD}"`, () => {
    const schema = z.object({ a: z.string() }, { error: "Send the completed form" });
    expect(fieldErrors(errorOf(schema, null))).toEqual({ _root: ["Send the completed form"] });
  });

  it("keeps several messages for one field in issue order, without repeats", () => {
    const schema = z.object({
      password: z
        .string()
        .min(8, { error: "Use at least 8 characters" })
        .regex(/\d/, { error: "Include a number" })
        .regex(/\d{2}/, { error: "Include a number" }),
    });
    expect(fieldErrors(errorOf(schema, { password: "abc" }))).toEqual({
      password: ["Use at least 8 characters", "Include a number"],
    });
  });

  it("keeps errors of different fields apart", () => {
    const schema = z.object({ a: z.number({ error: "A" }), b: z.object({ c: z.boolean({ error: "C" }) }) });
    expect(fieldErrors(errorOf(schema, { a: "1", b: { c: "no" } }))).toEqual({ a: ["A"], "b.c": ["C"] });
  });

  it("treats __proto__ and constructor paths as ordinary keys, never touching Object.prototype", () => {
    const error = new z.ZodError([
      { code: "custom", path: ["__proto__"], message: "Not asked", input: 1 },
      { code: "custom", path: ["constructor"], message: "Not asked", input: 1 },
    ]);
    const errors = fieldErrors(error);
    expect(Object.keys(errors).sort()).toEqual(["__proto__", "constructor"]);
    expect(errors["__proto__"]).toEqual(["Not asked"]);
    expect(errors["constructor"]).toEqual(["Not asked"]);
    expect(JSON.parse(JSON.stringify(errors))).toEqual({ constructor: ["Not asked"], ["__proto__"]: ["Not asked"] });
  });
});

describe("a staff form's input and answer", () => {
  it("reads the text fields, leaving out files and Next's own $ACTION fields, each at most 4,000 characters", () => {
    const form = new FormData();
    form.set("name", "Dr Mei Lee");
    form.set("$ACTION_ID_abc", "");
    form.set("upload", new Blob(["x"]), "x.txt");
    form.set("body", "a".repeat(5000));
    expect(formInput(form)).toEqual({ name: "Dr Mei Lee", body: "a".repeat(4000) });
  });

  it("answers a refusal with its messages and what was typed, never a password, as a plain object", () => {
    const state = refusedState(
      { ok: false, message: "No", fieldErrors: fieldErrors(errorOf(z.object({ a: z.string() }), {})) },
      { name: "Ann", password: "secret words" },
    );
    expect(state).toMatchObject({ message: "No", fieldErrors: { a: [expect.any(String)] }, values: { name: "Ann" } });
    expect(Object.getPrototypeOf(state.fieldErrors)).toBe(Object.prototype);
    expect(state.at).toEqual(expect.any(Number));
  });

  it("runs a change on parsed input, and refuses input that does not parse beside its fields", async () => {
    const schema = z.object({
      minutes: z.coerce.number({ error: "Enter a number" }).int({ error: "Enter a whole number" }),
    });
    await expect(parseThen(schema, { minutes: "15" }, async (input) => input.minutes * 2)).resolves.toBe(30);
    await expect(parseThen(schema, { minutes: "1.5" }, async () => "ran")).resolves.toEqual({
      ok: false,
      fieldErrors: { minutes: ["Enter a whole number"] },
    });
  });
});
