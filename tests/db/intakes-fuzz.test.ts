import fc from "fast-check";
import { expect, it } from "vitest";
import { countIntakes } from "@/db/queries/intakes";
import { handleCreateIntake } from "@/lib/intakes/api";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-11-24T15:00:00Z");
const options = {
  rateLimitPerMinute: 1_000_000,
  trustedProxies: 1,
  secret: "fuzz-secret-fuzz-secret-fuzz-secret-0123",
  now: () => NOW,
};
const post = (body: string) =>
  new Request("http://localhost/api/v1/intakes", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.7.7.7" },
    body,
  });

type Mutate = (a: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

const BAD: [string, Mutate, string][] = [
  ["a number where text belongs", (a) => (a.contact.firstName = 42), "contact.firstName"],
  ["text where a number belongs", (a) => (a.pain.intensity = "seven"), "pain.intensity"],
  ["a missing section", (a) => delete a.cauda, "cauda"],
  ["an array where an object belongs", (a) => (a.history = [true, false]), "history"],
  ["a huge string", (a) => (a.contact.lastName = "x".repeat(5000)), "contact.lastName"],
  ["an impossible date", (a) => (a.contact.dateOfBirth = "2001-02-30"), "contact.dateOfBirth"],
  ["a date of birth in the future", (a) => (a.contact.dateOfBirth = "2027-01-01"), "contact.dateOfBirth"],
  ["an unknown key", (a) => (a.pain.mood = "low"), "pain.mood"],
  [
    "a removed 2026.11 field",
    (a) => (a.history.recentInfectionOrSpinalProcedure = false),
    "history.recentInfectionOrSpinalProcedure",
  ],
  [
    "a dangerous-mechanism answer with no injury",
    (a) => ((a.pain.trigger = "none"), (a.pain.dangerousMechanism = true)),
    "pain.dangerousMechanism",
  ],
  ["no dangerous-mechanism answer after a run", (a) => (a.pain.dangerousMechanism = null), "pain.dangerousMechanism"],
  ["no consent", (a) => (a.consent.privacyNotice = false), "consent.privacyNotice"],
];

describeEachDb("POST /api/v1/intakes with malformed answers", (ctx) => {
  it.each(BAD)("refuses %s with 400 naming the field, and writes nothing", async (_name, mutate, path) => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const answers = vignetteIntake("P17", NOW) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    mutate(answers);
    const res = await handleCreateIntake(db, post(JSON.stringify(answers)), options);
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).fieldErrors)).toContain(path);
    expect(await countIntakes(db)).toBe(before);
  });

  it("answers any JSON value with a 4xx, never an error, and stores nothing", async () => {
    const { db } = ctx();
    const before = await countIntakes(db);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const res = await handleCreateIntake(db, post(JSON.stringify(value)), options);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 20261124 },
    );
    expect(await countIntakes(db)).toBe(before);
  });
});
