import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeEach, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { setMfaPolicy } from "@/db/queries/mfa";
import { upsertStaff, setStaffPassword } from "@/db/queries/staff";
import { staffPasskeys, staffRecoveryCodes, staffSessions, staffTotp } from "@/db/schema";
import { seed } from "@/db/seed";
import {
  changeOwnPassword,
  confirmAppSetUp,
  finishPasskeyRegistration,
  mfaRequired,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  removeOwnApp,
  resetSecondFactors,
  SECOND_FACTOR_TRIES,
  SECOND_FACTOR_TRIES_PER_HOUR,
  startAppSetUp,
  verifyPasskey,
  verifySecondFactorCode,
  type RelyingParty,
} from "@/lib/staff/mfa";
import { hashPassword } from "@/lib/staff/passwords";
import { checkStaffSession } from "@/lib/staff/session";
import { checkSignIn } from "@/lib/staff/sign-in";
import { newSoftPasskey, softAssertion, softRegistration } from "../support/soft-authenticator";
import { describeEachDb, type TestDb } from "./support";

const NOW = new Date("2026-12-01T15:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const PASSWORD = "correct horse battery staple";
const RP: RelyingParty = { id: "clinic.example", origin: "https://clinic.example", name: "BackTrack staff" };
let n = 0;

type Db = TestDb["db"];

async function member(db: Db, role: "admin" | "clinician" | "reception" = "clinician") {
  const email = `mfa${++n}@clinic.test`;
  const { id } = await upsertStaff(db, { email, name: `Staff ${n}`, role, passwordHash: await hashPassword(PASSWORD) });
  return { id, email, name: `Staff ${n}` };
}

/** Signs in with the password: the session and the person as the MFA steps see them. */
async function signIn(db: Db, who: { id: string; email: string; name: string }, now = NOW, password = PASSWORD) {
  const r = await checkSignIn(db, {
    email: who.email,
    password,
    client: `client-${who.id}`,
    clientAddress: "192.0.2.7",
    now,
    limitPerMinute: 1000,
  });
  if (!r.ok) throw new Error(`sign-in refused: ${r.reason}`);
  return { ...who, sessionId: r.sessionId, clientAddress: "192.0.2.7" };
}

async function stepOf(db: Db, sessionId: string, now = NOW) {
  const check = await checkStaffSession(db, { sessionId, now, background: false });
  return check.staff ? check.step : `ended:${check.ended}`;
}

/** Sets up an authenticator app for the person and returns its secret. */
async function withApp(db: Db, person: Awaited<ReturnType<typeof signIn>>, now = NOW) {
  const setUp = await startAppSetUp(db, person, now);
  if (!("secret" in setUp)) throw new Error("refused");
  const code = await generate({ secret: setUp.secret, epoch: Math.floor(now.getTime() / 1000) });
  const added = await confirmAppSetUp(db, person, code, now);
  if (!added.ok) throw new Error(added.message);
  return { secret: setUp.secret, recoveryCodes: added.recoveryCodes! };
}

const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

describeEachDb("staff second factor", (ctx) => {
  // The tests share a database: each starts from the clinic's policy "optional".
  beforeEach(async () => {
    const { db } = ctx();
    await seed(db);
    await setMfaPolicy(db, "optional", NOW);
  });

  it("is required by default in production only, and the clinic's choice wins", () => {
    expect(mfaRequired(null, "production")).toBe(true);
    expect(mfaRequired(null, "development")).toBe(false);
    expect(mfaRequired("optional", "production")).toBe(false);
    expect(mfaRequired("required", "development")).toBe(true);
  });

  it("when required, someone without a factor must set one up before any staff page; adding it completes this sign-in", async () => {
    const { db } = ctx();
    const who = await signIn(db, await member(db));
    expect(await stepOf(db, who.sessionId)).toBeNull();
    await setMfaPolicy(db, "required", NOW);
    expect(await stepOf(db, who.sessionId)).toBe("set_up");
    const { recoveryCodes } = await withApp(db, who);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await stepOf(db, who.sessionId)).toBeNull();
    // Codes are stored hashed only.
    const stored = await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, who.id));
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    const trail = await listAudit(db, { subjectId: who.id });
    expect(trail.map((e) => e.action)).toContain("mfa_app_added");
  });

  it("asks the next sign-in for a code from the app; a code is accepted once, never replayed", async () => {
    const { db } = ctx();
    const person = await member(db);
    const { secret } = await withApp(db, await signIn(db, person));
    const later = at(120);
    const who = await signIn(db, person, later);
    expect(await stepOf(db, who.sessionId, later)).toBe("second_factor");
    const code = await codeAt(secret, later);
    expect(await verifySecondFactorCode(db, who, code, later)).toEqual({ ok: true, method: "totp" });
    expect(await stepOf(db, who.sessionId, later)).toBeNull();
    // The same code on another sign-in within its 30 seconds: refused (someone watching the screen).
    const again = await signIn(db, person, at(125));
    expect(await verifySecondFactorCode(db, again, code, at(125))).toMatchObject({ ok: false, reason: "wrong" });
    // The app's secret is sealed, not stored as given.
    const [row] = await db.select().from(staffTotp).where(eq(staffTotp.userId, person.id));
    expect(row!.secretSealed).not.toContain(secret);
  });

  it(`ends the sign-in after ${SECOND_FACTOR_TRIES} wrong codes, so codes cannot be guessed at leisure`, async () => {
    const { db } = ctx();
    const person = await member(db);
    await withApp(db, await signIn(db, person));
    const who = await signIn(db, person, at(60));
    for (let i = 1; i < SECOND_FACTOR_TRIES; i++) {
      expect(await verifySecondFactorCode(db, who, "000000", at(60 + i))).toEqual({
        ok: false,
        reason: "wrong",
        triesLeft: SECOND_FACTOR_TRIES - i,
      });
    }
    expect(await verifySecondFactorCode(db, who, "000000", at(70))).toMatchObject({ ok: false, reason: "ended" });
    expect(await stepOf(db, who.sessionId, at(71))).toBe("ended:ended");
    const actions = (await listAudit(db, { subjectId: person.id })).map((e) => e.action);
    expect(actions).toContain("second_factor_too_many_tries");
    expect(actions.filter((a) => a === "second_factor_failed")).toHaveLength(SECOND_FACTOR_TRIES);
  });

  it(`allows ${SECOND_FACTOR_TRIES_PER_HOUR} wrong codes an hour per account, however many times the password is used`, async () => {
    const { db } = ctx();
    const person = await member(db);
    const { secret } = await withApp(db, await signIn(db, person));
    for (let s = 0; s < SECOND_FACTOR_TRIES_PER_HOUR / SECOND_FACTOR_TRIES; s++) {
      const who = await signIn(db, person, at(60 + s));
      for (let i = 0; i < SECOND_FACTOR_TRIES; i++) await verifySecondFactorCode(db, who, "000000", at(60 + s));
    }
    const next = await signIn(db, person, at(100));
    // Even the right code is not looked at until the hour is over.
    expect(await verifySecondFactorCode(db, next, await codeAt(secret, at(100)), at(100))).toMatchObject({
      ok: false,
      reason: "ended",
    });
    const nextHour = new Date(Math.ceil(at(100).getTime() / 3_600_000) * 3_600_000 + 1000);
    const fresh = await signIn(db, person, nextHour);
    expect(await verifySecondFactorCode(db, fresh, await codeAt(secret, nextHour), nextHour)).toMatchObject({
      ok: true,
    });
  });

  it("a session still owing its second factor cannot add a factor or set a password without the current one", async () => {
    const { db } = ctx();
    const person = await member(db);
    await withApp(db, await signIn(db, person));
    const thief = await signIn(db, person, at(60));
    const key = newSoftPasskey();
    const options = await passkeyRegistrationOptions(db, thief, at(61), RP);
    expect(
      await finishPasskeyRegistration(db, thief, softRegistration(key, options, RP.origin), "Mine", at(62), RP),
    ).toMatchObject({ ok: false });
    expect(await db.select().from(staffPasskeys).where(eq(staffPasskeys.userId, person.id))).toHaveLength(0);
    expect(await stepOf(db, thief.sessionId, at(63))).toBe("second_factor");
    expect(await changeOwnPassword(db, thief, { password: "the thief's password" }, at(64))).toMatchObject({
      ok: false,
      field: "current",
    });
  });

  it("removing the last factor also removes the unused recovery codes", async () => {
    const { db } = ctx();
    const person = await member(db);
    const who = await signIn(db, person);
    const { recoveryCodes } = await withApp(db, who);
    expect(await removeOwnApp(db, who, "optional", at(5))).toEqual({ ok: true });
    expect(await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, person.id))).toHaveLength(0);
    await withApp(db, who, at(40));
    const later = await signIn(db, person, at(80));
    expect(await verifySecondFactorCode(db, later, recoveryCodes[0]!, at(81))).toMatchObject({ ok: false });
  });

  it("a recovery code signs in once (any case, with or without its dash), then never again", async () => {
    const { db } = ctx();
    const person = await member(db);
    const { recoveryCodes } = await withApp(db, await signIn(db, person));
    const who = await signIn(db, person, at(60));
    const code = recoveryCodes[3]!;
    expect(await verifySecondFactorCode(db, who, code.replace("-", "").toUpperCase().toLowerCase(), at(61))).toEqual({
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: 9,
    });
    const next = await signIn(db, person, at(120));
    expect(await verifySecondFactorCode(db, next, code.replace("-", ""), at(121))).toMatchObject({ ok: false });
    expect(await stepOf(db, next.sessionId, at(122))).toBe("second_factor");
  });

  it("a passkey registers and then signs in; a signature for another site, or replayed, is refused", async () => {
    const { db } = ctx();
    const person = await member(db);
    const first = await signIn(db, person);
    const key = newSoftPasskey();
    const creation = await passkeyRegistrationOptions(db, first, NOW, RP);
    expect(creation.rp.id).toBe("clinic.example");
    const added = await finishPasskeyRegistration(
      db,
      first,
      softRegistration(key, creation, RP.origin),
      "Desk PC",
      NOW,
      RP,
    );
    expect(added).toMatchObject({ ok: true });
    expect(await db.select().from(staffPasskeys).where(eq(staffPasskeys.userId, person.id))).toHaveLength(1);

    const who = await signIn(db, person, at(60));
    expect(await stepOf(db, who.sessionId, at(60))).toBe("second_factor");
    // A phishing site's origin: the browser would sign its own origin into the client data.
    const phished = await passkeyAuthenticationOptions(db, who, at(61), RP);
    const wrongOrigin = softAssertion(key, phished!, "https://clinic-example.evil");
    expect(await verifyPasskey(db, who, wrongOrigin, at(62), RP)).toMatchObject({ ok: false, reason: "wrong" });

    const options = await passkeyAuthenticationOptions(db, who, at(63), RP);
    const assertion = softAssertion(key, options!, RP.origin);
    expect(await verifyPasskey(db, who, assertion, at(64), RP)).toEqual({ ok: true, method: "passkey" });
    expect(await stepOf(db, who.sessionId, at(65))).toBeNull();
    // The same signature again: its challenge was used up.
    const other = await signIn(db, person, at(90));
    expect(await verifyPasskey(db, other, assertion, at(91), RP)).toMatchObject({ ok: false });
    const [stored] = await db.select().from(staffPasskeys).where(eq(staffPasskeys.userId, person.id));
    expect(stored!.signCount).toBe(key.signCount); // the accepted signature's count
    expect(stored!.lastUsedAt).toEqual(at(64));
  });

  it("a password an admin set must be replaced at the next sign-in, after the second factor", async () => {
    const { db } = ctx();
    const person = await member(db);
    const { secret } = await withApp(db, await signIn(db, person));
    await setStaffPassword(db, person.id, await hashPassword("admin-chose-this-one"));
    const who = await signIn(db, person, at(60), "admin-chose-this-one");
    expect(await stepOf(db, who.sessionId, at(60))).toBe("second_factor");
    await verifySecondFactorCode(db, who, await codeAt(secret, at(61)), at(61));
    expect(await stepOf(db, who.sessionId, at(61))).toBe("change_password");
    expect(await changeOwnPassword(db, who, { password: "admin-chose-this-one" }, at(62))).toMatchObject({
      ok: false,
      field: "password",
    });
    expect(await changeOwnPassword(db, who, { password: "only I know this one" }, at(63))).toMatchObject({ ok: true });
    expect(await stepOf(db, who.sessionId, at(64))).toBeNull();
    await expect(signIn(db, person, at(200), "admin-chose-this-one")).rejects.toThrow("refused");
    await signIn(db, person, at(201), "only I know this one");
  });

  it("changing one's own password needs the current one and signs out the other devices", async () => {
    const { db } = ctx();
    const person = await member(db);
    const here = await signIn(db, person);
    const there = await signIn(db, person, at(1));
    expect(await changeOwnPassword(db, here, { current: "wrong", password: "a brand new password" }, at(2))).toEqual({
      ok: false,
      field: "current",
      message: "That is not your current password",
    });
    expect(await changeOwnPassword(db, here, { current: PASSWORD, password: "a brand new password" }, at(3))).toEqual({
      ok: true,
      otherSessionsEnded: 1,
    });
    expect(await stepOf(db, there.sessionId, at(4))).toBe("ended:ended");
    expect(await stepOf(db, here.sessionId, at(4))).toBeNull();
    const trail = await listAudit(db, { subjectId: person.id });
    const changed = trail.find((e) => e.action === "password_changed")!;
    expect(JSON.stringify(changed)).not.toContain("a brand new password");
  });

  it("keeps the last factor while the clinic requires one; an admin can reset a lost one, not their own", async () => {
    const { db } = ctx();
    const person = await member(db);
    const admin = await member(db, "admin");
    const who = await signIn(db, person);
    await withApp(db, who);
    await setMfaPolicy(db, "required", NOW);
    expect(await removeOwnApp(db, who, "required", at(4))).toMatchObject({ ok: false });
    const adminActor = { id: admin.id, email: admin.email, clientAddress: "192.0.2.1" };
    expect(await resetSecondFactors(db, adminActor, admin.id, at(5))).toMatchObject({ ok: false });
    expect(await resetSecondFactors(db, adminActor, person.id, at(5))).toEqual({ ok: true });
    expect(await stepOf(db, who.sessionId, at(6))).toBe("ended:ended");
    expect(await db.select().from(staffTotp).where(eq(staffTotp.userId, person.id))).toHaveLength(0);
    expect(await db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, person.id))).toHaveLength(0);
    const fresh = await signIn(db, person, at(10));
    expect(await stepOf(db, fresh.sessionId, at(10))).toBe("set_up");
    const reset = (await listAudit(db, { subjectId: person.id })).find((e) => e.action === "mfa_reset")!;
    expect(reset.actorId).toBe(admin.id);
    const sessions = await db.select().from(staffSessions).where(eq(staffSessions.userId, person.id));
    expect(sessions.filter((s) => !s.endedAt)).toHaveLength(1); // only the fresh one
  });
});
