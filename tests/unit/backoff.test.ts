import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/notifications/backoff";

describe("email retry delays", () => {
  it("double from 30 s with jitter in the upper half, capped at an hour", () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(20, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(20, () => 0)).toBe(1_800_000);
  });

  it("spread many retries of one attempt over the window instead of one instant", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
