// Integration keys (issue 21): created and revoked by admins on the settings page, presented by
// integrations as `Authorization: Bearer`. Only a key's hash is stored and looked up.
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys } from "../schema";

/** A key as the settings page lists it: never its hash. */
const listed = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export type ListedApiKey = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function insertApiKey(
  db: Db,
  key: { name: string; prefix: string; secretHash: string; scopes: string[]; createdBy: string | null },
) {
  const rows = await db.insert(apiKeys).values(key).returning(listed);
  return rows[0]!;
}

/** Every key, live ones first, each group oldest first. */
export async function listApiKeys(db: Db) {
  return db
    .select(listed)
    .from(apiKeys)
    .orderBy(sql`${apiKeys.revokedAt} is not null`, asc(apiKeys.createdAt), asc(apiKeys.id));
}

/** The live (not revoked) key with this hash, or null. */
export async function findLiveApiKey(db: Db, secretHash: string) {
  const rows = await db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Records a use: at most one write a minute per key (the list shows minutes). */
export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000)))),
    );
}

/** Revokes a live key; false when it is unknown or already revoked. */
export async function revokeApiKey(db: Db, { id, by, now }: { id: string; by: string; now: Date }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(listed);
  return rows[0] ?? null;
}
