// "At a glance" on the case queue: intakes per day by level over 30 days, and how fast cases are
// acknowledged. Read at most once a minute per process: it is history, and the queue page must stay
// fast on a clinic with a million intakes.
import type { Db } from "@/db/client";
import { intakesPerDay, medianAcknowledgeMinutes } from "@/db/queries/dashboard";
import { cached } from "@/lib/clinic-settings";
import { glanceTableHtml, type Glance } from "./glance-svg";
import { addLocalDays, localDate, localInstant } from "@/lib/scheduling/zoned";
import { LEVELS, type Level } from "@/lib/triage";

export type { Glance } from "./glance-svg";

export const GLANCE_DAYS = 30;
const TTL_MS = 60_000;

/** The numbers, and the table of them as HTML (made with them, once a minute). */
export type GlanceView = Glance & { tableHtml: string };

/** The last 30 local days (today included) and the median times to acknowledge over them. */
export async function atAGlance(db: Db, now: Date, timeZone: string): Promise<GlanceView> {
  const today = localDate(now, timeZone);
  // Keyed by the day too, so the chart moves on at midnight rather than up to a minute later.
  return cached(db, `glance|${today}|${timeZone}`, () => readGlance(db, today, timeZone), TTL_MS);
}

async function readGlance(db: Db, today: string, timeZone: string): Promise<GlanceView> {
  const first = addLocalDays(today, 1 - GLANCE_DAYS);
  const since = localInstant(first, "00:00", timeZone);
  const [perDay, medians] = await Promise.all([
    intakesPerDay(db, { since, timeZone }),
    medianAcknowledgeMinutes(db, { since }),
  ]);
  const days = Array.from({ length: GLANCE_DAYS }, (_, i) => {
    const day = addLocalDays(first, i);
    const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
    for (const r of perDay) if (r.day === day) counts[r.level] += r.n;
    return { day, counts, total: LEVELS.reduce((sum, l) => sum + counts[l], 0) };
  });
  const glance = { days, medians: medians.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level)) };
  return { ...glance, tableHtml: glanceTableHtml(glance) };
}
