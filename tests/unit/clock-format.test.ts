import { describe, expect, it } from "vitest";
import { formatClock, formatClockRange, formatTime } from "@/lib/booking/format";

describe("formatClock", () => {
  it.each([
    ["08:30", "8:30\u00a0am"],
    ["00:00", "12:00\u00a0am"],
    ["24:00", "12:00\u00a0am"],
    ["00:15", "12:15\u00a0am"],
    ["11:59", "11:59\u00a0am"],
    ["12:00", "12:00\u00a0pm"],
    ["12:30", "12:30\u00a0pm"],
    ["13:05", "1:05\u00a0pm"],
    ["23:59", "11:59\u00a0pm"],
    ["08:30:00", "8:30\u00a0am"], // a PostgreSQL time, seconds and all
  ])("reads %s as %s", (clock, shown) => {
    expect(formatClock(clock)).toBe(shown);
  });

  it("reads a wall clock exactly as formatTime reads the same moment in the clinic's zone", () => {
    // New York is UTC−4 on 9 March 2026 (clocks went forward on the 8th): 12:45 UTC is 8:45 am.
    const instant = new Date("2026-03-09T12:45:00Z");
    expect(formatClock("08:45")).toBe(formatTime(instant, "America/New_York"));
    expect(formatClock("17:00")).toBe(formatTime(new Date("2026-03-09T21:00:00Z"), "America/New_York"));
  });

  it("leaves a value that is not a clock as it is rather than inventing a time", () => {
    expect(formatClock("")).toBe("");
    expect(formatClock("noon")).toBe("noon");
  });
});

describe("formatClockRange", () => {
  it("shows a row of hours as two times joined by 'to'", () => {
    expect(formatClockRange("08:30", "12:30")).toBe("8:30\u00a0am to 12:30\u00a0pm");
  });
});
