// fast-check generator of VALID intake answers (they pass intakeAnswersSchema unchanged, cross-field
// rules included), biased towards the thresholds the rules test. Shared by tests and the benchmark.
import fc from "fast-check";
import type { IntakeAnswers } from "@/lib/triage";
import {
  asksPregnancy,
  CAUDA_ITEMS,
  caudaReported,
  legSymptomsPresent,
  MECHANISM_TRIGGERS,
  PAIN_LOCATIONS,
  pregnancyAsksWarningSigns,
} from "@/lib/triage";

const DAY_MS = 86_400_000;
// Answers arrive from JSON.parse as plain objects; fast-check would otherwise make some null-prototype.
const PLAIN = { noNullPrototype: true };
/** Ages at which some rule or flag changes its mind. */
const THRESHOLD_AGES = [18, 19, 35, 45, 49, 50, 59, 60, 69, 70, 120];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Usually false, now and then true: red flags at 50% would make nearly every intake an emergency. */
const rare = (trueOneIn = 25) =>
  fc.oneof({ arbitrary: fc.constant(false), weight: trueOneIn - 1 }, { arbitrary: fc.constant(true), weight: 1 });

/** A date of birth giving an age of 0..120 on the UTC calendar date of `now`. */
export function dateOfBirthArbitrary(now: Date): fc.Arbitrary<string> {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const today = Date.UTC(y, m, d);
  const oldest = Date.UTC(y - 121, m, d + 1);
  const anyDay = fc.integer({ min: oldest / DAY_MS, max: today / DAY_MS }).map((day) => isoDay(day * DAY_MS));
  // The birthday itself (age exactly N) or the day after it (age N-1: the birthday is tomorrow).
  const nearBirthday = fc
    .tuple(fc.constantFrom(...THRESHOLD_AGES), fc.constantFrom(0, 1))
    .map(([age, after]) => isoDay(Math.max(Date.UTC(y - age, m, d + after), oldest)));
  return fc.oneof(anyDay, nearBirthday);
}

/** Full years on the UTC calendar date of `now` (independent of the engine, so tests stay honest). */
function ageOn(dateOfBirth: string, now: Date): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const beforeBirthday = now.getUTCMonth() + 1 < bm || (now.getUTCMonth() + 1 === bm && now.getUTCDate() < bd);
  return now.getUTCFullYear() - by - (beforeBirthday ? 1 : 0);
}

const days = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 4 },
  { arbitrary: fc.constantFrom(13, 14, 15, 20, 21, 27, 28, 41, 42, 43, 90, 91), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 36500 }), weight: 1 },
);
const onset = fc.option(
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 120 }), weight: 3 },
    fc.constantFrom(0, 14, 15, 90, 91),
    fc.integer({ min: 0, max: 36500 }),
  ),
  { freq: 5 },
);
const yesNoUnsure = (yesOneIn = 30) =>
  fc.oneof(
    { arbitrary: fc.constant("no" as const), weight: yesOneIn * 2 },
    { arbitrary: fc.constant("yes" as const), weight: 1 },
    { arbitrary: fc.constant("unsure" as const), weight: 1 },
  );

type Sex = "female" | "male" | "other";

/** Which pages an intake answered: a completed form (most of them), or an early submission. */
export type IntakeShape = "complete" | "vascular-check" | "nerve-check" | "health-history";

/**
 * Valid IntakeAnswers (contract 2026.12) as the schema outputs them, with ages counted at `now`
 * (UTC calendar). Every cross-field rule of the contract holds. `early` mixes in early submissions
 * (stoppedAt set, later sections null); `only` fixes the shape.
 */
export function intakeAnswersArbitrary({
  now,
  early = false,
  only,
}: {
  now: Date;
  early?: boolean;
  only?: IntakeShape;
}): fc.Arbitrary<IntakeAnswers> {
  const contact = fc.record(
    {
      firstName: fc.constantFrom("Ann", "Bo", "Chidi", "María José", "Łukasz", "O'Neil", "Zoë"),
      lastName: fc.constantFrom("Smith", "Nguyen", "Okafor", "García-López", "Ó Briain"),
      email: fc
        .tuple(fc.constantFrom("ann", "bo.li", "c_o+tag"), fc.nat(9999))
        .map(([u, n]) => `${u}${n}@example.test`),
      phone: fc
        .tuple(fc.constantFrom("+44 7700 ", "(020) ", "555-"), fc.nat(999_999))
        .map(([p, n]) => `${p}${100_000 + n}`),
      dateOfBirth: dateOfBirthArbitrary(now),
      sex: fc.constantFrom<Sex>("female", "male", "other"),
    },
    PLAIN,
  );
  const pain = fc
    .record(
      {
        locations: fc.uniqueArray(fc.constantFrom(...PAIN_LOCATIONS), { minLength: 1, maxLength: 5 }),
        durationDays: days,
        onset: fc.constantFrom("sudden", "gradual"),
        trigger: fc.constantFrom(
          "none",
          "none",
          "lifting",
          "lifting",
          "running",
          "running",
          "minor_fall",
          "sport_impact",
          "major_trauma",
        ),
        mechanism: rare(8),
        intensity: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 10 })),
        pattern: fc.constantFrom("improving", "centralising", "stable", "worsening", "peripheralising"),
        nightPain: fc.constantFrom("none", "wakes_second_half", "constant_unrelieved"),
        worseOnCoughSneezeStrain: fc.boolean(),
        previousEpisodes: fc.boolean(),
      },
      PLAIN,
    )
    .map(({ mechanism, ...p }) => ({
      ...p,
      dangerousMechanism: MECHANISM_TRIGGERS.includes(p.trigger) ? mechanism : null,
    }));
  const legs = fc
    .record(
      {
        legPain: fc.constantFrom(
          "none",
          "none",
          "none",
          "above_knee",
          "above_knee",
          "below_knee_one_side",
          "below_knee_both_sides",
        ),
        legPainWorseThanBack: fc.boolean(),
        numbnessOrTingling: rare(4),
        numbnessLegs: fc.constantFrom("one_leg", "one_leg", "both_legs", "unsure"),
        weakness: fc.oneof(
          { arbitrary: fc.constant("none" as const), weight: 20 },
          fc.constantFrom("one_leg_stable", "one_leg_worsening", "both_legs"),
        ),
        difficultyWalking: rare(12),
        walkingKinds: fc.oneof(
          fc.uniqueArray(fc.constantFrom("unsteady", "one_leg_gives_way", "heavy_after_distance"), {
            minLength: 1,
            maxLength: 3,
          }),
          fc.constant<"unsure"[]>(["unsure"]),
        ),
        armOrHandSymptoms: rare(12),
        armHandSide: fc.constantFrom("one_side", "both_sides", "unsure"),
        armHandKind: fc.constantFrom("weakness_or_clumsiness", "numbness_or_tingling", "night_tingling_only", "unsure"),
        onsetDays: fc.record(
          { legPain: onset, numbness: onset, weakness: onset, walking: onset, armOrHand: onset },
          PLAIN,
        ),
        worsening: fc.option(fc.boolean(), { freq: 4 }),
      },
      PLAIN,
    )
    .map((l) => {
      const present = legSymptomsPresent(l);
      const anySymptom =
        l.legPain !== "none" || present.numbness || present.weakness || present.walking || present.armOrHand;
      const o = l.onsetDays;
      return {
        ...l,
        numbnessLegs: l.numbnessOrTingling ? l.numbnessLegs : null,
        walkingKinds: l.difficultyWalking ? l.walkingKinds : null,
        armHandSide: l.armOrHandSymptoms ? l.armHandSide : null,
        armHandKind: l.armOrHandSymptoms ? l.armHandKind : null,
        onsetDays: {
          legPain: present.legPain ? o.legPain : null,
          numbness: present.numbness ? o.numbness : null,
          weakness: present.weakness ? o.weakness : null,
          walking: present.walking ? o.walking : null,
          armOrHand: present.armOrHand ? o.armOrHand : null,
        },
        worsening: anySymptom ? l.worsening : null,
      };
    });
  const caudaSection = fc
    .record(
      {
        saddleNumbness: yesNoUnsure(),
        bladderChange: yesNoUnsure(),
        bowelChange: yesNoUnsure(),
        sexualFunctionChange: fc.oneof({ arbitrary: yesNoUnsure(), weight: 4 }, fc.constant("not_applicable" as const)),
        onsetDays: fc.record(
          { saddleNumbness: onset, bladderChange: onset, bowelChange: onset, sexualFunctionChange: onset },
          PLAIN,
        ),
        worsening: fc.option(fc.boolean()),
      },
      PLAIN,
    )
    .map((c) => {
      const o = c.onsetDays;
      return {
        ...c,
        onsetDays: {
          saddleNumbness: caudaReported(c.saddleNumbness) ? o.saddleNumbness : null,
          bladderChange: caudaReported(c.bladderChange) ? o.bladderChange : null,
          bowelChange: caudaReported(c.bowelChange) ? o.bowelChange : null,
          sexualFunctionChange: caudaReported(c.sexualFunctionChange) ? o.sexualFunctionChange : null,
        },
        worsening: CAUDA_ITEMS.some((item) => caudaReported(c[item])) ? c.worsening : null,
      };
    });
  const history = fc.record(
    {
      cancer: rare(),
      unexplainedWeightLoss: rare(),
      feverChillsOrSweats: rare(),
      feelsVeryUnwell: rare(),
      newConfusion: rare(60),
      immunosuppressed: rare(),
      ivDrugUse: rare(),
      diabetes: rare(),
      recentSpinalProcedure: rare(),
      recentInfection: rare(),
      longTermOralSteroids: rare(),
      osteoporosisOrFragilityFracture: rare(),
      anticoagulant: yesNoUnsure(12),
      pregnancy: fc.oneof(
        { arbitrary: fc.constant("no" as const), weight: 12 },
        fc.constantFrom("pregnant", "recently_pregnant", "unsure"),
      ),
      pregnancyWarningSigns: yesNoUnsure(3),
    },
    PLAIN,
  );
  const vascular = fc.record(
    {
      suddenSevereTearingPain: rare(),
      collapseOrFainting: rare(),
      knownAaa: rare(50),
      smokerOrEx: fc.boolean(),
      abdominalOrFlankPain: rare(4),
      calfPainOnWalkingRelievedByStanding: rare(),
    },
    PLAIN,
  );
  const inflammatory = fc.record(
    {
      onsetAge: fc.option(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(34, 35, 44, 45)), { freq: 2 }),
      wakingSecondHalfOfNight: rare(3),
      buttockPain: rare(3),
      improvesWithMovement: rare(3),
      nsaidResponse48h: rare(3),
      familyHistorySpa: rare(3),
      arthritisHistory: rare(3),
      enthesitisHistory: rare(3),
      psoriasisHistory: rare(3),
      morningStiffnessOver30Min: rare(3),
    },
    PLAIN,
  );
  const running = fc
    .record(
      {
        isRunner: fc.boolean(),
        kmPerWeek: fc.option(fc.integer({ min: 0, max: 5000 }).map((n) => n / 10)),
        recentLoadIncrease: rare(4),
        painOnHopping: rare(),
        limpOrPainOnWalking: rare(),
        painOnExtension: rare(4),
        lowEnergyOrMenstrualChanges: rare(),
        priorBoneStressInjury: rare(),
      },
      PLAIN,
    )
    .map((r) => (r.isRunner ? r : { ...r, kmPerWeek: null, limpOrPainOnWalking: false }));
  const outlook = fc.option(
    fc.record(
      {
        items: fc.tuple(rare(3), rare(3), rare(3), rare(3), rare(3), rare(3), rare(3), rare(3)),
        bothersomeness: fc.constantFrom("not_at_all", "slightly", "moderately", "very_much", "extremely"),
      },
      PLAIN,
    ),
    { freq: 2 },
  );
  const section = fc.option(fc.constantFrom(0, 1, 2, 3, 4, 5), { freq: 8 });
  const fn = fc.option(fc.record({ sections: fc.array(section, { minLength: 10, maxLength: 10 }) }, PLAIN), {
    freq: 2,
  });
  const shape: fc.Arbitrary<IntakeShape> =
    only !== undefined
      ? fc.constant(only)
      : early
        ? fc.constantFrom<IntakeShape>("complete", "complete", "vascular-check", "nerve-check", "health-history")
        : fc.constant<IntakeShape>("complete");

  return fc
    .record(
      {
        contact,
        consent: fc.constant({ privacyNotice: true as const }),
        pain,
        vascular,
        legs,
        cauda: caudaSection,
        history,
        inflammatory,
        running,
        outlook,
        function: fn,
        shape,
        notes: fc.string({ maxLength: 200 }).map((s) => s.trim()),
      },
      {
        ...PLAIN,
        requiredKeys: [
          "contact",
          "consent",
          "pain",
          "vascular",
          "legs",
          "cauda",
          "history",
          "inflammatory",
          "running",
          "outlook",
          "function",
          "shape",
        ],
      },
    )
    .map(({ shape: stop, ...a }) => {
      const age = ageOn(a.contact.dateOfBirth, now);
      const onsetAge = a.inflammatory.onsetAge;
      const pregnancy =
        a.contact.sex === "male"
          ? ("not_applicable" as const)
          : asksPregnancy(a.contact.sex, age)
            ? a.history.pregnancy
            : ("not_applicable" as const);
      const history = {
        ...a.history,
        pregnancy,
        pregnancyWarningSigns: pregnancyAsksWarningSigns(pregnancy) ? a.history.pregnancyWarningSigns : null,
      };
      const full: IntakeAnswers = {
        ...a,
        stoppedAt: null,
        history,
        // The onset of back pain cannot come after today's age (a cross-field rule of the schema).
        inflammatory: onsetAge !== null && onsetAge > age ? { ...a.inflammatory, onsetAge: age } : a.inflammatory,
      };
      if (stop === "complete") return full;
      const cut: IntakeAnswers = {
        ...full,
        stoppedAt: stop,
        inflammatory: null,
        running: null,
        outlook: null,
        function: null,
      };
      if (stop !== "health-history") cut.history = null;
      if (stop === "vascular-check") Object.assign(cut, { legs: null, cauda: null });
      return cut;
    });
}
