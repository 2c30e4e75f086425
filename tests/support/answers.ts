import vignettes from "../fixtures/clinical/vignettes-public.json" with { type: "json" };

type Vignette = (typeof vignettes)[number];

/** A vignette's intake with its date of birth made real: `age` full years before `now`. */
export function vignetteIntake(id: string, now: Date): Vignette["intake"] {
  const v = vignettes.find((x) => x.id === id);
  if (!v) throw new Error(`no vignette ${id}`);
  const intake = structuredClone(v.intake);
  intake.contact.dateOfBirth = dateYearsBefore(now, v.ageAtGrading);
  return intake;
}

/** YYYY-MM-DD exactly `years` before `now` (UTC calendar), so the age is exactly `years`. */
// A birthday two days ago: the server grades in the clinic's zone, whose date may still be
// yesterday's while it is already tomorrow in UTC (00:00–05:00 UTC for New York), and a birthday of
// "today" in UTC would then make the patient a year younger (P13, 19, fired S3a "age <= 18").
export function dateYearsBefore(now: Date, years: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - 2));
  return d.toISOString().slice(0, 10);
}

export const VIGNETTES = vignettes;
