import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { DB_UNAVAILABLE_DIGEST, DbQueryError, DbUnavailableError, safeDbError } from "@/db/errors";
import { pgCode } from "@/lib/booking/book";
import { apiRoute } from "@/lib/http";

/** A postgres.js PostgresError as the driver makes it: its detail and where quote the row. */
function postgresError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? "")), {
    name: "PostgresError",
    severity: "ERROR",
    ...fields,
  });
}

describe("database errors carry no values", () => {
  it("a refused statement keeps its SQLSTATE and constraint, never its detail, message or parameters", () => {
    const raw = postgresError({
      code: "23514",
      message: 'new row for relation "intakes" violates check constraint "intakes_level_rank_range"',
      detail: "Failing row contains (id, Marisol, Quintanilla, marisol@example.test, 1980-04-23, …)",
      where: "unnamed portal parameter $2 = 'Marisol'",
      constraint_name: "intakes_level_rank_range",
      table_name: "intakes",
      parameters: ["Marisol", "Quintanilla"],
    });
    const safe = safeDbError(raw, { wrapped: true });
    expect(safe).toBeInstanceOf(DbQueryError);
    expect((safe as Error).message).toBe(
      "Database refused the statement: 23514 check violation (constraint intakes_level_rank_range; table intakes)",
    );
    expect(inspect(safe, { showHidden: true, depth: null })).not.toMatch(/Marisol|Quintanilla|1980/);
    expect(pgCode(safe)).toBe("23514");
    expect((safe as DbQueryError).constraint).toBe("intakes_level_rank_range");
  });

  it("PostgreSQL's own message is never kept (some quote the value), except our triggers' RAISE text", () => {
    const uuid = postgresError({
      code: "22P02",
      message: 'invalid input syntax for type uuid: "marisol@example.test"',
    });
    expect((safeDbError(uuid) as Error).message).not.toContain("marisol");
    const trigger = postgresError({ code: "P0001", message: "audit_events is append-only" });
    expect((safeDbError(trigger) as Error).message).toMatch(
      /P0001 raised by a trigger.*: audit_events is append-only$/,
    );
  });

  it("a lost connection is DbUnavailableError, with its code, whichever driver said so", () => {
    const lost = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("write CONNECTION_CLOSED db:5432"), { code: "CONNECTION_CLOSED" }),
      postgresError({ code: "57P01", message: "terminating connection due to administrator command" }),
      postgresError({ code: "08006", message: "connection failure" }),
      new Error("PGlite is closed"),
    ];
    for (const error of lost) {
      const safe = safeDbError(error, { wrapped: true });
      expect(safe, String(error)).toBeInstanceOf(DbUnavailableError);
      expect((safe as DbUnavailableError).digest).toBe(DB_UNAVAILABLE_DIGEST);
    }
    expect((safeDbError(lost[0]) as DbUnavailableError).code).toBe("ECONNREFUSED");
  });

  it("leaves an app's own error alone, unless it came out of drizzle's wrapper", () => {
    const mine = new RangeError("not a real date");
    expect(safeDbError(mine)).toBe(mine);
    const unknown = safeDbError(new TypeError('The "string" argument must be of type string. Received 1980'), {
      wrapped: true,
    });
    expect(unknown).toBeInstanceOf(DbQueryError);
    expect((unknown as Error).message).not.toContain("1980");
  });

  it("an outage made by another copy of the module (Next loads it per bundle) is still recognised", () => {
    const elsewhere = Object.assign(new Error("The database cannot be reached"), { digest: DB_UNAVAILABLE_DIGEST });
    expect(elsewhere).toBeInstanceOf(DbUnavailableError);
    expect(new Error("other")).not.toBeInstanceOf(DbUnavailableError);
  });
});

describe("apiRoute", () => {
  it("answers a database outage with 503, Retry-After and a JSON body", async () => {
    const route = apiRoute(async () => {
      throw new DbUnavailableError("The database cannot be reached (ECONNREFUSED)", "ECONNREFUSED");
    });
    const res = await route();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({
      error: "unavailable",
      message: "The service is briefly unavailable. Please try again in a minute.",
    });
  });

  it("passes answers through and rethrows any other error for Next to log", async () => {
    const ok = apiRoute((request: Request) => new Response(request.url, { status: 201 }));
    expect((await ok(new Request("http://x/a"))).status).toBe(201);
    const failing = apiRoute(async () => {
      throw new DbQueryError({ code: "23505" });
    });
    await expect(failing()).rejects.toBeInstanceOf(DbQueryError);
  });
});
