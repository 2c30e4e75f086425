// The OpenAPI 3.1 document of every public, staff and FHIR route, built from the route tables with
// zod 4's own JSON Schema output (OpenAPI 3.1 schemas are JSON Schema 2020-12). Served at
// GET /api/openapi.json and read by the /docs/api page.
import { z } from "zod";
import { ROLE_NAMES, STAFF_ROLES } from "@/common/vocabulary";
import pkg from "@/package.json";
import { insufficientScope, keyRateLimited, staffUnauthorized } from "./errors";
import { interopOperations } from "./interop";
import {
  errorBody,
  errorResponse,
  FHIR_JSON,
  outcomeBody,
  TAGS,
  type Body,
  type Operation,
  type ResponseSpec,
} from "./model";
import { publicOperations } from "./public";
import { staffOperations } from "./staff";

/** Every documented operation, in the order the reference page lists them. */
export const OPERATIONS: readonly Operation[] = [...publicOperations, ...staffOperations, ...interopOperations];

export type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

const SESSION = "sessionCookie";
const BEARER = "bearerAuth";

const securitySchemes = {
  [SESSION]: {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description:
      "A staff member's session, from signing in at /staff (`__Secure-authjs.session-token` on https). Changes sent with it from another site's page are refused (`403 cross_site`: Origin and Sec-Fetch-Site are checked).",
  },
  [BEARER]: {
    type: "http",
    scheme: "bearer",
    description:
      "An integration key (`btk_…`), created by an admin in Settings with scopes: `cases:read`, `patients:read`, `fhir:read`, `appointments:write`, `webhooks:manage`. Shown once, stored hashed, revocable; every use is audited; 600 requests a minute per key. A key acts with the reception role's rights.",
  },
};

/** A zod schema as JSON Schema 2020-12, without its `$schema` (the document's dialect is 3.1's). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  delete out.$schema;
  return out;
}

/** Adds `notes` as the descriptions of an object schema's top-level fields that have none. */
function withNotes(schema: JsonSchema, notes: Record<string, string> = {}): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  for (const [name, note] of Object.entries(notes)) {
    const field = properties?.[name];
    if (!field) throw new Error(`A note for "${name}", which the schema does not have`);
    field.description ??= note;
  }
  return schema;
}

/** Two answers with one status become one: their codes, members, headers and words together. */
function mergeResponses(a: ResponseSpec, b: ResponseSpec): ResponseSpec {
  if (!a.error || !b.error) throw new Error(`Only error answers merge: "${a.description}" and "${b.description}"`);
  const codes = [...new Set([...a.error.codes, ...b.error.codes])] as [string, ...string[]];
  return errorResponse(
    `${a.description} ${b.description}`,
    codes,
    { ...a.error.extra, ...b.error.extra },
    a.headers || b.headers ? { ...a.headers, ...b.headers } : undefined,
  );
}

/** What requireStaffApi answers on every staff route: 401, 403 for a key's scope or a role, 429 per key. */
function withStaffErrors(op: Operation): Record<number, ResponseSpec> {
  if (op.access.kind !== "staff") return op.responses;
  const responses = { ...op.responses };
  const add = (status: number, spec: ResponseSpec) => {
    const own = responses[status];
    responses[status] = own ? mergeResponses(spec, own) : spec;
  };
  add(401, staffUnauthorized);
  const { roles, scope } = op.access;
  if (roles.length < STAFF_ROLES.length) {
    const names = roles.map((r) => ROLE_NAMES[r]).join(" or ");
    add(403, errorResponse(`\`forbidden\`: signed in with a role other than ${names}.`, ["forbidden"]));
  }
  add(403, insufficientScope(scope));
  add(429, keyRateLimited);
  return responses;
}

/** operationId: the method and the path's words, e.g. getApiV1StaffCasesById. */
function operationId(op: Operation): string {
  const words = op.path
    .split(/[/.$-]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith("{") ? `By${cap(w.slice(1, -1))}` : cap(w)));
  return op.method + words.join("");
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Builds the document; throws when two different schemas claim one component name. */
export function buildOpenApiDocument(): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  const named = new Map<string, z.ZodType>();
  const content = (body: Body, io: "input" | "output") => {
    let schema: JsonSchema;
    if (body.name) {
      const known = named.get(body.name);
      if (known && known !== body.schema) throw new Error(`Two schemas are named ${body.name}`);
      if (!known) {
        named.set(body.name, body.schema);
        schemas[body.name] = withNotes(jsonSchema(body.schema, io), body.notes);
      }
      schema = { $ref: `#/components/schemas/${body.name}` };
    } else schema = withNotes(jsonSchema(body.schema, io), body.notes);
    return { [body.contentType ?? "application/json"]: { schema } };
  };

  const paths: OpenApiDocument["paths"] = {};
  const ids = new Set<string>();
  for (const op of OPERATIONS) {
    const id = operationId(op);
    if (ids.has(id)) throw new Error(`Two operations are ${id}`);
    ids.add(id);
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(withStaffErrors(op))) {
      const body: Body | undefined = !spec.error
        ? spec.body
        : op.fhirErrors && status !== "503"
          ? { schema: outcomeBody(spec.error.codes), contentType: FHIR_JSON }
          : { schema: errorBody(spec.error.codes, spec.error.extra) };
      responses[status] = {
        description: spec.description,
        ...(spec.headers && {
          headers: Object.fromEntries(
            Object.entries(spec.headers).map(([name, description]) => [
              name,
              { description, schema: { type: "string" } },
            ]),
          ),
        }),
        ...(body && { content: content(body, "output") }),
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description && { description: op.description }),
      security: security(op),
      ...(op.access.kind === "staff" && { "x-roles": [...op.access.roles] }),
      ...(parameters(op).length > 0 && { parameters: parameters(op) }),
      ...(op.requestBody && {
        requestBody: {
          required: true,
          ...(op.requestBody.description && { description: op.requestBody.description }),
          content: content(op.requestBody, "input"),
        },
      }),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "BackTrack API",
      version: pkg.version,
      description:
        "Intake, booking, staff and interoperability routes of a BackTrack clinic portal. Errors are JSON `{ error, message }`: `error` is a stable code, `message` a sentence for people (FHIR routes answer not-found as an OperationOutcome). The readable reference is at /docs/api.",
    },
    servers: [{ url: "/" }],
    tags: TAGS.map((t) => ({ ...t })),
    paths,
    components: { schemas, securitySchemes },
  };
}

function security(op: Operation): Record<string, string[]>[] {
  if (op.access.kind === "public") return [];
  const session = { [SESSION]: [] };
  return op.access.scope ? [session, { [BEARER]: [op.access.scope] }] : [session];
}

function parameters(op: Operation): JsonSchema[] {
  const params: JsonSchema[] = [];
  for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
    const given = op.pathParams?.[name!];
    params.push({
      name,
      in: "path",
      required: true,
      description: given?.description ?? name,
      schema: given?.schema ? jsonSchema(given.schema, "input") : { type: "string" },
    });
  }
  if (op.query) {
    const query = withNotes(jsonSchema(op.query, "input"), op.queryNotes) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      params.push({
        name,
        in: "query",
        required: query.required?.includes(name) ?? false,
        ...(typeof description === "string" && { description }),
        schema: rest,
      });
    }
  }
  for (const header of op.headers ?? [])
    params.push({
      name: header.name,
      in: "header",
      required: header.required ?? false,
      description: header.description,
      schema: jsonSchema(header.schema, "input"),
    });
  return params;
}

let built: OpenApiDocument | undefined;

/** The document, built once per process: it depends only on the code. */
export function openApiDocument(): OpenApiDocument {
  return (built ??= buildOpenApiDocument());
}
