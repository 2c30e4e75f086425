import { expect, it } from "vitest";
import { draftTokenFrom, forgetDraft, readDraft, writeDraft, type DraftCookies } from "@/lib/intake-form/draft";
import { signToken } from "@/lib/tokens";
import { describeEachDb, type TestDb } from "./support";

const SECRET = "test-secret-test-secret-test-secret-0123";
const NOW = new Date("2026-11-24T12:00:00Z");
const COOKIE = "bt_intake_draft";
const OPTIONS = { httpOnly: true, sameSite: "lax" as const, secure: false, path: "/", maxAge: 7 * 24 * 3600 };

/** One browser's cookie jar, as Next's cookies() gives it to the draft. */
function browser(cookie?: string): DraftCookies & { value(): string | undefined } {
  const jar = new Map<string, string>(cookie === undefined ? [] : [[COOKIE, cookie]]);
  return {
    get: (name) => (jar.has(name) ? { value: jar.get(name)! } : undefined),
    set: (name, value) => void jar.set(name, value),
    delete: (name) => void jar.delete(name),
    value: () => jar.get(COOKIE),
  };
}

const contact = (firstName: string) => ({ answers: { contact: { firstName } }, completedSteps: ["about-you"] });
const read = (db: TestDb["db"], jar: DraftCookies) => readDraft(db, jar, { secret: SECRET, now: NOW });
const write = (db: TestDb["db"], jar: DraftCookies, firstName: string) =>
  writeDraft(db, jar, contact(firstName), { secret: SECRET, now: NOW, cookie: OPTIONS });

describeEachDb("draft tokens are only ever issued by the server", (ctx) => {
  it("keeps a patient's draft across pages under a cookie the server issued", async () => {
    const { db } = ctx();
    const patient = browser();
    await write(db, patient, "Ana");
    expect(draftTokenFrom(patient.value(), SECRET)).not.toBeNull();
    expect((await read(db, patient)).answers).toEqual({ contact: { firstName: "Ana" } });
    await write(db, patient, "Ana María");
    expect((await read(db, patient)).answers).toEqual({ contact: { firstName: "Ana María" } });
    await forgetDraft(db, patient, { secret: SECRET });
    expect(patient.value()).toBeUndefined();
  });

  it("a planted cookie the server did not issue opens nothing and starts a fresh draft under a new token", async () => {
    const { db } = ctx();
    // The attacker sets the victim's cookie to a token of their choosing (a sibling subdomain can).
    const planted = "attacker-chosen-token-attacker-chosen-token";
    const victim = browser(planted);
    expect(await read(db, victim)).toEqual({ answers: {}, completedSteps: [] });
    await write(db, victim, "Victim");
    expect(victim.value()).not.toBe(planted);
    expect(victim.value()).not.toContain(planted);
    // The attacker, holding the planted value, reads nothing of what the victim typed.
    expect(await read(db, browser(planted))).toEqual({ answers: {}, completedSteps: [] });
    expect((await read(db, victim)).answers).toEqual({ contact: { firstName: "Victim" } });
  });

  it("a forged or foreign MAC is refused: only AUTH_SECRET makes a valid cookie", async () => {
    const { db } = ctx();
    const patient = browser();
    await write(db, patient, "Ana");
    const [token] = patient.value()!.split(".");
    for (const forged of [
      `${token}.${"A".repeat(43)}`,
      token!,
      signToken("another-secret-another-secret-12345", "intake-draft", token!),
    ]) {
      expect(draftTokenFrom(forged, SECRET), forged).toBeNull();
      expect(await read(db, browser(forged))).toEqual({ answers: {}, completedSteps: [] });
    }
  });

  it("a genuine cookie known in advance stops opening the draft at the victim's first save", async () => {
    const { db } = ctx();
    // The attacker starts a draft of their own, so holds a cookie the server really issued, and
    // plants it in the victim's browser.
    const attacker = browser();
    await write(db, attacker, "Attacker");
    const known = attacker.value()!;
    const victim = browser(known);
    await write(db, victim, "Victim"); // the victim fills in the first page
    expect(victim.value()).not.toBe(known);
    // The token the attacker knows opens nothing any more; the victim's draft is theirs alone.
    expect(await read(db, attacker)).toEqual({ answers: {}, completedSteps: [] });
    expect((await read(db, victim)).answers).toEqual({ contact: { firstName: "Victim" } });
    // Every save moves the draft to a new token: an older cookie of the victim's opens nothing either.
    const before = victim.value()!;
    await write(db, victim, "Victim Two");
    expect(await read(db, browser(before))).toEqual({ answers: {}, completedSteps: [] });
  });
});
