import { afterEach, describe, expect, it, vi } from "vitest";

// The start-up hook with a database that fails in a way other than being unreachable.
const getDbHandle = vi.fn();
vi.mock("@/lib/db", () => ({ getDbHandle, prepareDatabaseWith: vi.fn() }));
vi.mock("@/lib/env", () => ({ env: () => ({ EMAIL_WORKER: false }), EnvError: class EnvError extends Error {} }));

const { startServer } = await import("@/lib/startup");

afterEach(() => vi.restoreAllMocks());

describe("server start-up", () => {
  it("a failure while migrating or seeding is one line and does not fail the start (Next would answer 500 until a restart)", async () => {
    const failure = new Error(
      'Failed query: insert into "appointments" ("id") values ($1)\nparams: Maria Lopez,1980-02-01',
      {
        cause: new Error('duplicate key value violates unique constraint "appointments_one_active_per_intake"'),
      },
    );
    getDbHandle.mockRejectedValueOnce(failure);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(startServer()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]![0]);
    expect(line).toContain("start-up failed, will retry");
    expect(line).toContain("appointments_one_active_per_intake");
    expect(line).not.toContain("Maria Lopez"); // a failed query's parameters stay out of the log
    expect(line).not.toContain("\n");
  });
});
