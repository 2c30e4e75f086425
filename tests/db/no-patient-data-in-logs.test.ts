import { format, inspect } from "node:util";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { countIntakes } from "@/db/queries/intakes";
import { seed } from "@/db/seed";
import { pgCode } from "@/lib/booking/book";
import { apiRoute } from "@/lib/http";
import { checkIntake } from "@/lib/intakes/check";
import { submitIntake } from "@/lib/intakes/submit";
import { firstLines } from "@/lib/startup";
import type { IntakeAnswers } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-11-24T15:00:00Z");

// One patient's record, every value distinctive enough that finding it in a log is no accident.
const PATIENT = {
  firstName: "Marisol",
  lastName: "Quintanilla",
  email: "marisol.quintanilla@example.test",
  phone: "+1 212 555 0199",
};
const NOTES = "left calf cramps since the Harbour Marathon";

/** The patient's intake, valid: the contract's check passes it. */
function patientAnswers(): IntakeAnswers {
  const intake = vignetteIntake("P12", NOW);
  const checked = checkIntake(
    { ...intake, contact: { ...intake.contact, ...PATIENT }, notes: NOTES },
    { timeZone: "UTC", now: NOW },
  );
  if (!checked.ok) throw new Error(`fixture is not a valid intake: ${JSON.stringify(checked.fieldErrors)}`);
  return checked.answers;
}

/** What the record holds: none of it may appear in a log line. */
function recordValues(answers: IntakeAnswers): string[] {
  return [
    PATIENT.firstName,
    PATIENT.lastName,
    PATIENT.email,
    PATIENT.phone,
    answers.contact.dateOfBirth,
    NOTES,
    "Harbour Marathon",
  ];
}

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
});
afterEach(() => vi.restoreAllMocks());

describeEachDb("no patient data in logs", (ctx) => {
  it("a patient record the database refuses is logged without any of its values, however the error is printed", async () => {
    const { db } = ctx();
    await seed(db);
    const answers = patientAnswers();
    // A value the database cannot store (a NUL; the API refuses it at the edge, see
    // intake-control-characters.test.ts), here past the edge: the real lib call stores the intake.
    const refused = { ...answers, contact: { ...answers.contact, lastName: `${PATIENT.lastName}\u0000` } };
    const submit = () => submitIntake(db, { answers: refused, now: NOW, timeZone: "UTC" });

    const error = await submit().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);

    // Every way an error reaches a log: Next prints what a route handler, a server action or a page
    // throws (console.error with the error, shown by util.inspect with its cause and properties);
    // the email worker logs a pass's message; start-up logs first lines; Auth.js logs name and message.
    console.error(error);
    console.error(inspect(error, { showHidden: true, depth: null }));
    console.error(`[mail] worker pass failed: ${(error as Error).message}`);
    console.error(`[db] start-up failed, will retry: ${firstLines(error)}`);
    console.error(`[auth] ${(error as Error).name}: ${(error as Error).message}`);
    // Through a route handler: not an outage, so rethrown for Next to log.
    const route = apiRoute(async () => {
      await submit();
      return new Response(null, { status: 201 });
    });
    await route().catch((e: unknown) => console.error(e));

    const log = logged.join("\n");
    for (const value of recordValues(answers)) expect(log, value).not.toContain(value);
    // What an operator does see: the SQLSTATE (invalid character in text or in JSON), no query text.
    expect(log).toMatch(/Database refused the statement: 22(021|P05)/);
    expect(log).not.toMatch(/Failed query|params:|insert into/i);
    // Callers that branch on the database's code still can, and nothing was stored.
    expect(pgCode(error)).toMatch(/^22(021|P05)$/);
    expect(await countIntakes(db)).toBe(0);
  });

  it("a constraint the database enforces is named, but not the row its detail quotes", async () => {
    const { db } = ctx();
    const answers = patientAnswers();
    const { insertIntake } = await import("@/db/queries/intakes");
    // A grade out of range: the check constraint refuses it, and PostgreSQL's detail for a check
    // (or not-null) violation is "Failing row contains (…)": the whole row, name and email included.
    const error = await insertIntake(db, {
      firstName: PATIENT.firstName,
      lastName: PATIENT.lastName,
      email: PATIENT.email,
      phone: PATIENT.phone,
      dateOfBirth: answers.contact.dateOfBirth,
      sex: answers.contact.sex,
      answers,
      privacyNoticeVersion: "test",
      level: "SOON",
      levelRank: 9,
      rulesetVersion: "2026.12",
      firedRules: [],
      flags: [],
      scores: {},
      ageAtGrading: 40,
      escalated: false,
      createdAt: NOW,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    console.error(error);
    console.error(inspect(error, { showHidden: true, depth: null }));
    const log = logged.join("\n");
    expect(log).toContain("23514 check violation (constraint intakes_level_rank_range; table intakes)");
    for (const value of recordValues(answers)) expect(log, value).not.toContain(value);
    expect(pgCode(error)).toBe("23514");
  });
});
