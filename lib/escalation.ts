import type { Level } from "@/lib/triage";

/** Minutes staff have to acknowledge an escalated case of this level (EMERGENCY 15 min, URGENT 2 h). */
export const ACK_MINUTES: Partial<Record<Level, number>> = { EMERGENCY: 15, URGENT: 120 };

/** When a case must be acknowledged by, or null when its level has no deadline. */
export function acknowledgeBy(c: { level: Level; createdAt: Date }): Date | null {
  const minutes = ACK_MINUTES[c.level];
  return minutes ? new Date(c.createdAt.getTime() + minutes * 60_000) : null;
}
