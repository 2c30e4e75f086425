// The OpenAPI document as the /docs/api page reads it: operations by tag, each with who may call
// it, its parameters, its body's fields (dotted paths, $refs resolved) and its answers. Pure: the
// document in, plain rows out.
import { ROLE_NAMES, STAFF_ROLES, type StaffRole } from "@/common/vocabulary";
import type { JsonSchema, OpenApiDocument } from "./document";

export type FieldRow = { name: string; type: string; required: boolean; description: string | null };
export type ResponseRow = {
  status: string;
  description: string;
  contentType: string | null;
  /** Error answers: their codes. */
  codes: string[];
  fields: FieldRow[];
};
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  access: string;
  parameters: (FieldRow & { in: string })[];
  body: { contentType: string; description: string | null; fields: FieldRow[] } | null;
  responses: ResponseRow[];
};
export type TagView = { name: string; description: string; slug: string; operations: OperationView[] };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_DEPTH = 6;

/** Every operation of the document, grouped by tag in the document's tag order. */
export function apiReference(doc: OpenApiDocument): TagView[] {
  const resolve = (schema: JsonSchema): JsonSchema => {
    const ref = schema.$ref;
    if (typeof ref !== "string") return schema;
    return doc.components.schemas[ref.replace("#/components/schemas/", "")] ?? {};
  };
  const tags: TagView[] = doc.tags.map((t) => ({ ...t, slug: slug(t.name), operations: [] }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = tags.find((t) => t.name === (op.tags as string[])[0]);
      tag?.operations.push(operationView(path, method, op, resolve));
    }
  }
  return tags.filter((t) => t.operations.length > 0);
}

function operationView(
  path: string,
  method: string,
  op: JsonSchema,
  resolve: (s: JsonSchema) => JsonSchema,
): OperationView {
  const parameters = ((op.parameters ?? []) as JsonSchema[]).map((p) => ({
    in: String(p.in),
    name: String(p.name),
    type: typeOf(p.schema as JsonSchema, resolve),
    required: p.required === true,
    description: (p.description as string | undefined) ?? describe(p.schema as JsonSchema) ?? null,
  }));
  const requestBody = op.requestBody as JsonSchema | undefined;
  const requestContent = requestBody?.content as Record<string, JsonSchema> | undefined;
  const body = requestContent ? firstContent(requestContent, resolve) : null;
  const responses = Object.entries(op.responses as Record<string, JsonSchema>).map(([status, r]): ResponseRow => {
    const content = firstContent((r.content ?? {}) as Record<string, JsonSchema>, resolve);
    const error = errorCodes(content?.schema, resolve);
    return {
      status,
      description: String(r.description),
      contentType: content?.contentType ?? null,
      codes: error ?? [],
      fields: content && !error ? content.fields : [],
    };
  });
  return {
    id: String(op.operationId),
    method: method.toUpperCase(),
    path,
    summary: String(op.summary),
    description: (op.description as string | undefined) ?? null,
    access: accessText(op),
    parameters,
    body: body && { contentType: body.contentType, description: describe(requestBody), fields: body.fields },
    responses,
  };
}

function firstContent(content: Record<string, JsonSchema>, resolve: (s: JsonSchema) => JsonSchema) {
  const [contentType, media] = Object.entries(content)[0] ?? [];
  if (!contentType || !media) return null;
  const schema = resolve((media.schema ?? {}) as JsonSchema);
  return { contentType, schema, fields: fieldRows(schema, resolve) };
}

/** The codes of an error body (`{ error, message }`, or an OperationOutcome's `details.text`), or null. */
function errorCodes(schema: JsonSchema | undefined, resolve: (s: JsonSchema) => JsonSchema): string[] | null {
  if (!schema) return null;
  const props = resolve(schema).properties as Record<string, JsonSchema> | undefined;
  if (props?.error && props.message) return enumOf(props.error);
  const issue = (props?.issue?.items as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined;
  const text = (issue?.details?.properties as Record<string, JsonSchema> | undefined)?.text;
  return text ? enumOf(text) : null;
}

const enumOf = (s: JsonSchema): string[] | null =>
  Array.isArray(s.enum) ? s.enum.map(String) : s.const !== undefined ? [String(s.const)] : null;

/** An object's fields as rows, nested ones as dotted paths (`contact.email`, `slots[].start`). */
export function fieldRows(
  schema: JsonSchema,
  resolve: (s: JsonSchema) => JsonSchema,
  prefix = "",
  depth = 0,
): FieldRow[] {
  const object = objectPart(resolve(schema), resolve);
  if (!object || depth > MAX_DEPTH) return [];
  const required = new Set((object.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  for (const [key, raw] of Object.entries((object.properties ?? {}) as Record<string, JsonSchema>)) {
    const prop = resolve(raw);
    const name = `${prefix}${key}`;
    rows.push({ name, type: typeOf(prop, resolve), required: required.has(key), description: describe(prop) });
    const items = prop.type === "array" && prop.items ? resolve(prop.items as JsonSchema) : null;
    if (items && objectPart(items, resolve)) rows.push(...fieldRows(items, resolve, `${name}[].`, depth + 1));
    else if (objectPart(prop, resolve)) rows.push(...fieldRows(prop, resolve, `${name}.`, depth + 1));
  }
  return rows;
}

/** The object a schema describes (also inside "object or null", or "this or an object"), or null. */
function objectPart(schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const objects = options?.map(resolve).filter((o) => o.properties) ?? [];
  return objects.length === 1 ? objects[0]! : null;
}

function describe(schema: JsonSchema | undefined): string | null {
  return typeof schema?.description === "string" ? schema.description : null;
}

/** A schema's type in a few words: "string (uuid)", "integer 0–10", "one of: a, b", "array of string". */
export function typeOf(schema: JsonSchema | undefined, resolve: (s: JsonSchema) => JsonSchema): string {
  if (!schema) return "any";
  const s = resolve(schema);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return `one of: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (options) return [...new Set(options.map((o) => typeOf(o, resolve)))].join(" or ");
  const type = Array.isArray(s.type) ? s.type.join(" or ") : typeof s.type === "string" ? s.type : null;
  if (type === "array") return `array of ${typeOf(s.items as JsonSchema | undefined, resolve)}`;
  if (type === "string") {
    const format = typeof s.format === "string" ? ` (${s.format})` : "";
    return `string${format}${range(s.minLength, s.maxLength, " characters")}`;
  }
  if (type === "integer" || type === "number") return `${type}${range(s.minimum, s.maximum, "")}`;
  if (type === "object" && !s.properties && s.additionalProperties) return "object (map)";
  return type ?? "any";
}

function range(min: unknown, max: unknown, unit: string): string {
  const lo = typeof min === "number" ? min : null;
  const hi = typeof max === "number" && max < Number.MAX_SAFE_INTEGER ? max : null;
  if (lo !== null && hi !== null) return lo === hi ? `, ${lo}${unit}` : `, ${lo}–${hi}${unit}`;
  if (hi !== null) return `, at most ${hi}${unit}`;
  if (lo !== null && lo > 0) return `, at least ${lo}${unit}`;
  return "";
}

/** Who may call, in words: public, a session (which roles), an integration key (which scope). */
function accessText(op: JsonSchema): string {
  const security = op.security as Record<string, string[]>[];
  if (security.length === 0) return "Public";
  const roles = (op["x-roles"] ?? []) as StaffRole[];
  const who = roles.length === STAFF_ROLES.length ? "any staff role" : roles.map((r) => ROLE_NAMES[r]).join(" or ");
  const scope = security.find((s) => s.bearerAuth)?.bearerAuth?.[0];
  return scope
    ? `Staff session (${who}), or an integration key with \`${scope}\``
    : `Staff session only (${who}); no integration key`;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
