import { RULES, type Level } from "@/lib/triage";

/** "EMERGENCY" → "Emergency", for staff screens (always as text, never colour alone). */
export const LEVEL_NAMES: Record<Level, string> = { EMERGENCY: "Emergency", URGENT: "Urgent", SOON: "Soon", ROUTINE: "Routine", SELF_CARE: "Self-care" };

export const REASON_NAMES: Record<string, string> = { level: "Graded", no_capacity: "No time within 7 days", overdue: "Overdue" };

/** A rule's plain summary by id. */
export function ruleSummary(id: string): string {
  return RULES.find((r) => r.id === id)?.summary ?? id;
}

export function ruleSources(id: string): readonly string[] {
  return RULES.find((r) => r.id === id)?.sources ?? [];
}

/** "12 min", "3 h 5 min", "2 days" */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} days`;
}
