// The intake as a FHIR Questionnaire, one per contract version, generated from the code that
// implements the contract: the structure, types and allowed values from the answers' zod schema
// (its JSON Schema), the questions' and options' words from lib/content. An item's linkId is the
// answer's dotted path in the contract (pain.intensity, legs.onsetDays.legPain, outlook.items.0).
import { z } from "zod";
import { QUESTIONS } from "@/lib/content";
import { CONTRACT_VERSION, intakeAnswersSchema, RULESETS } from "@/lib/triage";
import { QUESTIONNAIRE_URL, SYSTEMS } from "./codes";
import type { Coding, Questionnaire, QuestionnaireItem } from "./types";

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
};

type Copy = {
  kind?: string;
  label?: string;
  options?: Record<string, { label: string }>;
  items?: readonly string[];
  bothersomeness?: Copy;
  sections?: readonly { label: string; options: readonly string[] }[];
  [key: string]: unknown;
};

/** Group headings: the contract's sections, and the nested onsets. */
const GROUP_TEXT: Record<string, string> = {
  contact: "About you",
  consent: "Privacy notice",
  pain: "Your pain",
  vascular: "Blood vessel check",
  legs: "Your legs, arms and hands",
  "legs.onsetDays": "When each leg, arm or hand symptom started (days ago)",
  cauda: "Nerve check: numbness, bladder, bowel and sexual function",
  "cauda.onsetDays": "When each nerve-check symptom started (days ago)",
  history: "Your health",
  inflammatory: "Stiffness and inflammation",
  running: "Running",
};

/** Answers the form sets itself rather than asking. */
const SET_BY_FORM: Record<string, string> = {
  stoppedAt: "Sent early from the emergency page shown after this page (not asked: set by the form)",
};

const humanise = (code: string) => code.replaceAll("_", " ").replaceAll("-", " ");

/** A schema without its `| null`, and whether it had one. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (schema.anyOf) {
    const rest = schema.anyOf.filter((s) => s.type !== "null");
    if (rest.length === 1 && rest.length < schema.anyOf.length) return { schema: rest[0]!, nullable: true };
  }
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const types = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

function options(values: readonly unknown[], copy: Copy | undefined): { valueCoding: Coding }[] {
  return values.map((v) => ({
    valueCoding: {
      system: SYSTEMS.answer,
      code: String(v),
      display: copy?.options?.[String(v)]?.label ?? humanise(String(v)),
    },
  }));
}

/** One question: its FHIR type from the schema, its words from the copy. */
function leaf(linkId: string, raw: JsonSchema, copy: Copy | undefined): QuestionnaireItem {
  const { schema, nullable } = unwrap(raw);
  const base = {
    linkId,
    text: copy?.label ?? SET_BY_FORM[linkId] ?? humanise(linkId),
    ...(nullable ? {} : { required: true }),
  };
  if (linkId in SET_BY_FORM) Object.assign(base, { readOnly: true });
  if (schema.type === "array") {
    const inner = unwrap(schema.items ?? {}).schema;
    return { ...base, type: "choice", repeats: true, answerOption: options(inner.enum ?? [], copy) };
  }
  if (schema.enum) return { ...base, type: "choice", answerOption: options(schema.enum, copy) };
  switch (schema.type) {
    case "boolean":
      return { ...base, type: "boolean" };
    case "integer":
      return { ...base, type: "integer" };
    case "number":
      return { ...base, type: "decimal" };
    default:
      return { ...base, type: copy?.kind === "date" ? "date" : linkId === "notes" ? "text" : "string" };
  }
}

/** The outlook screen: 8 agree (true) / disagree statements, then how bothersome the pain is. */
function outlookGroup(copy: Copy, schema: JsonSchema): QuestionnaireItem {
  const bother = schema.properties?.bothersomeness ?? {};
  return {
    linkId: "outlook",
    text: `${copy.label ?? "Recovery outlook screen"}: agree (true) or disagree (false)`,
    type: "group",
    item: [
      ...(copy.items ?? []).map((text, i) => ({
        linkId: `outlook.items.${i}`,
        text,
        type: "boolean" as const,
        required: true,
      })),
      leaf("outlook.bothersomeness", bother, copy.bothersomeness),
    ],
  };
}

/** The daily-function screen: 10 sections, each one sentence from 0 (no difficulty) to 5. */
function functionGroup(copy: Copy): QuestionnaireItem {
  return {
    linkId: "function",
    text: String(copy.name ?? "Daily function screen"),
    type: "group",
    item: (copy.sections ?? []).map((section, i) => ({
      linkId: `function.sections.${i}`,
      text: section.label,
      type: "choice",
      answerOption: section.options.map((display, score) => ({
        valueCoding: { system: SYSTEMS.answer, code: String(score), display },
      })),
    })),
  };
}

function itemsOf(schema: JsonSchema, copy: Copy | undefined, prefix: string): QuestionnaireItem[] {
  return Object.entries(schema.properties ?? {}).map(([key, raw]) => {
    const linkId = prefix ? `${prefix}.${key}` : key;
    const sub = copy?.[key] as Copy | undefined;
    const { schema: inner } = unwrap(raw);
    if (sub?.kind === "outlook_screen") return outlookGroup({ ...sub, label: String(sub.name) }, inner);
    if (sub?.kind === "function_screen") return functionGroup(sub);
    if (inner.type === "object" && !sub?.kind)
      return { linkId, text: GROUP_TEXT[linkId] ?? humanise(key), type: "group", item: itemsOf(inner, sub, linkId) };
    return leaf(linkId, raw, sub);
  });
}

// Contract 2026.11 (stored intakes only; its answers type is lib/triage/v2026-11/answers.ts) as the
// changes 2026.12 made to it, undone: intake-contract.md, "Changes from contract 2026.11".
const ADDED_IN_2026_12 = new Set([
  "stoppedAt",
  "pain.dangerousMechanism",
  "legs.numbnessLegs",
  "legs.walkingKinds",
  "legs.armHandSide",
  "legs.armHandKind",
  "legs.onsetDays",
  "legs.worsening",
  "cauda.onsetDays",
  "history.newConfusion",
  "history.recentSpinalProcedure",
  "history.recentInfection",
  "history.anticoagulant",
  "history.pregnancy",
  "history.pregnancyWarningSigns",
  "running.limpOrPainOnWalking",
]);
const VALUES_ADDED_IN_2026_12: Record<string, string> = {
  "pain.locations": "hip_or_groin",
  "cauda.sexualFunctionChange": "not_applicable",
};
const REMOVED_IN_2026_12: Record<string, QuestionnaireItem> = {
  "cauda.worsening": {
    linkId: "cauda.symptomOnsetDays",
    text: "How many days ago did the first of these symptoms start?",
    type: "integer",
  },
  "history.osteoporosisOrFragilityFracture": {
    linkId: "history.recentInfectionOrSpinalProcedure",
    text: "In the last 3 months, have you had an infection or an operation or injection on your spine?",
    type: "boolean",
    required: true,
  },
};

function as2026_11(items: QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => {
    if (ADDED_IN_2026_12.has(item.linkId)) return [];
    const dropped = VALUES_ADDED_IN_2026_12[item.linkId];
    const kept: QuestionnaireItem = {
      ...item,
      ...(item.item ? { item: as2026_11(item.item) } : {}),
      ...(dropped && item.answerOption
        ? { answerOption: item.answerOption.filter((o) => o.valueCoding.code !== dropped) }
        : {}),
    };
    const before = REMOVED_IN_2026_12[item.linkId];
    return before ? [kept, before] : [kept];
  });
}

/**
 * Older contracts as changes to the current one's items. When the contract changes again, the
 * current items stop being 2026.12's: the unit test that every released contract has a
 * Questionnaire then fails until 2026.12 is frozen here too.
 */
const EARLIER: Record<string, Record<string, (items: QuestionnaireItem[]) => QuestionnaireItem[]>> = {
  "2026.12": { "2026.11": as2026_11 },
};

/** Every contract version a released ruleset was written to, oldest first. */
export const CONTRACT_VERSIONS: readonly string[] = [...new Set(RULESETS.map((r) => r.contractVersion))];

const built = new Map<string, Questionnaire>();

/** The intake Questionnaire of contract `version`, or null for a version never released. Built once per process. */
export function intakeQuestionnaire(version: string): Questionnaire | null {
  if (!CONTRACT_VERSIONS.includes(version)) return null;
  const known = built.get(version);
  if (known) return known;
  const derive =
    version === CONTRACT_VERSION ? (items: QuestionnaireItem[]) => items : EARLIER[CONTRACT_VERSION]?.[version];
  if (!derive) return null;
  const schema = z.toJSONSchema(intakeAnswersSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const current = itemsOf(schema, QUESTIONS as unknown as Copy, "");
  const questionnaire: Questionnaire = {
    resourceType: "Questionnaire",
    id: version,
    url: QUESTIONNAIRE_URL,
    version,
    name: "BackTrackIntake",
    title: `BackTrack back-pain intake (contract ${version})`,
    status: version === CONTRACT_VERSION ? "active" : "retired",
    subjectType: ["Patient"],
    description:
      "The clinic's back-pain intake. Each linkId is the answer's path in the intake contract; a question not asked, or answered \"I don't know\" where the contract allows it, has no answer.",
    item: derive(current),
  };
  built.set(version, questionnaire);
  return questionnaire;
}

/** Every linkId of a Questionnaire's items, nested ones included. */
export function linkIds(items: readonly QuestionnaireItem[]): string[] {
  return items.flatMap((i) => [i.linkId, ...linkIds(i.item ?? [])]);
}
