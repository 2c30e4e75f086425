// The one-answer changes that make an intake more worrying, for the monotonicity check of the safety
// report (triage-rules.md, "Safety checks the product keeps running": no single more-worrying answer
// lowers the level). The same changes as the unit property test (tests/unit/triage/properties.test.ts);
// each variant is a valid intake when the original is, and the report validates it again anyway.
import type { IntakeAnswers } from "@/lib/triage";
import { CAUDA_ITEMS } from "@/lib/triage";

type Legs = NonNullable<IntakeAnswers["legs"]>;
type Cauda = NonNullable<IntakeAnswers["cauda"]>;
type History = NonNullable<IntakeAnswers["history"]>;

const legSymptom = (l: Legs) =>
  l.legPain !== "none" || l.numbnessOrTingling || l.weakness !== "none" || l.difficultyWalking || l.armOrHandSymptoms;

function legChanges(a: IntakeAnswers, l: Legs): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  const legs = (change: Partial<Legs>): IntakeAnswers => ({ ...a, legs: { ...l, ...change } });
  // A new symptom comes with calm follow-ups (one leg, an old onset) and keeps the trend answer.
  const trend = legSymptom(l) ? l.worsening : false;
  const old = (key: keyof Legs["onsetDays"]) => ({ onsetDays: { ...l.onsetDays, [key]: 1000 }, worsening: trend });
  if (!l.numbnessOrTingling)
    out.push(["legs.numbness", legs({ numbnessOrTingling: true, numbnessLegs: "one_leg", ...old("numbness") })]);
  if (l.numbnessLegs === "one_leg") out.push(["legs.numbnessLegs", legs({ numbnessLegs: "both_legs" })]);
  if (!l.difficultyWalking)
    out.push([
      "legs.walking",
      legs({ difficultyWalking: true, walkingKinds: ["heavy_after_distance"], ...old("walking") }),
    ]);
  if (!l.armOrHandSymptoms)
    out.push([
      "legs.arm",
      legs({
        armOrHandSymptoms: true,
        armHandSide: "one_side",
        armHandKind: "night_tingling_only",
        ...old("armOrHand"),
      }),
    ]);
  if (l.weakness === "none") out.push(["legs.weakness", legs({ weakness: "one_leg_stable", ...old("weakness") })]);
  if (l.weakness === "one_leg_stable") out.push(["legs.weakness+", legs({ weakness: "one_leg_worsening" })]);
  if (l.weakness === "one_leg_worsening") out.push(["legs.weakness++", legs({ weakness: "both_legs" })]);
  if (l.worsening === false)
    out.push(["legs.worsening", legs({ worsening: true })], ["legs.worsening?", legs({ worsening: null })]);
  for (const [k, v] of Object.entries(l.onsetDays)) {
    if (v === null) continue;
    out.push([`legs.onsetDays.${k}`, legs({ onsetDays: { ...l.onsetDays, [k]: null } })]);
    if (v > 0) out.push([`legs.onsetDays.${k}-`, legs({ onsetDays: { ...l.onsetDays, [k]: Math.floor(v / 2) } })]);
  }
  return out;
}

function caudaChanges(a: IntakeAnswers, c: Cauda): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  const cauda = (change: Partial<Cauda>): IntakeAnswers => ({ ...a, cauda: { ...c, ...change } });
  const anyReported = CAUDA_ITEMS.some((item) => c[item] === "yes" || c[item] === "unsure");
  for (const item of CAUDA_ITEMS) {
    if (c[item] === "no" || c[item] === "not_applicable") {
      for (const answer of ["yes", "unsure"] as const) {
        const onsetDays = { ...c.onsetDays, [item]: 1000 };
        out.push([
          `cauda.${item}=${answer}`,
          cauda({ [item]: answer, onsetDays, worsening: anyReported ? c.worsening : false }),
        ]);
      }
    }
    if (c[item] === "unsure") out.push([`cauda.${item}=yes`, cauda({ [item]: "yes" })]);
    if (c.onsetDays[item] !== null)
      out.push([`cauda.onsetDays.${item}`, cauda({ onsetDays: { ...c.onsetDays, [item]: null } })]);
  }
  if (c.worsening === false)
    out.push(["cauda.worsening", cauda({ worsening: true })], ["cauda.worsening?", cauda({ worsening: null })]);
  return out;
}

function historyChanges(a: IntakeAnswers, h: History): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  const history = (change: Partial<History>): IntakeAnswers => ({ ...a, history: { ...h, ...change } });
  for (const [k, v] of Object.entries(h)) if (v === false) out.push([`history.${k}`, history({ [k]: true })]);
  if (h.anticoagulant === "no")
    out.push(
      ["history.anticoagulant", history({ anticoagulant: "unsure" })],
      ["history.anticoagulant=yes", history({ anticoagulant: "yes" })],
    );
  if (h.pregnancy === "no") out.push(["history.pregnancy", history({ pregnancy: "recently_pregnant" })]);
  if (h.pregnancyWarningSigns === "no")
    out.push(["history.pregnancyWarningSigns", history({ pregnancyWarningSigns: "unsure" })]);
  return out;
}

/** Every intake that differs from `a` by one answer made more worrying, named by the change. */
export function moreWorrying(a: IntakeAnswers): [string, IntakeAnswers][] {
  const out: [string, IntakeAnswers][] = [];
  for (const [k, v] of Object.entries(a.vascular))
    if (!v) out.push([`vascular.${k}`, { ...a, vascular: { ...a.vascular, [k]: true } }]);
  if (a.pain.dangerousMechanism === false)
    out.push(["pain.dangerousMechanism", { ...a, pain: { ...a.pain, dangerousMechanism: true } }]);
  if (a.pain.nightPain !== "constant_unrelieved")
    out.push(["pain.nightPain", { ...a, pain: { ...a.pain, nightPain: "constant_unrelieved" } }]);
  if (a.legs !== null) out.push(...legChanges(a, a.legs));
  if (a.cauda !== null) out.push(...caudaChanges(a, a.cauda));
  if (a.history !== null) out.push(...historyChanges(a, a.history));
  return out;
}
