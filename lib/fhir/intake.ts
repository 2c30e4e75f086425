// One intake as FHIR: its answers (QuestionnaireResponse), its grade (RiskAssessment), its
// clinician flags (Flag) and what it measured (Observation: pain 0-10, our two screens' scores).
import {
  CLINICAL_FLAG_CATEGORY,
  derivedId,
  levelConcept,
  PAIN_SEVERITY,
  QUESTIONNAIRE_URL,
  scoreConcept,
  SURVEY_CATEGORY,
  SYSTEMS,
} from "./codes";
import type { IntakeInput, PainRatingInput } from "./input";
import { intakeQuestionnaire } from "./questionnaire";
import type {
  Flag,
  Observation,
  QuestionnaireAnswer,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  RiskAssessment,
} from "./types";

const iso = (d: Date) => d.toISOString();
const latest = (...dates: (Date | null)[]) =>
  new Date(Math.max(...dates.filter((d): d is Date => d !== null).map((d) => d.getTime())));

function valueAt(answers: unknown, linkId: string): unknown {
  let at: unknown = answers;
  for (const key of linkId.split(".")) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function answersOf(item: QuestionnaireItem, value: unknown): QuestionnaireAnswer[] {
  switch (item.type) {
    case "boolean":
      return typeof value === "boolean" ? [{ valueBoolean: value }] : [];
    case "integer":
      return Number.isInteger(value) ? [{ valueInteger: value as number }] : [];
    case "decimal":
      return typeof value === "number" && Number.isFinite(value) ? [{ valueDecimal: value }] : [];
    case "date":
      return typeof value === "string" && value ? [{ valueDate: value }] : [];
    case "string":
    case "text":
      return typeof value === "string" && value.trim() ? [{ valueString: value.trim() }] : [];
    case "choice": {
      const values = Array.isArray(value) ? value : [value];
      return values
        .filter((v) => typeof v === "string" || typeof v === "number")
        .map((v) => {
          const code = String(v);
          const option = item.answerOption?.find((o) => o.valueCoding.code === code)?.valueCoding;
          return { valueCoding: option ?? { system: SYSTEMS.answer, code } };
        });
    }
    default:
      return [];
  }
}

/** The answers as response items in the Questionnaire's order; a null answer (not asked, or "I don't know") is left out. */
function responseItems(items: readonly QuestionnaireItem[], answers: unknown): QuestionnaireResponseItem[] {
  return items.flatMap((item): QuestionnaireResponseItem[] => {
    const value = valueAt(answers, item.linkId);
    if (value === null || value === undefined) return [];
    if (item.type === "group") {
      const children = responseItems(item.item ?? [], answers);
      return children.length ? [{ linkId: item.linkId, item: children }] : [];
    }
    const answer = answersOf(item, value);
    return answer.length ? [{ linkId: item.linkId, answer }] : [];
  });
}

/** The intake's answers against the Questionnaire of its contract; null when erased or of an unknown contract. */
export function questionnaireResponse(intake: IntakeInput, patient: Reference): QuestionnaireResponse | null {
  const questionnaire = intakeQuestionnaire(intake.contractVersion);
  if (intake.erased || !questionnaire) return null;
  const stopped = typeof valueAt(intake.answers, "stoppedAt") === "string";
  return {
    resourceType: "QuestionnaireResponse",
    id: intake.id,
    meta: { lastUpdated: iso(intake.createdAt) },
    identifier: { system: SYSTEMS.intakeId, value: intake.id },
    questionnaire: `${QUESTIONNAIRE_URL}|${questionnaire.version}`,
    // An early submission from the emergency page: the patient stopped before the end.
    status: stopped ? "stopped" : "completed",
    subject: patient,
    authored: iso(intake.createdAt),
    source: patient,
    item: responseItems(questionnaire.item, intake.answers),
  };
}

/** The grade: the level as the prediction's outcome, the ruleset as the method, each fired rule as a note. */
export function riskAssessment(intake: IntakeInput, patient: Reference, basis: Reference | null): RiskAssessment {
  const rules = intake.firedRules.map((r) => r.id).join(", ");
  const override =
    intake.overrideLevel && intake.overriddenAt
      ? [
          {
            text: `A clinician changed the level that acts to ${intake.overrideLevel}${intake.overrideReason ? `: ${intake.overrideReason}` : ""}`,
            time: iso(intake.overriddenAt),
          },
        ]
      : [];
  return {
    resourceType: "RiskAssessment",
    id: derivedId(intake.id, "risk"),
    meta: { lastUpdated: iso(latest(intake.createdAt, intake.overriddenAt)) },
    status: "final",
    method: {
      coding: [
        {
          system: SYSTEMS.ruleset,
          code: intake.rulesetVersion,
          display: `BackTrack triage ruleset ${intake.rulesetVersion}`,
        },
      ],
    },
    subject: patient,
    occurrenceDateTime: iso(intake.createdAt),
    basis: basis ? [basis] : [],
    prediction: [{ outcome: levelConcept(intake.level), rationale: rules ? `Rules fired: ${rules}` : "No rule fired" }],
    note: [
      ...intake.firedRules.map((r) => ({ text: `${r.id}${r.level ? ` (${r.level})` : ""}: ${r.summary}` })),
      ...override,
    ],
  };
}

/** Each clinician flag the grade raised: active until the case is resolved. */
export function flags(intake: IntakeInput, patient: Reference): Flag[] {
  return intake.flags.map((f) => ({
    resourceType: "Flag",
    id: derivedId(intake.id, f.id),
    meta: { lastUpdated: iso(latest(intake.createdAt, intake.resolvedAt)) },
    status: intake.resolvedAt ? "inactive" : "active",
    category: [CLINICAL_FLAG_CATEGORY],
    code: { coding: [{ system: SYSTEMS.flag, code: f.id, display: f.summary }], text: f.summary },
    subject: patient,
    period: { start: iso(intake.createdAt), ...(intake.resolvedAt ? { end: iso(intake.resolvedAt) } : {}) },
  }));
}

type Scores = {
  outlook?: { total: number; psychosocial: number; risk: string } | null;
  function?: { percent: number; band: string; answeredSections: number } | null;
};

/** The pain rating (LOINC 72514-3) and the scores of the outlook and function screens, when collected. */
export function intakeObservations(intake: IntakeInput, patient: Reference, basis: Reference | null): Observation[] {
  const common = {
    resourceType: "Observation" as const,
    meta: { lastUpdated: iso(intake.createdAt) },
    status: "final" as const,
    category: [SURVEY_CATEGORY],
    subject: patient,
    effectiveDateTime: iso(intake.createdAt),
    ...(basis ? { derivedFrom: [basis] } : {}),
  };
  const out: Observation[] = [];
  const pain = valueAt(intake.answers, "pain.intensity");
  if (!intake.erased && Number.isInteger(pain))
    out.push({
      ...common,
      id: derivedId(intake.id, "pain"),
      code: { coding: [PAIN_SEVERITY] },
      valueInteger: pain as number,
    });
  const scores = (intake.scores ?? {}) as Scores;
  if (scores.outlook)
    out.push({
      ...common,
      id: derivedId(intake.id, "outlook"),
      code: scoreConcept("outlookTotal"),
      valueInteger: scores.outlook.total,
      component: [
        { code: scoreConcept("outlookPsychosocial"), valueInteger: scores.outlook.psychosocial },
        { code: scoreConcept("outlookRisk"), valueCodeableConcept: { text: scores.outlook.risk } },
      ],
    });
  if (scores.function)
    out.push({
      ...common,
      id: derivedId(intake.id, "function"),
      code: scoreConcept("functionPercent"),
      valueQuantity: { value: scores.function.percent, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
      component: [
        { code: scoreConcept("functionBand"), valueCodeableConcept: { text: scores.function.band } },
        { code: scoreConcept("functionAnswered"), valueInteger: scores.function.answeredSections },
      ],
    });
  return out;
}

/** A pain rating from a recovery check-in or a pre-visit check (LOINC 72514-3). */
export function painRatingObservation(rating: PainRatingInput, patient: Reference): Observation {
  const where =
    rating.source === "recovery_checkin"
      ? `Recovery check-in${rating.week !== null ? `, week ${rating.week}` : ""}`
      : "Pre-visit check";
  return {
    resourceType: "Observation",
    id: derivedId(rating.id, "pain"),
    meta: { lastUpdated: iso(rating.at) },
    status: "final",
    category: [SURVEY_CATEGORY],
    code: { coding: [PAIN_SEVERITY] },
    subject: patient,
    effectiveDateTime: iso(rating.at),
    note: [{ text: where }],
    valueInteger: rating.intensity,
  };
}
