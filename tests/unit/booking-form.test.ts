import { describe, expect, it } from "vitest";
import { cancelSchema, confirmBookingSchema, rescheduleSchema } from "@/lib/booking/booking-form";

const CLINICIAN = "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0001";

describe("the patient's booking forms: what they may send", () => {
  it("reads the chosen time as the slot picker sends it", () => {
    const r = confirmBookingSchema.safeParse({ token: "t", clinicianId: CLINICIAN, start: "2026-12-14T14:00:00.000Z" });
    expect(r.success && r.data).toEqual({
      token: "t",
      clinicianId: CLINICIAN,
      start: new Date("2026-12-14T14:00:00.000Z"),
    });
  });

  it("refuses a time or clinician that is not one (changed on the way) with a message to choose again", () => {
    for (const bad of [{ start: "tomorrow" }, { start: "" }, { clinicianId: "1 OR 1=1" }, { clinicianId: undefined }]) {
      const r = confirmBookingSchema.safeParse({
        token: "t",
        clinicianId: CLINICIAN,
        start: "2026-12-14T14:00:00Z",
        ...bad,
      });
      expect(r.success ? null : r.error.issues.map((i) => i.message)).toEqual(["Choose a time from the list"]);
    }
  });

  it("takes a blank re-grade as none and a cancellation without a reason as 'No reason given'", () => {
    const r = rescheduleSchema.safeParse({ clinicianId: CLINICIAN, start: "2026-12-14T14:00:00Z", regrade: "" });
    expect(r.success && r.data.regrade).toBeUndefined();
    expect(
      rescheduleSchema.safeParse({ clinicianId: CLINICIAN, start: "2026-12-14T14:00:00Z", regrade: "x" }).success,
    ).toBe(false);
    expect(cancelSchema.parse({}).reason).toBe("No reason given");
    expect(cancelSchema.parse({ reason: "  " }).reason).toBe("No reason given");
    expect(cancelSchema.parse({ reason: ` ${"a".repeat(600)} ` }).reason).toHaveLength(500);
  });
});
