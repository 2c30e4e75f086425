// A clinician's verdict on a grade (issue 22, item 1): recorded once known, changed with history,
// audited without its free text, and the free text erased with the patient.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { currentVerdict, verdictHistory } from "@/db/queries/governance";
import { upsertStaff } from "@/db/queries/staff";
import { gradeVerdicts } from "@/db/schema";
import { seed } from "@/db/seed";
import { recordVerdict, verdictSchema } from "@/lib/governance/verdicts";
import { submitIntake } from "@/lib/intakes/submit";
import { erasePatient } from "@/lib/privacy/erase";
import { makeIntakeAnswersSchema } from "@/lib/triage";
import { vignetteIntake } from "../support/answers";
import { describeEachDb } from "./support";

const NOW = new Date("2026-12-01T15:00:00Z");
const LATER = new Date("2026-12-08T15:00:00Z");

describeEachDb("verdicts on grades", (ctx) => {
  it("records a verdict, keeps the earlier one as history when it changes, and audits each without the free text", async () => {
    const { db } = ctx();
    await seed(db);
    const { id: doctorId } = await upsertStaff(db, {
      email: `dr.${randomUUID()}@clinic.test`,
      name: "Dr Verdict",
      role: "clinician",
      passwordHash: "x",
    });
    const doctor = { id: doctorId, email: "dr@clinic.test", clientAddress: "192.0.2.1" };
    const raw = vignetteIntake("P12", NOW) as { contact: Record<string, unknown> };
    raw.contact = { ...raw.contact, lastName: "Verdictson", email: `v.${randomUUID()}@example.com` };
    const graded = await submitIntake(db, {
      answers: makeIntakeAnswersSchema({ now: NOW }).parse(raw),
      now: NOW,
      timeZone: "America/New_York",
    });
    if (graded.status !== "created") throw new Error(graded.status);
    const id = graded.response.id;

    const first = verdictSchema.parse({ verdict: "right", diagnosis: "" });
    expect(await recordVerdict(db, doctor, id, first, NOW)).toEqual({ status: "done" });
    expect(await recordVerdict(db, doctor, id, first, NOW)).toEqual({ status: "unchanged" });
    const second = verdictSchema.parse({
      verdict: "higher",
      diagnosis: "other",
      diagnosisText: "Mrs Verdictson's abscess",
    });
    expect(await recordVerdict(db, doctor, id, second, LATER)).toEqual({ status: "done" });

    expect(await currentVerdict(db, id)).toMatchObject({
      verdict: "higher",
      diagnosis: "other",
      recordedBy: "Dr Verdict",
    });
    const history = await verdictHistory(db, id);
    expect(history.map((v) => [v.verdict, v.supersededAt])).toEqual([
      ["right", LATER],
      ["higher", null],
    ]);
    const audit = await listAudit(db, { subjectId: id });
    expect(audit.filter((a) => a.action.startsWith("grade_verdict")).map((a) => a.action)).toEqual([
      "grade_verdict_changed",
      "grade_verdict_recorded",
    ]);
    expect(audit.find((a) => a.action === "grade_verdict_changed")).toMatchObject({
      before: { verdict: "right", diagnosis: null },
      after: { verdict: "higher", diagnosis: "other", level: graded.response.level },
    });
    expect(JSON.stringify(audit)).not.toContain("abscess");

    // "Other" needs words; an unknown case is not found; nothing was saved by either.
    const other = verdictSchema.safeParse({ verdict: "lower", diagnosis: "other" });
    expect(other.success).toBe(false);
    expect(await recordVerdict(db, doctor, randomUUID(), first, NOW)).toEqual({ status: "not_found" });
    expect(await recordVerdict(db, doctor, "not-an-id", first, NOW)).toEqual({ status: "not_found" });

    // Erasure keeps the verdict and the listed diagnosis (the audit counts them), not the words.
    const erased = await erasePatient(db, { actor: doctor, intakeId: id, reason: "Asked by the patient", now: LATER });
    expect(erased.status).toBe("erased");
    const rows = await db.select().from(gradeVerdicts).where(eq(gradeVerdicts.intakeId, id));
    expect(rows.map((r) => [r.verdict, r.diagnosis, r.diagnosisText])).toEqual(
      expect.arrayContaining([
        ["right", null, null],
        ["higher", "other", null],
      ]),
    );
  });
});
