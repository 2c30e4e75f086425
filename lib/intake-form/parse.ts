// Between the posted form and the answers: FormData → answers (typed as the schema expects) and
// answers → the strings the form shows. Values that cannot be read are passed on as they are,
// so the schema, not this file, says what is wrong with them.
import { legPainFromRegions, locationsFromRegions, parseRegions, type Region } from "./regions";
import type { DraftAnswers, FieldView, RawValues } from "./model";
import { toShown, toStored } from "./units";
import { typedDate } from "./visibility";

const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** Draft-only answers that are not part of the contract (removed before validation). */
export const FORM_ONLY = "_form";

/** The posted values as strings (what the form echoes back after a failed submit). */
export function rawFromForm(form: FormData): RawValues {
  const raw: RawValues = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    // Tick-box groups post one value per ticked box.
    raw[key] = key === "regions" || all.length > 1 ? all : (all[0] ?? "");
  }
  return raw;
}

/** The values of a tick-box group, whether none, one or several were posted. */
export const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value === "" ? [] : [value];

/** Reads the answers of these fields from the posted strings. */
export function answersFromRaw(fields: FieldView[], raw: RawValues): DraftAnswers {
  const out: DraftAnswers = {};
  const one = (name: string) => {
    const v = raw[name];
    return typeof v === "string" ? v : undefined;
  };
  for (const field of fields) {
    const value = one(field.name);
    // Each asked section (and group, such as onsetDays) exists, so an unanswered question is
    // reported by its own name, not as "section missing".
    const parent = field.name.split(".").slice(0, -1).join(".");
    if (field.kind !== "notice" && parent && getPath(out, parent) === undefined) setPath(out, parent, {});
    switch (field.kind) {
      case "regions": {
        const regions = parseRegions(listOf(raw.regions));
        setPath(out, "pain.locations", locationsFromRegions(regions));
        setPath(out, "legs.legPain", legPainFromRegions(regions));
        setPath(out, `${FORM_ONLY}.regions`, regions); // which side, for showing the map again
        break;
      }
      case "date": {
        const date = typedDate(raw, field.name);
        if (date) setPath(out, field.name, date);
        break;
      }
      case "number":
      case "scale":
        if (one(`${field.name}.unknown`) === "yes") setPath(out, field.name, null);
        else if (value !== undefined && value.trim() !== "")
          setPath(out, field.name, NUMBER.test(value) ? storedNumber(field, Number(value)) : value);
        break;
      case "yes_no":
        if (value === "yes" || value === "no") setPath(out, field.name, value === "yes");
        else if (value === "unknown" && field.unknownLabel) setPath(out, field.name, null);
        break;
      case "confirm":
        if (value === "yes") setPath(out, field.name, true);
        break;
      case "checkboxes": {
        const ticked = listOf(raw[field.name]);
        if (ticked.length) setPath(out, field.name, ticked);
        break;
      }
      case "notice":
        break;
      case "outlook": {
        const items = field.items.map((_, i) =>
          one(`outlook.items.${i}`) === "agree" ? true : one(`outlook.items.${i}`) === "disagree" ? false : undefined,
        );
        setPath(out, "outlook", { items, bothersomeness: one("outlook.bothersomeness") });
        break;
      }
      case "function": {
        const sections = [...field.kept];
        field.sections.forEach((_, j) => {
          const v = one(`function.sections.${field.first + j}`);
          sections[field.first + j] = v === undefined || v === "" ? null : Number(v);
        });
        setPath(out, "function", { sections });
        break;
      }
      default:
        if (value !== undefined && !(field.kind === "textarea" && value.trim() === "")) setPath(out, field.name, value);
    }
  }
  return out;
}

/** The strings a form shows for answers already given. */
export function rawFromAnswers(fields: FieldView[], answers: DraftAnswers): RawValues {
  const raw: RawValues = {};
  for (const field of fields) {
    const value = getPath(answers, field.name);
    switch (field.kind) {
      case "regions": {
        const marked = getPath(answers, `${FORM_ONLY}.regions`);
        const locations = (getPath(answers, "pain.locations") as string[] | undefined) ?? [];
        raw.regions = Array.isArray(marked)
          ? marked
          : [...locations, ...regionsForLegPain(getPath(answers, "legs.legPain"))];
        break;
      }
      case "date":
        if (typeof value === "string") {
          const [y, m, d] = value.split("-");
          raw[`${field.name}.day`] = String(Number(d));
          raw[`${field.name}.month`] = String(Number(m));
          raw[`${field.name}.year`] = y ?? "";
        }
        break;
      case "number":
      case "scale":
        if (value === null) raw[`${field.name}.unknown`] = "yes";
        else if (typeof value === "number") raw[field.name] = String(shownNumber(field, value));
        break;
      case "yes_no":
        if (value === null && field.unknownLabel) raw[field.name] = "unknown";
        else if (typeof value === "boolean") raw[field.name] = value ? "yes" : "no";
        break;
      case "confirm":
        if (value === true) raw[field.name] = "yes";
        break;
      case "checkboxes":
        if (Array.isArray(value)) raw[field.name] = value.map(String);
        break;
      case "notice":
        break;
      case "outlook": {
        const o = value as { items: boolean[]; bothersomeness: string } | null | undefined;
        o?.items.forEach((v, i) => (raw[`outlook.items.${i}`] = v ? "agree" : "disagree"));
        if (o) raw["outlook.bothersomeness"] = o.bothersomeness;
        break;
      }
      case "function": {
        const f = value as { sections: (number | null)[] } | null | undefined;
        field.sections.forEach((_, j) => {
          const v = f?.sections[field.first + j];
          if (typeof v === "number") raw[`function.sections.${field.first + j}`] = String(v);
        });
        break;
      }
      default:
        if (typeof value === "string") raw[field.name] = value;
    }
  }
  return raw;
}

// The body map stores only how far down the legs pain goes, so the sides are shown as marked.
function regionsForLegPain(legPain: unknown): Region[] {
  if (legPain === "below_knee_both_sides") return ["left_lower_leg", "right_lower_leg"];
  if (legPain === "below_knee_one_side") return ["left_lower_leg"];
  if (legPain === "above_knee") return ["left_thigh"];
  return [];
}

export function getPath(obj: DraftAnswers, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (!cur || typeof cur !== "object" || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Sets the answer at a dotted path, creating the sections on the way. */
export function setPath(obj: DraftAnswers, path: string, value: unknown): void {
  const keys = path.split(".");
  let cur = obj as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (!cur[key] || typeof cur[key] !== "object") cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

/** A number as stored, from the unit the field asks in. */
function storedNumber(field: FieldView, shown: number): number {
  return field.kind === "number" && field.storedPerShown ? toStored(shown, field.storedPerShown) : shown;
}

/** A stored number in the unit the field asks in. */
export function shownNumber(field: FieldView, stored: number): number {
  return field.kind === "number" && field.storedPerShown ? toShown(stored, field.storedPerShown) : stored;
}
