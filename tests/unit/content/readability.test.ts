// Plain language checks (STYLE.md: reading age about 9 to 11, numbers as digits).
import { describe, expect, it } from "vitest";
import { adviceText, allText, sentences, words } from "./support";

const NUMBER_WORDS =
  /\b(two|three(?!-quarters)|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred)\b/i;

describe("readability", () => {
  it("keeps advice sentences short on average", () => {
    const lengths = adviceText()
      .flatMap(sentences)
      .map((s) => words(s).length);
    const average = lengths.reduce((sum, n) => sum + n, 0) / lengths.length;
    expect(lengths.length).toBeGreaterThan(50);
    expect(average).toBeLessThan(20);
  });

  it("has no sentence over 35 words anywhere", () => {
    for (const sentence of allText().flatMap(sentences)) {
      expect(words(sentence).length, sentence).toBeLessThanOrEqual(35);
    }
  });

  it("writes numbers as digits", () => {
    for (const text of allText()) expect(text, text).not.toMatch(NUMBER_WORDS);
  });

  it("has no empty or untrimmed text", () => {
    for (const text of allText()) expect(text, JSON.stringify(text)).toBe(text.trim());
    for (const text of allText()) expect(text).not.toBe("");
  });
});
