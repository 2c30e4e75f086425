import { expect, it } from "vitest";
import { enqueueEmail, listDeadEmails } from "@/db/queries/outbox";
import type { OutboxRow } from "@/db/schema";
import { MAX_ATTEMPTS } from "@/lib/notifications/backoff";
import { sendDueEmails, type SendOutcome, type Transport } from "@/lib/notifications/worker";
import { describeEachDb } from "./support";

const T0 = new Date("2026-12-01T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A provider that remembers what it delivered, keyed by the idempotency key, like Resend does. */
function fakeProvider(script: (email: OutboxRow, call: number) => SendOutcome | "throw") {
  const delivered = new Map<string, number>();
  let calls = 0;
  const transport: Transport = async (email) => {
    const result = script(email, ++calls);
    if (result === "throw") throw new Error("socket hang up");
    if (result.ok) delivered.set(email.id, (delivered.get(email.id) ?? 0) + 1);
    return result;
  };
  return { transport, delivered };
}

describeEachDb("outbox worker", (ctx) => {
  it("sends each due email once and only once", async () => {
    const { db } = ctx();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(await enqueueEmail(db, { kind: "w1", recipient: `w${i}@example.test`, payload: {}, dueAt: T0 }));
    const provider = fakeProvider(() => ({ ok: true }));
    const first = await sendDueEmails(db, provider.transport, { now: T0 });
    expect(first.sent).toBeGreaterThanOrEqual(5);
    await sendDueEmails(db, provider.transport, { now: later(10 * 60_000) });
    for (const id of ids) expect(provider.delivered.get(id)).toBe(1);
  });

  it("retries 5xx and timeouts until delivered, with exactly one delivery", async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, { kind: "w2", recipient: "flaky@example.test", payload: {}, dueAt: T0 });
    const provider = fakeProvider((email, call) =>
      email.id !== id
        ? { ok: true }
        : call % 3 === 1
          ? { ok: false, error: "503", permanent: false }
          : call % 3 === 2
            ? "throw"
            : { ok: true },
    );
    let now = T0;
    for (let i = 0; i < 6 && !provider.delivered.has(id); i++) {
      await sendDueEmails(db, provider.transport, { now, random: () => 1 });
      now = later((i + 1) * 2 * 3_600_000); // past any backoff
    }
    expect(provider.delivered.get(id)).toBe(1);
  });

  it("marks a validation error dead at once, without retry storms", async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, { kind: "w3", recipient: "not-an-address", payload: {}, dueAt: T0 });
    let attempts = 0;
    const transport: Transport = async (email) => {
      if (email.id === id) attempts++;
      return email.id === id ? { ok: false, error: "422 invalid `to`", permanent: true } : { ok: true };
    };
    for (let i = 0; i < 4; i++) await sendDueEmails(db, transport, { now: later(i * 3_600_000) });
    expect(attempts).toBe(1);
    expect((await listDeadEmails(db)).map((d) => d.id)).toContain(id);
  });

  it(`gives up after ${MAX_ATTEMPTS} temporary failures and shows the email to staff`, async () => {
    const { db } = ctx();
    const id = await enqueueEmail(db, { kind: "w4", recipient: "down@example.test", payload: {}, dueAt: T0 });
    const transport: Transport = async (email) =>
      email.id === id ? { ok: false, error: "500", permanent: false } : { ok: true };
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++)
      await sendDueEmails(db, transport, { now: later(i * 2 * 3_600_000), random: () => 1 });
    const dead = (await listDeadEmails(db)).find((d) => d.id === id);
    expect(dead).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: "500" });
  });
});
