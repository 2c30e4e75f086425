import { beforeAll, describe, expect, it } from "vitest";
import { everythingBundle } from "@/lib/fhir/bundle";
import { PAIN_SEVERITY, QUESTIONNAIRE_URL } from "@/lib/fhir/codes";
import type { EverythingInput, IntakeInput } from "@/lib/fhir/input";
import { questionnaireResponse } from "@/lib/fhir/intake";
import { SYSTEMS } from "@/lib/fhir/codes";
import { CONTRACT_VERSIONS, intakeQuestionnaire, linkIds } from "@/lib/fhir/questionnaire";
import type { QuestionnaireResponseItem, Resource } from "@/lib/fhir/types";
import { explainGrade } from "@/lib/staff/format";
import { CONTRACT_VERSION, gradeIntake, makeIntakeAnswersSchema } from "@/lib/triage";
import vectors2026_11 from "../fixtures/clinical/vectors-2026.11.json" with { type: "json" };
import { VIGNETTES, vignetteIntake } from "../support/answers";
import { loadR4Validator } from "../support/fhir-validator";

let validate: (resource: unknown) => string[];

beforeAll(async () => {
  validate = await loadR4Validator();
}, 60_000);

const NOW = new Date("2026-12-01T13:00:00Z");
const PATIENT_ID = "3b244471-d441-427a-ae3d-f89947a0c98a";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A vignette graded now, as the loader would hand it over. */
function gradedIntake(vignette: string, n: number, extra: Partial<IntakeInput> = {}): IntakeInput {
  const answers = makeIntakeAnswersSchema({ now: NOW }).parse(vignetteIntake(vignette, NOW));
  const grade = gradeIntake(answers, { now: NOW });
  const explained = explainGrade({
    rulesetVersion: grade.rulesetVersion,
    firedRules: grade.firedRules.map((r) => r.id),
    flags: grade.flags.map((f) => f.id),
    answers,
  });
  return {
    id: uuid(n),
    createdAt: new Date(NOW.getTime() - n * 86_400_000),
    answers,
    contractVersion: explained.contractVersion,
    rulesetVersion: grade.rulesetVersion,
    level: grade.level,
    overrideLevel: null,
    overrideReason: null,
    overriddenAt: null,
    resolvedAt: null,
    erased: false,
    firedRules: explained.firedRules,
    flags: explained.flags,
    scores: grade.scores,
    ...extra,
  };
}

/** The dotted paths of every non-null answer: objects are walked, arrays of scalars are one answer, fixed-length screens one per entry. */
function answeredPaths(value: unknown, prefix = ""): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (prefix === "outlook.items" || prefix === "function.sections")
      return value.flatMap((v, i) => (v === null ? [] : [`${prefix}.${i}`]));
    return value.length ? [prefix] : [];
  }
  if (typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => answeredPaths(v, prefix ? `${prefix}.${k}` : k));
  if (typeof value === "string" && !value.trim()) return [];
  return [prefix];
}

const answeredLinkIds = (items: readonly QuestionnaireResponseItem[]): string[] =>
  items.flatMap((i) => (i.answer ? [i.linkId] : answeredLinkIds(i.item ?? [])));

describe("FHIR: the intake Questionnaire", () => {
  it("uses a validator that refuses what R4 does not allow (so its silence means something)", () => {
    expect(validate({ resourceType: "Appointment", id: "a", status: "booked" })).not.toEqual([]); // no participant
    expect(
      validate({ resourceType: "Observation", id: "o", status: "final", code: { text: "x" }, valueFoo: 1 }),
    ).not.toEqual([]);
    expect(
      validate({ resourceType: "Flag", id: "f_1", status: "active", code: { text: "x" }, subject: {} }),
    ).not.toEqual([]);
  });

  it("has one Questionnaire per released contract version, each valid R4, and none for another version", () => {
    expect(CONTRACT_VERSIONS).toEqual(["2026.11", CONTRACT_VERSION]);
    for (const version of CONTRACT_VERSIONS) {
      const q = intakeQuestionnaire(version)!;
      expect(q).toMatchObject({ resourceType: "Questionnaire", id: version, url: QUESTIONNAIRE_URL, version });
      expect(validate(q)).toEqual([]);
      const ids = linkIds(q.item);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(intakeQuestionnaire(CONTRACT_VERSION)!.status).toBe("active");
    expect(intakeQuestionnaire("2026.11")!.status).toBe("retired");
    expect(intakeQuestionnaire("2025.01")).toBeNull();
  });

  it("generates items and answer options from the contract's schema and the form's words", () => {
    const q = intakeQuestionnaire(CONTRACT_VERSION)!;
    const find = (id: string) => {
      const walk = (items: typeof q.item): (typeof q.item)[number] | undefined =>
        items.map((i) => (i.linkId === id ? i : walk(i.item ?? []))).find(Boolean);
      return walk(q.item);
    };
    expect(find("pain.intensity")).toMatchObject({ type: "integer", required: true });
    expect(find("pain.locations")).toMatchObject({ type: "choice", repeats: true });
    expect(find("pain.locations")!.answerOption!.map((o) => o.valueCoding.code)).toContain("hip_or_groin");
    expect(find("cauda.sexualFunctionChange")!.answerOption!.map((o) => o.valueCoding.code)).toEqual([
      "yes",
      "no",
      "unsure",
      "not_applicable",
    ]);
    expect(find("legs.onsetDays.legPain")).toMatchObject({ type: "integer" });
    expect(find("legs.onsetDays.legPain")!.required).toBeUndefined();
    expect(find("contact.dateOfBirth")).toMatchObject({ type: "date" });
    expect(find("running.kmPerWeek")).toMatchObject({ type: "decimal" });
    expect(find("function.sections.9")!.answerOption).toHaveLength(6);
    expect(find("stoppedAt")).toMatchObject({ readOnly: true });
    const old = linkIds(intakeQuestionnaire("2026.11")!.item);
    expect(old).toContain("cauda.symptomOnsetDays");
    expect(old).toContain("history.recentInfectionOrSpinalProcedure");
    expect(old).not.toContain("legs.onsetDays.legPain");
  });
});

describe("FHIR: one intake's answers as a QuestionnaireResponse", () => {
  it("answers every non-null field of every public vignette with an item whose linkId is in the Questionnaire", () => {
    const ids = new Set(linkIds(intakeQuestionnaire(CONTRACT_VERSION)!.item));
    for (const [n, v] of VIGNETTES.entries()) {
      const intake = gradedIntake(v.id, n + 1);
      const qr = questionnaireResponse(intake, { reference: `Patient/${PATIENT_ID}` })!;
      const answered = answeredLinkIds(qr.item);
      for (const id of linkIds(qr.item as never)) expect(ids.has(id), `${v.id}: ${id}`).toBe(true);
      expect(answered.sort(), v.id).toEqual(answeredPaths(intake.answers).sort());
    }
  });

  it("answers intakes stored under contract 2026.11 against that version's Questionnaire", () => {
    const q = intakeQuestionnaire("2026.11")!;
    const ids = new Set(linkIds(q.item));
    for (const [n, vector] of vectors2026_11.vectors.slice(0, 40).entries()) {
      const intake = gradedIntake("P01", n + 1, {
        answers: vector.answers,
        contractVersion: "2026.11",
        rulesetVersion: "2026.11",
      });
      const qr = questionnaireResponse(intake, { reference: `Patient/${PATIENT_ID}` })!;
      expect(qr.questionnaire).toBe(`${QUESTIONNAIRE_URL}|2026.11`);
      for (const id of linkIds(qr.item as never)) expect(ids.has(id), id).toBe(true);
      expect(answeredLinkIds(qr.item).sort()).toEqual(answeredPaths(vector.answers).sort());
      if (n < 5) expect(validate(qr)).toEqual([]);
    }
  });

  it("marks an early submission from the emergency page as stopped, and leaves out an erased intake", () => {
    const early = VIGNETTES.find((v) => v.intake.stoppedAt !== null);
    if (early) {
      const qr = questionnaireResponse(gradedIntake(early.id, 1), { reference: `Patient/${PATIENT_ID}` })!;
      expect(qr.status).toBe("stopped");
    }
    const erased = gradedIntake("P15", 2, { answers: {}, erased: true });
    expect(questionnaireResponse(erased, { reference: `Patient/${PATIENT_ID}` })).toBeNull();
  });
});

function fixture(): EverythingInput {
  const clinician = { id: uuid(900), name: "Dr Ada Lin", role: "Physiotherapist", active: true, createdAt: NOW };
  const intakes = ["P01", "P15", "P30", "P40", "P52"].map((v, i) => gradedIntake(v, i + 1));
  intakes[1] = { ...intakes[1]!, overrideLevel: "URGENT", overrideReason: "Called: worse tonight", overriddenAt: NOW };
  intakes[2] = { ...intakes[2]!, resolvedAt: NOW };
  const statuses = ["booked", "cancelled", "rescheduled", "arrived", "no_show", "completed"] as const;
  return {
    patient: {
      id: PATIENT_ID,
      updatedAt: NOW,
      firstName: "Kai",
      lastName: "Garford",
      email: "kai@example.com",
      phone: "+1 212 555 0100",
      dateOfBirth: "1980-04-23",
      sex: "other",
      mergedIds: [uuid(800)],
    },
    intakes,
    clinicians: [clinician, { ...clinician, id: uuid(901), name: "Unseen" }],
    appointments: Array.from({ length: 10 }, (_, i) => ({
      id: uuid(100 + i),
      intakeId: intakes[i % 5]!.id,
      startsAt: new Date(NOW.getTime() + i * 3_600_000),
      endsAt: new Date(NOW.getTime() + i * 3_600_000 + 45 * 60_000),
      status: statuses[i % statuses.length]!,
      createdAt: NOW,
      cancelledAt: i % 6 === 1 ? NOW : null,
      cancelReason: i % 6 === 1 ? "Feeling better" : null,
      type: "Initial assessment",
      clinicianId: clinician.id,
    })),
    painRatings: [
      { id: uuid(700), source: "recovery_checkin", week: 2, at: NOW, intensity: 4 },
      { id: uuid(701), source: "pre_visit_check", week: null, at: NOW, intensity: 6 },
    ],
  };
}

describe("FHIR: Patient/$everything bundle", () => {
  it("builds a collection in which every resource validates against R4 with 0 errors", () => {
    const bundle = everythingBundle(fixture(), { base: "https://clinic.test/api/v1/fhir", now: NOW });
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection", timestamp: NOW.toISOString() });
    expect(validate(bundle)).toEqual([]);
    for (const { resource } of bundle.entry)
      expect(validate(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
    const count = (t: Resource["resourceType"]) => bundle.entry.filter((e) => e.resource.resourceType === t).length;
    expect(count("Patient")).toBe(1);
    expect(count("Practitioner")).toBe(1); // only clinicians the patient has appointments with
    expect(count("QuestionnaireResponse")).toBe(5);
    expect(count("RiskAssessment")).toBe(5);
    expect(count("Appointment")).toBe(10);
    expect(count("Flag")).toBe(fixture().intakes.reduce((n, i) => n + i.flags.length, 0));
  });

  it("gives stable ids derived from our row ids, fullUrls under the base, and meta.lastUpdated on every resource", () => {
    const a = everythingBundle(fixture(), { base: "https://clinic.test/api/v1/fhir", now: NOW });
    const b = everythingBundle(fixture(), { base: "https://clinic.test/api/v1/fhir", now: new Date() });
    expect(b.entry.map((e) => e.resource.id)).toEqual(a.entry.map((e) => e.resource.id));
    const ids = a.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of a.entry) {
      expect(e.fullUrl).toBe(`https://clinic.test/api/v1/fhir/${e.resource.resourceType}/${e.resource.id}`);
      expect(e.resource.meta.lastUpdated).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(e.resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    }
    expect(ids).toContain(`Observation/${uuid(1)}-pain`);
    expect(ids).toContain(`RiskAssessment/${uuid(1)}-risk`);
    expect(ids).toContain(`Observation/${uuid(700)}-pain`);
  });

  it("codes the grade, the pain ratings, the flags and the appointments", () => {
    const input = fixture();
    const bundle = everythingBundle(input, { base: "https://clinic.test/api/v1/fhir", now: NOW });
    const byId = new Map(bundle.entry.map((e) => [`${e.resource.resourceType}/${e.resource.id}`, e.resource]));
    const risk = byId.get(`RiskAssessment/${uuid(2)}-risk`) as Extract<Resource, { resourceType: "RiskAssessment" }>;
    expect(risk.prediction[0]!.outcome.coding![0]!.code).toBe(input.intakes[1]!.level);
    expect(risk.method.coding![0]!.code).toBe(input.intakes[1]!.rulesetVersion);
    for (const e of bundle.entry)
      if (e.resource.resourceType === "RiskAssessment")
        for (const p of e.resource.prediction)
          expect(Object.keys(p).filter((k) => k.startsWith("probability"))).toEqual([]);
    expect(risk.basis).toEqual([{ reference: `QuestionnaireResponse/${uuid(2)}` }]);
    expect(risk.note!.at(-1)!.text).toContain("URGENT: Called: worse tonight");
    for (const r of input.intakes[1]!.firedRules) expect(risk.note!.map((n) => n.text).join("\n")).toContain(r.id);
    const pain = byId.get(`Observation/${uuid(700)}-pain`) as Extract<Resource, { resourceType: "Observation" }>;
    expect(pain).toMatchObject({ code: { coding: [PAIN_SEVERITY] }, valueInteger: 4 });
    const flagged = input.intakes.find((i) => i.flags.length && i.resolvedAt);
    if (flagged)
      expect(
        bundle.entry.find((e) => e.resource.resourceType === "Flag" && e.resource.id.startsWith(flagged.id))!.resource,
      ).toMatchObject({ status: "inactive" });
    const appts = bundle.entry.flatMap((e) => (e.resource.resourceType === "Appointment" ? [e.resource] : []));
    expect(appts.map((a) => a.status)).toEqual([
      "booked",
      "cancelled",
      "cancelled",
      "arrived",
      "noshow",
      "fulfilled",
      "booked",
      "cancelled",
      "cancelled",
      "arrived",
    ]);
    expect(appts[1]!.cancelationReason).toEqual({ text: "Feeling better" });
    expect(appts[2]!.cancelationReason).toEqual({ text: "Moved to another time" });
    expect(appts[0]!.participant[1]!.actor.reference).toBe(`Practitioner/${uuid(900)}`);
    const patient = bundle.entry[0]!.resource;
    expect(patient).toMatchObject({
      resourceType: "Patient",
      // By identifier: the merged-away record is not in the bundle, and a reference must resolve.
      link: [{ other: { identifier: { system: SYSTEMS.patientId, value: uuid(800) } }, type: "replaces" }],
    });
  });
});
