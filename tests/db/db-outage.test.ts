import { createServer, connect, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "@/db/client";
import { databaseRecentlyDown, DbUnavailableError, noteDatabaseUp } from "@/db/errors";
import { countIntakes } from "@/db/queries/intakes";
import { seed } from "@/db/seed";
import { apiRoute } from "@/lib/http";
import { handleCreateIntake } from "@/lib/intakes/api";
import { vignetteIntake } from "../support/answers";
import { TEST_DATABASES, openTestDb } from "./support";

const NOW = new Date("2026-11-24T15:00:00Z");
const SECRET = "test-secret-test-secret-test-secret-0123";

/** POST /api/v1/intakes as the route wires it (apiRoute), on the given database. */
function intakeRoute(handle: DbHandle) {
  return apiRoute((request: Request) =>
    handleCreateIntake(handle.db, request, {
      rateLimitPerMinute: 1000,
      trustedProxies: 1,
      secret: SECRET,
      now: () => NOW,
    }),
  );
}

const post = () =>
  new Request("http://localhost/api/v1/intakes", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
    body: JSON.stringify(vignetteIntake("P12", NOW)),
  });

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("30");
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(await res.json()).toMatchObject({ error: "unavailable", message: expect.stringMatching(/try again/) });
}

afterEach(() => noteDatabaseUp());

describe("a database lost after start-up [pglite]", () => {
  it("a route handler whose database has gone answers 503 with Retry-After, and pages are told so", async () => {
    const handle = await createDb({ pgliteDir: "memory://" });
    await handle.migrate();
    await seed(handle.db);
    const route = intakeRoute(handle);
    expect((await route(post())).status).toBe(201);
    expect(databaseRecentlyDown()).toBe(false);

    await handle.close(); // the database goes away under a running server
    await expectUnavailable(await route(post()));
    expect(databaseRecentlyDown()).toBe(true); // proxy.ts now answers pages with the outage page
    await expect(countIntakes(handle.db)).rejects.toBeInstanceOf(DbUnavailableError);
  });
});

// PostgreSQL behind a TCP relay the test can cut: the pool loses its server mid-life, as when
// PostgreSQL restarts or the network drops, and every new connection is refused.
if (TEST_DATABASES.includes("postgres"))
  describe("a database lost after start-up [postgres]", () => {
    it("a route handler whose pool lost PostgreSQL answers 503 with Retry-After, and recovers with it", async () => {
      const test = await openTestDb("postgres");
      const target = new URL(test.url!);
      const relay = await startRelay(target.hostname, Number(target.port || 5432));
      const viaRelay = new URL(test.url!);
      viaRelay.hostname = "127.0.0.1";
      viaRelay.port = String(relay.port);
      const handle = await createDb({ url: viaRelay.toString(), max: 2 });
      try {
        await seed(handle.db);
        const route = intakeRoute(handle);
        expect((await route(post())).status).toBe(201);

        await relay.cut(); // open connections dropped, new ones refused
        await expectUnavailable(await route(post()));
        await expectUnavailable(await route(post()));
        expect(databaseRecentlyDown()).toBe(true);

        await relay.restore(); // PostgreSQL is back: the pool reconnects on its own
        expect((await route(post())).status).toBe(201);
        expect(databaseRecentlyDown()).toBe(false);
      } finally {
        await handle.close().catch(() => {});
        await relay.cut();
        await test.dispose();
      }
    });
  });

/** A TCP relay to PostgreSQL that can be cut (connections dropped, the port closed) and restored. */
async function startRelay(host: string, port: number) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let listenPort = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(port, host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(listenPort, "127.0.0.1", () => {
        listenPort = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    port: listenPort,
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
    restore: listen,
  };
}
