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
export function dateYearsBefore(now: Date, years: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export const VIGNETTES = vignettes;
