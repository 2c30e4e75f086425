import { describe, expect, it } from "vitest";
import { glanceSvg, niceStep } from "@/lib/staff/glance-svg";
import { LEVELS } from "@/lib/triage";

const day = (n: number, counts: Partial<Record<(typeof LEVELS)[number], number>>) => {
  const full = Object.fromEntries(LEVELS.map((l) => [l, counts[l] ?? 0])) as Record<(typeof LEVELS)[number], number>;
  return {
    day: `2026-11-${String(n).padStart(2, "0")}`,
    counts: full,
    total: Object.values(full).reduce((a, b) => a + b, 0),
  };
};

describe("the at-a-glance chart", () => {
  it("draws one segment per level present each day, patterned, with a legend naming every level", () => {
    const days = Array.from({ length: 30 }, (_, i) =>
      day(i + 1, i === 29 ? { EMERGENCY: 2, URGENT: 3, ROUTINE: 10 } : {}),
    );
    const svg = glanceSvg({ days, medians: [] });
    const bars = [
      ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="url\(#p-(\w+)\)"/g),
    ];
    // Three segments on the last day, then five legend swatches (14 px high).
    expect(bars.slice(0, 3).map((b) => b[2])).toEqual(["EMERGENCY", "URGENT", "ROUTINE"]);
    const [e, u, r] = bars.slice(0, 3).map((b) => Number(b[1]));
    expect(u! / e!).toBeCloseTo(3 / 2, 1);
    expect(r! / e!).toBeCloseTo(10 / 2, 1);
    for (const name of ["Emergency", "Urgent", "Soon", "Routine", "Self-care"])
      expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain(">30 Nov</text>");
  });

  it("picks gridlines of 1, 2 or 5 times a power of ten", () => {
    expect([3, 8, 20, 30, 100, 1400].map(niceStep)).toEqual([1, 2, 5, 10, 50, 500]);
  });
});
