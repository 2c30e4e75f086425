// The offer order: who is asked first when a time is freed, and why, in words staff can check.
import { levelRank } from "@/common/vocabulary";
import { DAY, MINUTE } from "@/lib/scheduling/zoned";
import { LEVEL_NAMES } from "@/lib/staff/format";
import { fitsEntry, type FreedTime, type WaitlistEntry } from "./entry";

const HOUR = 60 * MINUTE;

type Ranked = Pick<WaitlistEntry, "id" | "level" | "deadline" | "joinedAt">;

/**
 * Offer order: more urgent level first (SOON, ROUTINE, SELF_CARE), then the nearer deadline (none
 * after any), then the longer wait, then id, so the order is total and the same on every worker.
 */
export function compareEntries(a: Ranked, b: Ranked): number {
  const level = levelRank[b.level] - levelRank[a.level];
  if (level !== 0) return level;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    const deadline = a.deadline.getTime() - b.deadline.getTime();
    if (deadline !== 0) return deadline;
  }
  const waited = a.joinedAt.getTime() - b.joinedAt.getTime();
  if (waited !== 0) return waited;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The entries in offer order (a new array; the input is left as it was). */
export function rankEntries<T extends Ranked>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

/** The patient a freed time is offered to: the first in offer order whom it fits, or null. */
export function bestEntryFor(
  slot: FreedTime,
  entries: readonly WaitlistEntry[],
  timeZone: string,
  now: Date,
): WaitlistEntry | null {
  return rankEntries(entries).find((entry) => fitsEntry(slot, entry, timeZone, now)) ?? null;
}

/** A length of time in whole units, rounded down: "under an hour", "5 hours", "1 day", "3 days". */
function span(ms: number): string {
  if (ms < HOUR) return "under an hour";
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  const days = Math.floor(ms / DAY);
  return days === 1 ? "1 day" : `${days} days`;
}

/** Why an entry sits where it does, for the staff list, e.g. "Soon: deadline in 2 days; waiting 3 days". */
export function whyRanked(entry: Ranked, now: Date): string {
  let deadline = "no deadline";
  if (entry.deadline !== null) {
    const left = entry.deadline.getTime() - now.getTime();
    deadline = left > 0 ? `deadline in ${span(left)}` : `deadline passed ${span(-left)} ago`;
  }
  const waited = Math.max(0, now.getTime() - entry.joinedAt.getTime());
  return `${LEVEL_NAMES[entry.level]}: ${deadline}; waiting ${span(waited)}`;
}
