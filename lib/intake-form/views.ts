// Turns the patient-facing words (lib/content) into field views the form renders.
import type { Options } from "@/lib/content";
import type { ChoiceOption, FieldView } from "./model";

type Copy = {
  kind: string;
  label: string;
  hint?: string;
  examples?: readonly string[];
  why?: string;
  options?: Options<string>;
  exclusive?: string;
  suffix?: string;
  unknownLabel?: string;
  scale?: { low: string; high: string };
  parts?: { day: string; month: string; year: string };
  maxLength?: number;
  linkText?: string;
  linkHref?: string;
};

/** Options in the order the copy lists them. */
export function optionsOf(options: Options<string>): ChoiceOption[] {
  return Object.entries(options).map(([value, o]) => ({ value, label: o.label, hint: o.hint, examples: o.examples }));
}

/** The field view for one question of the contract, named by its dotted path. */
export function fieldFrom(name: string, copy: Copy, extra: Partial<FieldView> = {}): FieldView {
  const common = { name, label: copy.label, hint: copy.hint, examples: copy.examples, why: copy.why };
  let view: FieldView;
  switch (copy.kind) {
    case "choice":
      view = { ...common, kind: "choice", options: optionsOf(copy.options ?? {}) };
      break;
    case "multi_choice":
      view = { ...common, kind: "checkboxes", options: optionsOf(copy.options ?? {}), exclusive: copy.exclusive };
      break;
    case "yes_no":
      view = { ...common, kind: "yes_no", unknownLabel: copy.unknownLabel };
      break;
    case "number":
      view = copy.scale
        ? { ...common, kind: "scale", low: copy.scale.low, high: copy.scale.high }
        : { ...common, kind: "number", suffix: copy.suffix, unknownLabel: copy.unknownLabel };
      break;
    case "date":
      view = { ...common, kind: "date", parts: copy.parts ?? { day: "Day", month: "Month", year: "Year" } };
      break;
    case "confirm":
      view = {
        ...common,
        kind: "confirm",
        link: copy.linkText && copy.linkHref ? { text: copy.linkText, href: copy.linkHref } : undefined,
      };
      break;
    default:
      view = { ...common, kind: "text", inputType: "text", maxLength: copy.maxLength };
  }
  return { ...view, ...extra } as FieldView;
}
