import { describe, expect, it } from "vitest";
import {
  appointmentTypeSchema,
  hoursRowSchema,
  hoursSchema,
  ianaZone,
  policiesSchema,
  staffRoleSchema,
  timeOffSchema,
} from "@/lib/staff/settings";

describe("admin settings: what a form may send", () => {
  it("accepts IANA zone names (canonically cased) and refuses offsets, abbreviations and made-up zones", () => {
    expect(ianaZone("America/New_York")).toBe("America/New_York");
    expect(ianaZone("europe/london")).toBe("Europe/London");
    expect(ianaZone("UTC")).toBe("UTC");
    for (const bad of ["EST", "+05:00", "Mars/Olympus_Mons", "", "New York"]) expect(ianaZone(bad)).toBeNull();
  });

  it("reads whole numbers from form strings and refuses fractions, words and blanks", () => {
    const ok = appointmentTypeSchema.safeParse({
      id: "initial",
      name: "Initial",
      minutes: " 45 ",
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "120",
      active: "on",
    });
    expect(ok.success && ok.data).toEqual({
      id: "initial",
      name: "Initial",
      minutes: 45,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 120,
      active: true,
    });
    for (const minutes of ["45.5", "ten", "", "4", "481"]) {
      const r = appointmentTypeSchema.safeParse({
        id: "initial",
        name: "Initial",
        minutes,
        bufferBeforeMinutes: "0",
        bufferAfterMinutes: "0",
      });
      expect(r.success ? null : r.error.issues.map((i) => i.path[0])).toEqual(["minutes"]);
    }
  });

  it("keeps acknowledgement deadlines within the database's limits", () => {
    const base = {
      name: "C",
      address: "A",
      phone: "1",
      email: "",
      emergencyNumber: "911",
      timeZone: "UTC",
      slotIntervalMinutes: 15,
      minNoticeMinutes: 0,
      horizonDays: 60,
      cancellationCutoffHours: 24,
      urgentReservePerDay: 1,
      urgentReleaseTime: "12:00",
    };
    expect(policiesSchema.safeParse({ ...base, emergencyAckMinutes: 60, urgentAckMinutes: 1440 }).success).toBe(true);
    expect(policiesSchema.safeParse({ ...base, emergencyAckMinutes: 61, urgentAckMinutes: 1440 }).success).toBe(false);
    expect(policiesSchema.safeParse({ ...base, emergencyAckMinutes: 15, urgentAckMinutes: 1441 }).success).toBe(false);
    expect(policiesSchema.safeParse({ ...base, emergencyAckMinutes: 0, urgentAckMinutes: 120 }).success).toBe(false);
  });

  it("wants hours that end after they start, and real dates for time off", () => {
    const id = "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0001";
    expect(hoursSchema.safeParse({ clinicianId: id, weekday: "1", start: "09:00", end: "17:00" }).success).toBe(true);
    const backwards = hoursSchema.safeParse({ clinicianId: id, weekday: "1", start: "17:00", end: "09:00" });
    expect(backwards.success ? null : backwards.error.issues[0]?.path).toEqual(["end"]);
    expect(hoursSchema.safeParse({ clinicianId: id, weekday: "1", start: "9am", end: "17:00" }).success).toBe(false);
    const leap = timeOffSchema.safeParse({
      clinicianId: "",
      startDate: "2027-02-29",
      startTime: "09:00",
      endDate: "2027-03-01",
      endTime: "09:00",
    });
    expect(leap.success ? null : leap.error.issues.map((i) => i.path[0])).toEqual(["startDate"]);
    const closure = timeOffSchema.safeParse({
      clinicianId: "",
      startDate: "2028-02-29",
      startTime: "09:00",
      endDate: "2028-03-01",
      endTime: "09:00",
      reason: "  ",
    });
    expect(closure.success && closure.data).toMatchObject({ clinicianId: null, reason: null });
  });

  it("reads a mangled hidden id as a record that no longer exists, and keeps a choice's own message beside its field", () => {
    const gone = hoursRowSchema.safeParse({ id: "not-an-id" });
    expect(gone.success ? null : gone.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["id", "Those hours were already removed."],
    ]);
    const role = staffRoleSchema.safeParse({ id: "0b7f5f6e-1d0a-4c3e-9a51-6f0c2a7e0001", role: "owner" });
    expect(role.success ? null : role.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["role", "Choose a role"],
    ]);
  });
});
