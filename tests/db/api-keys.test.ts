import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listApiKeys } from "@/db/queries/api-keys";
import { listAudit } from "@/db/queries/audit";
import { apiKeys } from "@/db/schema";
import { fieldErrors, parseThen } from "@/lib/forms";
import { checkApiKey, createApiKey, newApiKeySchema, revokeKey } from "@/lib/staff/api-keys";
import type { Actor } from "@/lib/staff/cases";
import { describeEachDb, type TestDb } from "./support";

const ADMIN: Actor = { id: randomUUID(), email: "admin@clinic.test", clientAddress: "127.0.0.1" };
const NOW = new Date("2026-12-04T15:00:00Z");

async function createKey(db: TestDb["db"], raw: Record<string, string>) {
  const result = await parseThen(newApiKeySchema, raw, (input) => createApiKey(db, ADMIN, input));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.created;
}

const use = (db: TestDb["db"], token: string, scope: Parameters<typeof checkApiKey>[1]["scope"], limit?: number) =>
  checkApiKey(db, {
    token,
    scope,
    method: "GET",
    path: "/api/v1/staff/patients",
    clientAddress: "203.0.113.9",
    now: NOW,
    limit,
  });

describeEachDb("integration keys", (ctx) => {
  it("creates a key shown once: only its hash is stored, the list and the audit trail never hold it", async () => {
    const { db } = ctx();
    const created = await createKey(db, { name: "EHR import", scope_patients_read: "on", scope_fhir_read: "on" });
    expect(created.key).toMatch(/^btk_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["patients:read", "fhir:read"]);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.secretHash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = (await listApiKeys(db)).find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ name: "EHR import", prefix: created.key.slice(0, 12), lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(12));
    const audit = await listAudit(db, { subjectId: created.id });
    expect(audit.map((a) => a.action)).toEqual(["api_key_created"]);
    expect(audit[0]).toMatchObject({ actorEmail: ADMIN.email, after: { name: "EHR import" } });
    expect(JSON.stringify(audit)).not.toContain(created.key.slice(12));
  });

  it("refuses a key without a name or a scope, beside the field", async () => {
    const { db } = ctx();
    const before = (await listApiKeys(db)).length;
    const noScope = newApiKeySchema.safeParse({ name: "Wallboard" });
    expect(noScope.success).toBe(false);
    expect(fieldErrors(noScope.error!)["scope_cases_read"]?.[0]).toMatch(/at least one scope/);
    const noName = newApiKeySchema.safeParse({ name: " ", scope_cases_read: "on" });
    expect(fieldErrors(noName.error!).name?.[0]).toMatch(/Enter the key's name/);
    expect((await listApiKeys(db)).length).toBe(before);
  });

  it("lets a key do what its scopes allow, audits every use and notes when it was last used", async () => {
    const { db } = ctx();
    const { key, id } = await createKey(db, { name: "Practice system", scope_patients_read: "on" });
    const ok = await use(db, key, "patients:read");
    expect(ok).toMatchObject({ ok: true, key: { id, name: "Practice system" } });
    const used = await listAudit(db, { subjectId: id, action: "api_key_used" });
    expect(used[0]).toMatchObject({
      actorId: id,
      actorEmail: expect.stringContaining("Practice system"),
      clientAddress: "203.0.113.9",
      after: { method: "GET", path: "/api/v1/staff/patients", scope: "patients:read" },
    });
    expect((await listApiKeys(db)).find((k) => k.id === id)!.lastUsedAt).toEqual(NOW);

    // Another scope, or a handler for people only: 403, recorded too.
    expect(await use(db, key, "appointments:write")).toMatchObject({
      ok: false,
      status: 403,
      code: "insufficient_scope",
    });
    expect(await use(db, key, undefined)).toMatchObject({ ok: false, status: 403 });
    expect((await listAudit(db, { subjectId: id, action: "api_key_refused" })).length).toBe(2);

    // A wrong, mangled or empty key: 401.
    expect(await use(db, `${key.slice(0, -1)}x`, "patients:read")).toMatchObject({ ok: false, status: 401 });
    expect(await use(db, "", "patients:read")).toMatchObject({ ok: false, status: 401 });
  });

  it("stops a revoked key at once, and counts each key's requests against its own limit", async () => {
    const { db } = ctx();
    const a = await createKey(db, { name: "A", scope_cases_read: "on" });
    const b = await createKey(db, { name: "B", scope_cases_read: "on" });
    for (let i = 0; i < 3; i++) expect((await use(db, a.key, "cases:read", 3)).ok).toBe(true);
    expect(await use(db, a.key, "cases:read", 3)).toMatchObject({
      ok: false,
      status: 429,
      retryAfterSeconds: expect.any(Number),
    });
    expect((await use(db, b.key, "cases:read", 3)).ok).toBe(true);

    expect(await revokeKey(db, ADMIN, { id: b.id }, NOW)).toEqual({ ok: true });
    expect(await use(db, b.key, "cases:read")).toMatchObject({ ok: false, status: 401, code: "invalid_key" });
    expect((await revokeKey(db, ADMIN, { id: b.id }, NOW)).ok).toBe(false);
    expect((await listApiKeys(db)).find((k) => k.id === b.id)!.revokedAt).toEqual(NOW);
    expect((await listAudit(db, { subjectId: b.id, action: "api_key_revoked" })).length).toBe(1);
  });
});
