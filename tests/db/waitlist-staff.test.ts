import { beforeAll, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { upsertStaff } from "@/db/queries/staff";
import { seed } from "@/db/seed";
import { escalateNoCapacity } from "@/lib/booking/capacity";
import { clearSettingsCaches } from "@/lib/clinic-settings";
import { submitIntake } from "@/lib/intakes/submit";
import { readWaitlist, removeFromWaitlist } from "@/lib/staff/waitlist";
import { signToken } from "@/lib/tokens";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { joinWaitlist } from "@/lib/waitlist/join-service";
import { vignetteIntake } from "../support/answers";
import { describeEachDb, type TestDb } from "./support";

// Wednesday 2 December 2026, 09:00 in New York.
const NOW = new Date("2026-12-02T14:00:00Z");
const ZONE = "America/New_York";
const SECRET = "test-secret-test-secret-test-secret-0123";
const HOUR = 3_600_000;

async function waiting(db: TestDb["db"], vignette: string, joinedAt: Date, lastName: string) {
  const raw = vignetteIntake(vignette, joinedAt) as { contact: Record<string, unknown> };
  raw.contact = { ...raw.contact, lastName, email: `${lastName.toLowerCase()}@example.test` };
  const answers = makeIntakeAnswersSchema({ now: joinedAt }).parse(raw);
  const result = await submitIntake(db, { answers, now: joinedAt, timeZone: ZONE });
  if (result.status === "key_conflict") throw new Error("unexpected");
  const token = signToken(SECRET, "booking", result.response.id);
  const joined = await joinWaitlist(db, { bookingToken: token, availability: { mon: ["morning"] } }, joinedAt, {
    secret: SECRET,
  });
  if (joined.status !== "joined") throw new Error(joined.status);
  return { intakeId: result.response.id, entryId: joined.entry.id, level: result.response.level };
}

describeEachDb("the waitlist for staff", (ctx) => {
  beforeAll(async () => {
    await seed(ctx().db);
    clearSettingsCaches();
  });

  it("lists a SOON patient before a ROUTINE one who joined earlier, saying why, and when each can come", async () => {
    const { db } = ctx();
    const routine = await waiting(db, "P15", new Date(NOW.getTime() - 48 * HOUR), "Earlyroutine");
    const soon = await waiting(db, "P12", new Date(NOW.getTime() - 2 * HOUR), "Latesoon");
    expect([routine.level, soon.level]).toEqual(["ROUTINE", "SOON"]);
    const rows = await readWaitlist(db, NOW, ZONE);
    const order = rows.map((r) => r.id);
    expect(order.indexOf(soon.entryId)).toBeLessThan(order.indexOf(routine.entryId));
    const soonRow = rows.find((r) => r.id === soon.entryId)!;
    expect(soonRow).toMatchObject({ name: expect.stringContaining("Latesoon"), level: "SOON", when: "Monday morning" });
    expect(soonRow.why).toBe("Soon: deadline in 6 days; waiting 2 hours");
    expect(rows.find((r) => r.id === routine.entryId)?.why).toBe("Routine: no deadline; waiting 2 days");
  });

  it("puts a SOON patient who found no time on the list for any time, once, keeping a choice already made", async () => {
    const { db } = ctx();
    const raw = vignetteIntake("P12", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, lastName: "Nocapacity", email: "nocapacity@example.test" };
    const result = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: ZONE,
    });
    if (result.status === "key_conflict") throw new Error("unexpected");
    const intakeId = result.response.id;
    expect(await escalateNoCapacity(db, intakeId, NOW)).toBe(true);
    expect(await escalateNoCapacity(db, intakeId, NOW)).toBe(false);
    const rows = (await readWaitlist(db, NOW, ZONE)).filter((r) => r.intakeId === intakeId);
    expect(rows).toMatchObject([{ level: "SOON", when: "Any day and time" }]);
    expect(await listAudit(db, { action: "waitlist_joined", subjectId: intakeId })).toHaveLength(1);

    const chose = await waiting(db, "P12", NOW, "Chosealready");
    expect(await escalateNoCapacity(db, chose.intakeId, NOW)).toBe(true);
    expect((await readWaitlist(db, NOW, ZONE)).filter((r) => r.intakeId === chose.intakeId)).toMatchObject([
      { when: "Monday morning" },
    ]);
  });

  it("takes a patient off the list with the reason in the audit trail, once", async () => {
    const { db } = ctx();
    const p = await waiting(db, "P15", new Date(NOW.getTime() - HOUR), "Takenoff");
    const email = "reception-waitlist@clinic.test";
    const { id } = await upsertStaff(db, {
      email,
      name: "Reception",
      role: "reception",
      passwordHash: "x",
    });
    const staff = { id, email, clientAddress: "192.0.2.60" };
    const reason = "Booked by phone for Thursday";
    expect(await removeFromWaitlist(db, staff, { id: p.entryId, reason }, NOW)).toEqual({ intakeId: p.intakeId });
    expect((await readWaitlist(db, NOW, ZONE)).some((r) => r.id === p.entryId)).toBe(false);
    const [audit] = await listAudit(db, { action: "waitlist_removed", subjectId: p.intakeId });
    expect(audit).toMatchObject({ actorId: id, reason, subjectType: "intake" });
    expect(await removeFromWaitlist(db, staff, { id: p.entryId, reason: "again" }, NOW)).toBeNull();
  });
});
