import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, listDeadEmails } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { seed } from "@/db/seed";
import { env } from "@/lib/env";
import { renderingTransport, resendSender } from "@/lib/notifications/transports";
import { sendDueEmails } from "@/lib/notifications/worker";
import { startFakeResend, type FakeBehaviour } from "../support/fake-resend";
import { describeEachDb, openTestDb, TEST_DATABASES } from "./support";

const fakes: Awaited<ReturnType<typeof startFakeResend>>[] = [];
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

async function fake(behaviour?: (body: { to: string | string[] }, call: number) => FakeBehaviour) {
  const server = await startFakeResend(behaviour);
  fakes.push(server);
  return server;
}

const checkIn = (to: string) => ({ kind: "self_care_checkin", recipient: to, payload: { firstName: "Fay" } });
const HOUR = 3_600_000;

describeEachDb("sending through Resend (a local fake on RESEND_BASE_URL)", (ctx) => {
  it("retries 5xx answers and lost answers until delivered, with exactly one delivery per email and the outbox id as idempotency key", async () => {
    const { db } = ctx();
    await seed(db);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await enqueueEmail(db, checkIn(`fay${i}@example.test`)));
    // Per email: first a 503, then a delivery whose answer comes too late (the client gives up), then fine.
    const tries = new Map<string, number>();
    const server = await fake((body) => {
      const to = String(body.to);
      const n = (tries.get(to) ?? 0) + 1;
      tries.set(to, n);
      return n === 1 ? { do: "fail", status: 503 } : n === 2 ? { do: "deliver_slowly", ms: 400 } : { do: "deliver" };
    });
    const transport = renderingTransport(db, resendSender({ apiKey: "re_test", baseUrl: server.url, timeoutMs: 150 }));
    let now = new Date();
    for (let pass = 0; pass < 6; pass++) {
      await sendDueEmails(db, transport, { now, random: () => 1 });
      now = new Date(now.getTime() + 2 * HOUR); // past any backoff
    }
    const rows = await db.select().from(outbox).where(eq(outbox.kind, "self_care_checkin"));
    for (const id of ids) {
      expect(server.deliveries.get(id), `email ${id}`).toBe(1);
      expect(rows.find((r) => r.id === id)?.status).toBe("sent");
    }
    expect(server.delivered.filter((d) => ids.includes(d.idempotencyKey!))).toHaveLength(ids.length);
    expect(server.delivered[0]!.subject).toMatch(/how is your back/i);
  });

  it("marks a 422 validation error dead after one try, and shows it to staff", async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, checkIn("not-an-address"));
    const server = await fake((body) =>
      String(body.to) === "not-an-address" ? { do: "fail", status: 422, name: "validation_error" } : { do: "deliver" },
    );
    const transport = renderingTransport(db, resendSender({ apiKey: "re_test", baseUrl: server.url }));
    let now = new Date();
    for (let pass = 0; pass < 4; pass++) {
      await sendDueEmails(db, transport, { now });
      now = new Date(now.getTime() + 2 * HOUR);
    }
    expect(server.calls()).toBe(1);
    expect((await listDeadEmails(db)).find((d) => d.id === id)).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining("422"),
    });
  });

  it("retries a 429 (rate limited) instead of giving up", async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, checkIn("busy@example.test"));
    let n = 0;
    const server = await fake(() =>
      ++n === 1 ? { do: "fail", status: 429, name: "rate_limit_exceeded" } : { do: "deliver" },
    );
    const transport = renderingTransport(db, resendSender({ apiKey: "re_test", baseUrl: server.url }));
    await sendDueEmails(db, transport, { now: new Date() });
    await sendDueEmails(db, transport, { now: new Date(Date.now() + 2 * HOUR) });
    expect(server.deliveries.get(id)).toBe(1);
  });
});

// A killed process needs a database another process can open: PostgreSQL only (a PGlite
// directory belongs to one process, and the tests' PGlite lives in memory).
if (TEST_DATABASES.includes("postgres"))
  describe("the worker process [postgres]", () => {
    let current: Awaited<ReturnType<typeof openTestDb>>;
    beforeAll(async () => {
      current = await openTestDb("postgres");
      await seed(current.db);
    });
    afterAll(() => current?.dispose());
    const ctx = () => current;
    {
      const startWorker = (url: string, resendUrl: string) => {
        // One process (the tsx CLI would fork a second one that a SIGKILL would orphan).
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
          env: {
            ...process.env,
            DATABASE_URL: url,
            RESEND_API_KEY: "re_test",
            RESEND_BASE_URL: resendUrl,
            EMAIL_FROM: "Clinic <clinic@example.test>",
            AUTH_SECRET: env().AUTH_SECRET,
            EMAIL_WORKER_INTERVAL_SECONDS: "1",
            NODE_ENV: "test",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        return { child, exited, output: () => output };
      };

      it("loses nothing when killed mid-send: the claim runs out and the email is delivered once", async () => {
        const { db, url } = ctx();
        const id = await enqueueEmail(db, checkIn("kill@example.test"));
        let arrived!: () => void;
        const inFlight = new Promise<void>((resolve) => (arrived = resolve));
        let calls = 0;
        const server = await fake(() => {
          if (++calls === 1) {
            arrived();
            return { do: "hang" };
          }
          return { do: "deliver" };
        });
        const worker = startWorker(url!, server.url);
        await inFlight; // the worker has claimed the email and is sending it
        worker.child.kill("SIGKILL");
        await worker.exited;
        const [claimed] = await db.select().from(outbox).where(eq(outbox.id, id));
        expect(claimed).toMatchObject({ status: "pending", attempts: 1 });
        expect(server.deliveries.get(id)).toBeUndefined();

        // Another worker, once the dead one's lease has run out.
        const transport = renderingTransport(db, resendSender({ apiKey: "re_test", baseUrl: server.url }));
        expect((await sendDueEmails(db, transport, { now: new Date() })).claimed).toBe(0); // still leased
        await sendDueEmails(db, transport, { now: new Date(claimed!.claimedUntil!.getTime() + 1000) });
        expect(server.deliveries.get(id)).toBe(1);
        expect((await db.select().from(outbox).where(eq(outbox.id, id)))[0]!.status).toBe("sent");
      });

      it("stops cleanly on SIGTERM after sending what it has", async () => {
        const { db, url } = ctx();
        const id = await enqueueEmail(db, checkIn("term@example.test"));
        const server = await fake(() => ({ do: "deliver" }));
        const worker = startWorker(url!, server.url);
        for (let i = 0; i < 100 && !server.deliveries.has(id); i++) await new Promise((r) => setTimeout(r, 100));
        expect(server.deliveries.get(id), worker.output()).toBe(1);
        worker.child.kill("SIGTERM");
        expect(await worker.exited).toBe(0);
        expect(worker.output()).toContain("worker stopped");
      });
    }
  });
