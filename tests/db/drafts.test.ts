import { expect, it } from "vitest";
import { deleteDraft, getDraft, purgeExpiredDrafts, saveDraft } from "@/db/queries/drafts";
import { describeEachDb } from "./support";

const NOW = new Date("2026-11-24T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

describeEachDb("intake drafts", (ctx) => {
  it("keeps a draft's answers across saves, replacing them as the patient goes", async () => {
    const { db } = ctx();
    await saveDraft(db, {
      tokenHash: "a",
      now: NOW,
      expiresAt: at(7),
      answers: { contact: { firstName: "Ana" } },
      completedSteps: ["about-you"],
    });
    await saveDraft(db, {
      tokenHash: "a",
      now: at(1),
      expiresAt: at(8),
      answers: { contact: { firstName: "Ana" }, pain: { locations: ["low_back"] } },
      completedSteps: ["about-you", "where-it-hurts"],
    });
    const draft = await getDraft(db, { tokenHash: "a", now: at(2) });
    expect(draft?.answers).toEqual({ contact: { firstName: "Ana" }, pain: { locations: ["low_back"] } });
    expect(draft?.completedSteps).toEqual(["about-you", "where-it-hurts"]);
  });

  it("cannot be read once it has expired, and expired drafts are deleted", async () => {
    const { db } = ctx();
    await saveDraft(db, { tokenHash: "old", now: NOW, expiresAt: at(7), answers: { contact: {} }, completedSteps: [] });
    expect(await getDraft(db, { tokenHash: "old", now: at(6.9) })).not.toBeNull();
    expect(await getDraft(db, { tokenHash: "old", now: at(7) })).toBeNull();
    expect(await purgeExpiredDrafts(db, at(7))).toBeGreaterThanOrEqual(1);
    expect(await getDraft(db, { tokenHash: "old", now: NOW })).toBeNull();
  });

  it("holds no answers after it is deleted (as on submission)", async () => {
    const { db } = ctx();
    await saveDraft(db, {
      tokenHash: "sent",
      now: NOW,
      expiresAt: at(7),
      answers: { contact: { firstName: "Bo" } },
      completedSteps: [],
    });
    await deleteDraft(db, "sent");
    expect(await getDraft(db, { tokenHash: "sent", now: NOW })).toBeNull();
  });
});
