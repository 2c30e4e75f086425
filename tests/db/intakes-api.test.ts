import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { countIntakes, getIntake, listEscalations } from "@/db/queries/intakes";
import { intakes, outcomeCheckins } from "@/db/schema";
import { seed } from "@/db/seed";
import { handleCreateIntake, type IntakeApiOptions } from "@/lib/intakes/api";
import { verifyToken } from "@/lib/tokens";
import vignettes202611 from "../fixtures/clinical/vignettes-2026.11.json" with { type: "json" };
import { dateYearsBefore, VIGNETTES, vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-11-24T15:00:00Z");
const VIGNETTES_2026_11 = vignettes202611;
const SECRET = "test-secret-test-secret-test-secret-0123";
let client = 0;

/** Each test uses its own client address, so rate limits of one test do not touch another. */
function options(overrides: Partial<IntakeApiOptions> = {}): IntakeApiOptions {
  return { rateLimitPerMinute: 1000, trustedProxies: 1, secret: SECRET, now: () => NOW, ...overrides };
}

function post(
  body: unknown,
  { headers = {}, ip = `10.0.0.${++client}` }: { headers?: Record<string, string>; ip?: string } = {},
) {
  return new Request("http://localhost/api/v1/intakes", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describeEachDb("POST /api/v1/intakes", (ctx) => {
  it("grades a suspected nerve compression as EMERGENCY, stores it escalated, and offers no booking", async () => {
    const { db } = ctx();
    await seed(db);
    const res = await handleCreateIntake(db, post(vignetteIntake("P01", NOW)), options());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ level: "EMERGENCY", rulesetVersion: "2026.12", contractVersion: "2026.12" });
    expect(body.firedRules.map((r: { id: string }) => r.id)).toEqual(["E1", "S2"]);
    expect(body.firedRules[0]).toEqual({
      id: expect.any(String),
      level: expect.any(String),
      summary: expect.any(String),
    });
    expect(body.next).toMatchObject({ action: "emergency", canBook: false, bookingToken: null, bookingUrl: null });

    const row = await getIntake(db, body.id);
    expect(row).toMatchObject({
      level: "EMERGENCY",
      levelRank: 5,
      escalated: true,
      rulesetVersion: "2026.12",
      email: "p01@example.test",
      ageAtGrading: 32,
      privacyNoticeVersion: expect.any(String),
    });
    expect([...row!.firedRules].sort()).toEqual(["E1", "S2"]);
  });

  it("gives a SOON patient a booking token for their intake, limited to 7 days", async () => {
    const { db } = ctx();
    const res = await handleCreateIntake(db, post(vignetteIntake("P12", NOW)), options());
    const body = await res.json();
    expect(body.level).toBe("SOON");
    expect(body.next).toMatchObject({ action: "book", canBook: true, bookWithinDays: 7 });
    expect(verifyToken(SECRET, "booking", body.next.bookingToken)).toBe(body.id);
    expect(body.next.bookingUrl).toContain(encodeURIComponent(body.next.bookingToken));
    const row = await getIntake(db, body.id);
    expect(row?.escalated).toBe(false);
  });

  it("grades every public vignette as the spec expects, through the API", async () => {
    const { db } = ctx();
    for (const v of VIGNETTES) {
      const res = await handleCreateIntake(db, post(vignetteIntake(v.id, NOW)), options());
      expect(res.status, v.id).toBe(201);
      const body = await res.json();
      expect({ level: body.level, fired: body.firedRules.map((r: { id: string }) => r.id) }, v.id).toEqual({
        level: v.expectedLevel,
        fired: v.expectedFiredRules,
      });
      const row = await getIntake(db, body.id);
      expect({ level: row?.level, fired: row?.firedRules, age: row?.ageAtGrading }, v.id).toEqual({
        level: v.expectedLevel,
        fired: v.expectedFiredRules,
        age: v.ageAtGrading,
      });
    }
  });

  it("never refuses an early submission: one that no EMERGENCY rule confirms is URGENT (X1), escalated and flagged", async () => {
    const { db } = ctx();
    const res = await handleCreateIntake(db, post(vignetteIntake("P45", NOW)), options());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ level: "URGENT", next: { action: "await_call", canBook: false, bookingToken: null } });
    expect(body.firedRules.map((r: { id: string }) => r.id)).toEqual(["U9", "X1"]);
    expect(body.flags.map((f: { id: string }) => f.id)).toEqual(["FLAG_EARLY_NOT_CONFIRMED"]);
    const row = await getIntake(db, body.id);
    expect(row).toMatchObject({ escalated: true, level: "URGENT" });
    expect((row?.answers as { stoppedAt: string }).stoppedAt).toBe("nerve-check");
  });

  it("sends a patient under 16 to the under-16 route: no booking", async () => {
    const { db } = ctx();
    const body = await (await handleCreateIntake(db, post(vignetteIntake("P29", NOW)), options())).json();
    expect(body.level).toBe("SOON");
    expect(body.next).toMatchObject({ action: "under_16", canBook: false, bookingToken: null, bookingUrl: null });
  });

  it("refuses a contract 2026.11 body with 400 naming missing and removed fields, and writes nothing", async () => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const old = structuredClone(VIGNETTES_2026_11[0]!.intake) as { contact: { dateOfBirth: string } };
    old.contact.dateOfBirth = dateYearsBefore(NOW, 40);
    const res = await handleCreateIntake(db, post(old), options());
    expect(res.status).toBe(400);
    const { fieldErrors } = await res.json();
    expect(Object.keys(fieldErrors)).toEqual(
      expect.arrayContaining([
        "stoppedAt",
        "pain.dangerousMechanism",
        "legs.onsetDays",
        "cauda.onsetDays",
        "history.anticoagulant",
        "history.pregnancy",
        "cauda.symptomOnsetDays",
        "history.recentInfectionOrSpinalProcedure",
      ]),
    );
    expect(fieldErrors["cauda.symptomOnsetDays"]).toEqual(["Unknown field: this form does not ask for it"]);
    expect(await countIntakes(db)).toBe(before);
  });

  it("answers 400 with dotted-path field errors, and writes nothing", async () => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const bad = vignetteIntake("P17", NOW) as Record<string, unknown>;
    (bad.contact as Record<string, unknown>).email = "not-an-email";
    (bad.pain as Record<string, unknown>).intensity = 11;
    const res = await handleCreateIntake(db, post(bad), options());
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("invalid_intake");
    expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["contact.email", "pain.intensity"]));
    expect(await countIntakes(db)).toBe(before);
  });

  it.each([
    ["not JSON at all", "{nope"],
    ["an array", "[]"],
    ["null", "null"],
    ["a string", '"hello"'],
    ["a prototype-pollution key", '{"__proto__":{"admin":true},"contact":{}}'],
    ["a constructor key", '{"constructor":{"prototype":{"x":1}}}'],
    ["an empty body", ""],
  ])("refuses %s with a 400 and writes nothing", async (_name, text) => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const res = await handleCreateIntake(db, post(text), options());
    expect(res.status).toBe(400);
    expect(await countIntakes(db)).toBe(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("refuses a body over 64 KiB with 413, and a non-JSON content type with 415", async () => {
    const { db } = ctx();
    const big = { ...vignetteIntake("P17", NOW), notes: "x".repeat(70 * 1024) };
    expect((await handleCreateIntake(db, post(big), options())).status).toBe(413);
    const form = post("a=1", { headers: { "content-type": "application/x-www-form-urlencoded" } });
    const res = await handleCreateIntake(db, form, options());
    expect(res.status).toBe(415);
    expect((await res.json()).error).toBe("unsupported_media_type");
  });

  it("replays the first response for the same Idempotency-Key and body, storing one intake", async () => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const body = vignetteIntake("P15", NOW);
    const headers = { "idempotency-key": "retry-abc-1" };
    const first = await handleCreateIntake(db, post(body, { headers }), options());
    const second = await handleCreateIntake(db, post(body, { headers }), options());
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await countIntakes(db)).toBe(before + 1);
  });

  it("answers 422 when an Idempotency-Key is replayed with a different body, and writes nothing", async () => {
    const { db } = ctx();
    const headers = { "idempotency-key": "retry-abc-2" };
    await handleCreateIntake(db, post(vignetteIntake("P15", NOW), { headers }), options());
    const before = await countIntakes(db);
    const res = await handleCreateIntake(db, post(vignetteIntake("P16", NOW), { headers }), options());
    expect(res.status).toBe(422);
    expect(await countIntakes(db)).toBe(before);
  });

  it("stores exactly one intake when the same keyed request arrives twice at once", async () => {
    const { db } = ctx();
    const before = await countIntakes(db);
    const body = vignetteIntake("P18", NOW);
    const headers = { "idempotency-key": "concurrent-1" };
    const [a, b] = await Promise.all([
      handleCreateIntake(db, post(body, { headers }), options()),
      handleCreateIntake(db, post(body, { headers }), options()),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await a.json()).id).toBe((await b.json()).id);
    expect(await countIntakes(db)).toBe(before + 1);
  });

  it("refuses an Idempotency-Key over 100 characters", async () => {
    const { db } = ctx();
    const res = await handleCreateIntake(
      db,
      post(vignetteIntake("P18", NOW), { headers: { "idempotency-key": "k".repeat(101) } }),
      options(),
    );
    expect(res.status).toBe(400);
  });

  it("limits one client to the configured intakes per minute with 429 and Retry-After, others unaffected", async () => {
    const { db } = ctx();
    const opts = options({ rateLimitPerMinute: 3 });
    const ip = "203.0.113.7";
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await handleCreateIntake(db, post(vignetteIntake("P20", NOW), { ip }), opts)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await handleCreateIntake(db, post(vignetteIntake("P20", NOW), { ip }), opts);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A different client is not held back by the first one's limit.
    expect((await handleCreateIntake(db, post(vignetteIntake("P20", NOW), { ip: "203.0.113.8" }), opts)).status).toBe(
      201,
    );
  });

  it("counts bad requests too, so a client cannot probe without limit", async () => {
    const { db } = ctx();
    const opts = options({ rateLimitPerMinute: 2 });
    const ip = "198.51.100.9";
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await handleCreateIntake(db, post("{bad", { ip }), opts)).status);
    expect(statuses).toEqual([400, 400, 429]);
  });

  it("lists escalated cases most urgent first, then oldest, page by page", async () => {
    const { db } = ctx();
    const escalated = db.select({ id: intakes.id }).from(intakes).where(eq(intakes.escalated, true));
    await db.delete(outcomeCheckins).where(inArray(outcomeCheckins.intakeId, escalated));
    await db.delete(intakes).where(eq(intakes.escalated, true));
    const at = (minutes: number) => () => new Date(NOW.getTime() + minutes * 60_000);
    const make = async (vignette: string, minutes: number) =>
      (await (await handleCreateIntake(db, post(vignetteIntake(vignette, NOW)), options({ now: at(minutes) }))).json())
        .id as string;
    const urgentOld = await make("P08", 1);
    const emergencyNew = await make("P04", 5);
    const urgentNew = await make("P07", 3);
    const emergencyOld = await make("P02", 2);
    await make("P17", 0); // SELF_CARE: not escalated

    const page1 = await listEscalations(db, { limit: 2 });
    expect(page1.map((r) => r.id)).toEqual([emergencyOld, emergencyNew]);
    const last = page1[1]!;
    const page2 = await listEscalations(db, { limit: 2, after: last });
    expect(page2.map((r) => r.id)).toEqual([urgentOld, urgentNew]);
    expect(await listEscalations(db, { limit: 2, after: page2[1]! })).toEqual([]);
  });
});
