import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake does with one request: answer like Resend, fail, or take too long to answer. */
export type FakeBehaviour =
  | { do: "deliver" }
  | { do: "fail"; status: number; name?: string }
  /** Delivers, but answers only after `ms` (the client has given up by then: a lost answer). */
  | { do: "deliver_slowly"; ms: number }
  /** Never answers and never delivers (a hung connection). */
  | { do: "hang" };

export type FakeEmail = {
  idempotencyKey: string | null;
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: string }[];
};

/**
 * A local stand-in for Resend's POST /emails, pointed at with RESEND_BASE_URL. Like Resend, it
 * remembers idempotency keys: a repeat of a key it has delivered returns the first answer and is
 * not a second delivery. `deliveries` counts deliveries per key.
 */
export async function startFakeResend(
  behaviour: (body: FakeEmail, call: number) => FakeBehaviour = () => ({ do: "deliver" }),
) {
  const deliveries = new Map<string, number>();
  const delivered: FakeEmail[] = [];
  const answers = new Map<string, string>();
  let calls = 0;
  const hung = new Set<() => void>();

  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/emails") {
      res.writeHead(404).end();
      return;
    }
    const body = {
      ...(JSON.parse(await readBody(req)) as Omit<FakeEmail, "idempotencyKey">),
      idempotencyKey: (req.headers["idempotency-key"] as string) ?? null,
    };
    const key = body.idempotencyKey;
    if (key && answers.has(key)) {
      res.writeHead(200, { "content-type": "application/json" }).end(answers.get(key));
      return;
    }
    const plan = behaviour(body, ++calls);
    if (plan.do === "fail") {
      res
        .writeHead(plan.status, { "content-type": "application/json" })
        .end(
          JSON.stringify({ statusCode: plan.status, name: plan.name ?? "application_error", message: "fake failure" }),
        );
      return;
    }
    if (plan.do === "hang") {
      await new Promise<void>((resolve) => hung.add(resolve));
      res.destroy();
      return;
    }
    const answer = JSON.stringify({ id: randomUUID() });
    if (key) {
      answers.set(key, answer);
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
    }
    delivered.push(body);
    if (plan.do === "deliver_slowly") await new Promise((r) => setTimeout(r, plan.ms));
    if (!res.destroyed) res.writeHead(200, { "content-type": "application/json" }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    delivered,
    calls: () => calls,
    async close() {
      for (const release of hung) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
