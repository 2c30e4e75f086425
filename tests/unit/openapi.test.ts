import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/common/vocabulary";
import { buildOpenApiDocument, OPERATIONS } from "@/lib/openapi/document";
import { apiReference } from "@/lib/openapi/reference";

const ROOT = join(import.meta.dirname, "..", "..");
const API_DIR = join(ROOT, "app", "api");
/** Not part of the API: Auth.js's own routes, and the development mailbox (never in production). */
const EXCLUDED = ["auth", "dev"];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { GET }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const name of m[1]!.split(","))
      found.add(
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      );
  return [...found].filter((name) => HTTP_METHODS.includes(name));
}

/** app/api/v1/staff/cases/[id]/route.ts → /api/v1/staff/cases/{id} (route groups dropped). */
function openApiPath(file: string): string {
  const segments = relative(join(ROOT, "app"), file).split(sep).slice(0, -1);
  return `/${segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"))
    .join("/")}`;
}

/** Every "METHOD /path" the file system serves under app/api, but the excluded folders. */
function servedOperations(): string[] {
  return routeFiles(API_DIR)
    .filter((file) => !EXCLUDED.includes(relative(API_DIR, file).split(sep)[0]!))
    .flatMap((file) => exportedMethods(readFileSync(file, "utf8")).map((m) => `${m} ${openApiPath(file)}`))
    .sort();
}

const doc = buildOpenApiDocument();
const documented = Object.entries(doc.paths)
  .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
  .sort();

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("reads route folders as OpenAPI paths", () => {
    expect(openApiPath(join(API_DIR, "v1", "staff", "cases", "[id]", "acknowledge", "route.ts"))).toBe(
      "/api/v1/staff/cases/{id}/acknowledge",
    );
    expect(openApiPath(join(API_DIR, "v1", "fhir", "Patient", "[id]", "$everything", "route.ts"))).toBe(
      "/api/v1/fhir/Patient/{id}/$everything",
    );
    expect(
      exportedMethods("export const GET = apiRoute(...);\nexport async function POST() {}\nexport { x as DELETE };"),
    ).toEqual(["GET", "POST", "DELETE"]);
  });

  it("describes every route the app serves (app/api, but Auth.js and the dev mailbox)", () => {
    const missing = servedOperations().filter((op) => !documented.includes(op));
    expect(missing, "routes with no operation in lib/openapi").toEqual([]);
  });

  it("describes no route the app does not serve", () => {
    const served = servedOperations();
    expect(
      documented.filter((op) => !served.includes(op)),
      "documented operations with no route file",
    ).toEqual([]);
  });

  it("gives every operation a summary and at least one client error", () => {
    // Routes no client can get wrong: the health check, this document, and the deep link's redirect,
    // which ignores a bad time by design.
    const noClientError = ["GET /api/health", "GET /api/openapi.json", "GET /api/v1/scheduling/chosen-time"];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        expect(op.summary, name).toBeTruthy();
        const statuses = Object.keys(op.responses as object);
        if (!noClientError.includes(name))
          expect(
            statuses.some((s) => s.startsWith("4")),
            name,
          ).toBe(true);
      }
  });

  it("asks integration keys for the scope each staff route needs, and none on routes for people only", () => {
    const scopes: Record<string, string | null> = {};
    for (const op of OPERATIONS)
      if (op.access.kind === "staff") scopes[`${op.method.toUpperCase()} ${op.path}`] = op.access.scope;
    expect(scopes).toMatchObject({
      "GET /api/v1/staff/cases": "cases:read",
      "GET /api/v1/staff/cases/{id}": "cases:read",
      "POST /api/v1/staff/cases/{id}/acknowledge": null,
      "GET /api/v1/staff/patients": "patients:read",
      "GET /api/v1/staff/patients/{id}": "patients:read",
      "POST /api/v1/staff/appointments": "appointments:write",
      "POST /api/v1/staff/appointments/{id}/move": "appointments:write",
      "POST /api/v1/staff/appointments/{id}/cancel": "appointments:write",
      "GET /api/v1/staff/audit": null,
      "GET /api/v1/fhir/Patient/{id}/$everything": "fhir:read",
      "GET /api/v1/staff/webhooks": "webhooks:manage",
      "DELETE /api/v1/staff/webhooks/{id}": "webhooks:manage",
    });
    for (const scope of Object.values(scopes)) if (scope) expect(API_SCOPES).toContain(scope);
    const cases = doc.paths["/api/v1/staff/cases"]!.get!;
    expect(cases.security).toEqual([{ sessionCookie: [] }, { bearerAuth: ["cases:read"] }]);
    expect(doc.paths["/api/v1/staff/audit"]!.get!.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/api/v1/intakes"]!.post!.security).toEqual([]);
  });

  it("documents the session and key errors on every staff route", () => {
    for (const op of OPERATIONS.filter((o) => o.access.kind === "staff")) {
      const responses = doc.paths[op.path]![op.method]!.responses as Record<string, unknown>;
      expect(Object.keys(responses), `${op.method} ${op.path}`).toEqual(expect.arrayContaining(["401", "403", "429"]));
    }
  });

  it("takes request bodies from the schemas the handlers parse with", () => {
    const body = (path: string) =>
      (doc.paths[path]!.post!.requestBody as { content: Record<string, { schema: unknown }> }).content[
        "application/json"
      ]!.schema;
    expect(body("/api/v1/intakes")).toEqual({ $ref: "#/components/schemas/IntakeAnswers" });
    const intake = doc.components.schemas.IntakeAnswers as { required: string[] };
    expect(intake.required).toEqual(expect.arrayContaining(["contact", "consent", "stoppedAt", "pain", "vascular"]));
    const booking = doc.components.schemas.BookingRequest as { additionalProperties: boolean; required: string[] };
    expect(booking.additionalProperties).toBe(false); // a strict object: unknown fields are refused
    expect(booking.required).toEqual(["bookingToken", "appointmentTypeId", "clinicianId", "start"]);
  });

  it("documents every error code the API's handlers send, under its status", () => {
    const handlers = [
      "lib/http.ts",
      "lib/intakes/api.ts",
      "lib/booking/api.ts",
      "lib/waitlist/api.ts",
      "lib/staff/api.ts",
      "lib/staff/patients-api.ts",
      "lib/staff/caller-booking-api.ts",
      "lib/staff/session.ts",
      "lib/staff/api-keys.ts",
      "lib/staff/webhooks-api.ts",
      "lib/fhir/api.ts",
    ];
    const sent = new Set<string>();
    for (const file of handlers) {
      const source = readFileSync(join(ROOT, file), "utf8");
      for (const m of source.matchAll(/(?:jsonError|outcomeResponse)\(\s*(\d{3}),\s*"(\w+)"/g))
        sent.add(`${m[1]} ${m[2]}`);
      for (const m of source.matchAll(/status: (\d{3}), code: "(\w+)"/g)) sent.add(`${m[1]} ${m[2]}`);
    }
    const documentedCodes = new Set<string>();
    for (const tag of apiReference(doc))
      for (const op of tag.operations)
        for (const r of op.responses) for (const code of r.codes) documentedCodes.add(`${r.status} ${code}`);
    expect(sent.size).toBeGreaterThan(20);
    expect([...sent].filter((c) => !documentedCodes.has(c)).sort()).toEqual([]);
  });

  it("answers the FHIR routes' errors as OperationOutcomes, but the database's 503 as JSON", () => {
    const responses = doc.paths["/api/v1/fhir/Patient/{id}/$everything"]!.get!.responses as Record<
      string,
      { content: Record<string, unknown> }
    >;
    for (const status of ["401", "403", "404", "429"])
      expect(Object.keys(responses[status]!.content), status).toEqual(["application/fhir+json"]);
    expect(Object.keys(responses["503"]!.content)).toEqual(["application/json"]);
  });

  it("lists every operation on the reference page, with its fields", () => {
    const tags = apiReference(doc);
    expect(tags.flatMap((t) => t.operations).length).toBe(documented.length);
    const slots = tags.flatMap((t) => t.operations).find((o) => o.id === "getApiV1Slots")!;
    expect(slots.access).toBe("Public");
    expect(slots.parameters.map((p) => p.name)).toEqual(["bookingToken", "from", "days", "type"]);
    expect(slots.responses.find((r) => r.status === "200")!.fields.map((f) => f.name)).toContain("slots[].start");
    expect(slots.responses.find((r) => r.status === "401")!.codes).toEqual(["invalid_token"]);
    const intake = tags.flatMap((t) => t.operations).find((o) => o.id === "postApiV1Intakes")!;
    expect(intake.body!.fields.map((f) => f.name)).toContain("contact.email");
  });
});
