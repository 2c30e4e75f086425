import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { devMailbox } from "../schema";

export type NewMailboxEmail = typeof devMailbox.$inferInsert;

/** The development mailbox, newest first. */
export function listMailbox(db: Db, { limit = 100 }: { limit?: number } = {}) {
  return db
    .select({
      outboxId: devMailbox.outboxId,
      kind: devMailbox.kind,
      to: devMailbox.to,
      subject: devMailbox.subject,
      createdAt: devMailbox.createdAt,
    })
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}

/** One email in the development mailbox, or null. */
export async function getMailboxEmail(db: Db, outboxId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(outboxId)) return null;
  const rows = await db.select().from(devMailbox).where(eq(devMailbox.outboxId, outboxId)).limit(1);
  return rows[0] ?? null;
}

/** Stores a sent email in the development mailbox; a repeat of the same outbox email is ignored. */
export async function insertMailboxEmail(db: Db, email: NewMailboxEmail): Promise<void> {
  await db.insert(devMailbox).values(email).onConflictDoNothing();
}
