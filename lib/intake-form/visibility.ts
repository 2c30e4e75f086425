// Which questions of a page apply, given the answers on the page as the form posts them. Pure and
// framework-free: the browser uses it to show follow-ups as the patient answers, and the server uses
// the same function when JavaScript is off, so both always agree.
import { fullYearsBetween, parseIsoDate } from "@/lib/triage/dates";
import type { FieldView, RawValues, RevealCondition } from "./model";

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The date typed into the three boxes of date field `name`, as YYYY-MM-DD (may be no real date). */
export function typedDate(values: RawValues, name: string): string {
  const part = (p: string) => {
    const v = values[`${name}.${p}`];
    return (typeof v === "string" ? v : "").trim();
  };
  const [d, m, y] = [part("day"), part("month"), part("year")];
  if (!d && !m && !y) return "";
  return `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** Age in full years on `today` (YYYY-MM-DD) for a date of birth, or null when either is not a real date. */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const dob = parseIsoDate(dateOfBirth);
  const on = parseIsoDate(today);
  if (dob < 0 || on < 0 || dob > on) return null;
  return fullYearsBetween(dob, on);
}

function holds(condition: RevealCondition, values: RawValues): boolean {
  if ("values" in condition) return asList(values[condition.name]).some((v) => condition.values.includes(v));
  const age = ageOn(typedDate(values, condition.name), condition.today);
  return age !== null && age < condition.ageUnder;
}

/**
 * The names of the fields shown for these values. A follow-up shows when any of its conditions
 * holds on a field that is itself shown, so a follow-up of a hidden question stays hidden.
 */
export function visibleNames(fields: readonly FieldView[], values: RawValues): Set<string> {
  const visible = new Set<string>();
  const all = new Set(fields.map((f) => f.name));
  for (const field of fields) {
    const when = field.revealWhen;
    if (!when || when.some((c) => (!all.has(c.name) || visible.has(c.name)) && holds(c, values)))
      visible.add(field.name);
  }
  return visible;
}

/** Whether a field asks something (a notice only informs). */
export const isQuestion = (field: FieldView) => field.kind !== "notice";

/** The posted values that belong to these fields (a name, or a part of it such as `x.day` or `x.unknown`). */
export function valuesOf(fields: readonly FieldView[], values: RawValues): RawValues {
  const out: RawValues = {};
  for (const [key, value] of Object.entries(values)) {
    if (fields.some((f) => key === f.name || key.startsWith(`${f.name}.`))) out[key] = value;
  }
  return out;
}
