// Phone screenshots of every page of the intake and the result, for docs/screenshots/.
// Usage: npx tsx scripts/intake-screenshots.ts http://127.0.0.1:3000
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { vignetteIntake } from "../tests/support/answers";
import { completeIntake } from "../tests/e2e/intake-flow";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = "docs/screenshots";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({
  baseURL: base,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
});
const answers = vignetteIntake("P13", new Date()) as unknown as Parameters<typeof completeIntake>[1];
const full = {
  ...answers,
  outlook: { items: [true, false, true, false, false, false, false, false], bothersomeness: "moderately" },
  function: { sections: [2, 1, 2, 1, 1, 2, 1, null, 1, 2] },
} as typeof answers;
let n = 0;
await completeIntake(page, full, {
  onStep: async (id) => {
    await page.screenshot({ path: `${out}/${String(++n).padStart(2, "0")}-${id}.png`, fullPage: true });
  },
});
await page.screenshot({ path: `${out}/${String(++n).padStart(2, "0")}-result-soon.png`, fullPage: true });
for (const [vignette, name] of [
  ["P01", "emergency"],
  ["P07", "urgent"],
  ["P17", "self-care"],
] as const) {
  await completeIntake(page, vignetteIntake(vignette, new Date()) as unknown as typeof answers);
  await page.screenshot({ path: `${out}/${String(++n).padStart(2, "0")}-result-${name}.png`, fullPage: true });
}
// The early red-flag interrupt: sudden tearing pain on the vascular check shows the emergency page next.
await completeIntake(page, vignetteIntake("P02", new Date()) as unknown as typeof answers, {
  onStep: async (id) => {
    if (id === "emergency")
      await page.screenshot({ path: `${out}/${String(++n).padStart(2, "0")}-emergency-page.png`, fullPage: true });
  },
});
await page.screenshot({
  path: `${out}/${String(++n).padStart(2, "0")}-result-emergency-sent-early.png`,
  fullPage: true,
});
await browser.close();
console.log(`${n} screenshots in ${out}/`);
