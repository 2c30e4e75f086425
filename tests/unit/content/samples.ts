// Result pages worked out for every stored test vector of both released rulesets (2026.11 and
// 2026.12), as the result page would: their texts feed the readability checks, and the result
// tests check invariants on all of them.
import {
  CARD_IDS,
  emergencyAdvice,
  resultContent,
  type CardId,
  type ClinicHoursNow,
  type ResultContent,
  type StoredAnswers,
} from "@/lib/content";
import { ageAt, safetyNet, type IntakeAnswers, type Level } from "@/lib/triage";
import vectors202611 from "../../fixtures/clinical/vectors-2026.11.json";
import vectors202612 from "../../fixtures/clinical/vectors-2026.12.json";

export type Sample = {
  version: string;
  level: Level;
  firedRuleIds: string[];
  answers: StoredAnswers;
  age: number;
  createdAt: Date;
  timeZone: string;
};

type VectorFile = {
  rulesetVersion: string;
  gradedAt: string;
  timeZone: string;
  vectors: { answers: unknown; level: string; firedRules: string[] }[];
};

function fromFile(file: VectorFile): Sample[] {
  const createdAt = new Date(file.gradedAt);
  return file.vectors.map((v) => {
    const answers = v.answers as StoredAnswers;
    return {
      version: file.rulesetVersion,
      level: v.level as Level,
      firedRuleIds: v.firedRules,
      answers,
      age: ageAt(answers.contact.dateOfBirth, createdAt, file.timeZone),
      createdAt,
      timeZone: file.timeZone,
    };
  });
}

/** Every stored vector of both released versions. */
export const SAMPLES: readonly Sample[] = [
  ...fromFile(vectors202611 as VectorFile),
  ...fromFile(vectors202612 as VectorFile),
];

/** The result page's content for a sample, as app/intake/[key]/result/page.tsx builds it. */
export function resultFor(
  s: Sample,
  {
    emergencyNumber = "999",
    seen = null,
    hours = null,
    outOfHoursPhone = null,
  }: {
    emergencyNumber?: string | null;
    seen?: readonly CardId[] | null;
    hours?: ClinicHoursNow | null;
    outOfHoursPhone?: string | null;
  } = {},
): ResultContent {
  const net =
    s.version === "2026.12" && s.level !== "EMERGENCY"
      ? safetyNet(s.answers as IntakeAnswers, { now: s.createdAt, timeZone: s.timeZone })
      : null;
  return resultContent({
    version: s.version,
    level: s.level,
    firedRuleIds: s.firedRuleIds,
    answers: s.answers,
    age: s.age,
    phone: "+44 7700 900123",
    clinicPhone: "020 7946 0000",
    emergencyNumber,
    safetyNet: net,
    seen,
    hours,
    outOfHoursPhone,
  });
}

/** The clinic's hours a page may be shown in: open, closing before the call is due, closed. */
export const HOURS: readonly ClinicHoursNow[] = [
  { state: "open", ackMinutes: 120 },
  { state: "closing", closesAt: "today at 6:00\u00a0pm", opensAt: "tomorrow at 8:00\u00a0am" },
  { state: "closed", opensAt: "on Monday 7 December at 8:00\u00a0am" },
  { state: "closed", opensAt: null },
];

/**
 * What the result pages of the samples show, plus each card on its own (adult, child, sent or
 * not). The rule summaries ("why we said this") are the engine's released texts, left out here.
 */
export function resultPages(): unknown[] {
  const pages = SAMPLES.flatMap((s) => [
    resultFor(s),
    resultFor(s, { emergencyNumber: null, seen: CARD_IDS }),
    // EMERGENCY and URGENT pages change with the clinic's hours.
    ...(s.level === "EMERGENCY" || s.level === "URGENT"
      ? HOURS.map((hours) => resultFor(s, { hours, outOfHoursPhone: "NHS 111" }))
      : []),
  ]).map((page) => ({ ...page, reasons: [] }));
  const cards = CARD_IDS.flatMap((id) =>
    [true, false].flatMap((child) =>
      [true, false].map((sent) =>
        emergencyAdvice({
          firedRuleIds: [],
          version: "2026.12",
          answers: null,
          emergencyNumber: "112",
          sent,
          child,
          cards: [id],
        }),
      ),
    ),
  );
  return [pages, cards];
}
