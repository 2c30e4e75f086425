// The waitlist form's fields and the body it becomes (`joinWaitlist`'s), shared by the page, its
// form and its action. Plain form names so the form posts without JavaScript: `mode` ("any" or
// "times"), one `times` checkbox per weekday and part of the day ("mon.morning"), `notBefore`.
import { DAY_PARTS, WEEKDAY_KEYS, type Availability, type DayPart, type WeekdayKey } from "@/lib/waitlist";

export type WaitlistValues = { mode: "" | "any" | "times"; times: string[]; notBefore: string };

export type WaitlistFormState = {
  status: "idle" | "error";
  values: WaitlistValues;
  fieldErrors?: Partial<Record<"mode" | "times" | "notBefore", string>>;
};

/** The checkbox value for a weekday and part of the day, e.g. "mon.morning". */
export const timeValue = (day: WeekdayKey, part: DayPart) => `${day}.${part}`;

/** The element id of a form field or checkbox (summary links point here). */
export const inputId = (name: string) => name.replace(/\./g, "-");

/** The form's values for a stored choice (the waiting entry being changed). */
export function valuesFromChoice(availability: unknown, notBefore: string | null): WaitlistValues {
  const times =
    availability && typeof availability === "object"
      ? WEEKDAY_KEYS.flatMap((day) => {
          const parts = (availability as Partial<Record<WeekdayKey, unknown>>)[day];
          return Array.isArray(parts) ? DAY_PARTS.filter((p) => parts.includes(p)).map((p) => timeValue(day, p)) : [];
        })
      : [];
  return { mode: availability === "any" ? "any" : times.length ? "times" : "", times, notBefore: notBefore ?? "" };
}

/** What was posted, as plain values (anything unknown dropped). */
export function valuesFromForm(form: FormData): WaitlistValues {
  const mode = form.get("mode");
  const notBefore = form.get("notBefore");
  const known = new Set(WEEKDAY_KEYS.flatMap((d) => DAY_PARTS.map((p) => timeValue(d, p))));
  const times = form.getAll("times").filter((t): t is string => typeof t === "string" && known.has(t));
  return {
    mode: mode === "any" || mode === "times" ? mode : "",
    times: [...new Set(times)],
    notBefore: typeof notBefore === "string" ? notBefore.trim() : "",
  };
}

/**
 * The availability the values ask for, or the field error to show. Ticked times with no choice
 * of mode mean "only at these times" (the patient ticked them; the radio is easy to miss).
 */
export function availabilityFromValues(
  values: WaitlistValues,
): { ok: true; availability: Availability } | { ok: false; field: "mode" | "times"; message: string } {
  if (values.mode === "any") return { ok: true, availability: "any" };
  if (values.times.length === 0)
    return values.mode === "times"
      ? { ok: false, field: "times", message: "Choose at least one day and time, or Any day and time" }
      : { ok: false, field: "mode", message: "Choose Any day and time, or the days and times that suit you" };
  const days: Partial<Record<WeekdayKey, DayPart[]>> = {};
  for (const t of values.times) {
    const [day, part] = t.split(".") as [WeekdayKey, DayPart];
    days[day] = [...(days[day] ?? []), part];
  }
  return { ok: true, availability: days };
}
