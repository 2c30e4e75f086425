// Each EMERGENCY condition card on the real result page (triage-rules.md, "What each card must
// say"): the first instruction, the card, and what it must not say. Intakes go in through the API;
// the result page is opened with its private link key (the e2e server's AUTH_SECRET is known here).
import { expect, test } from "@playwright/test";
import { signToken } from "@/lib/tokens";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";

const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789"; // playwright.config.ts
type Answers = Record<string, Record<string, unknown>>;

/** A vignette's answers, changed by `edit`. */
function answers(id: string, edit: (a: Answers) => void = () => {}): Answers {
  const a = vignetteIntake(id, new Date()) as unknown as Answers;
  edit(a);
  return a;
}

const CASES: { card: string; body: () => Answers; first: RegExp; title: RegExp; mustNot?: RegExp }[] = [
  {
    card: "aortic",
    body: () => answers("P02"),
    first: /^Call an ambulance now$/,
    title: /aorta/i,
    mustNot: /taxi|drive yourself to|go to an emergency department by yourself/i,
  },
  {
    card: "bleeding",
    body: () =>
      answers("P37", (a) => {
        a.legs!.weakness = "none";
        a.legs!.numbnessOrTingling = true;
        a.legs!.numbnessLegs = "one_leg";
        a.legs!.onsetDays = { ...(a.legs!.onsetDays as object), weakness: null, numbness: 2 };
      }),
    first: /^Call an ambulance or go to an emergency department now$/,
    title: /blood thinner/i,
  },
  { card: "fracture", body: () => answers("P43"), first: /ambulance|emergency department/i, title: /broken bone/i },
  {
    card: "spinal cord",
    body: () => answers("P36"),
    first: /^Go to an emergency department now$/,
    title: /spinal cord/i,
    mustNot: /cauda equina|bottom of your spine/i,
  },
  {
    card: "metastatic spinal cord compression",
    body: () =>
      answers("P15", (a) => {
        a.history!.cancer = true;
        Object.assign(a.legs!, { numbnessOrTingling: true, numbnessLegs: "one_leg", worsening: false });
        a.legs!.onsetDays = { ...(a.legs!.onsetDays as object), numbness: 4 };
      }),
    first: /^Go to an emergency department now$/,
    title: /cancer/i,
  },
  {
    card: "infection (confused)",
    body: () =>
      answers("P25", (a) => {
        a.history!.newConfusion = true;
      }),
    first: /^Call an ambulance now$/,
    title: /infection/i,
  },
  { card: "infection", body: () => answers("P06"), first: /^Go to an emergency department now$/, title: /infection/i },
  {
    card: "cauda equina",
    body: () => answers("P01"),
    first: /^Go to an emergency department now$/,
    title: /nerves at the bottom of your spine/i,
  },
];

for (const c of CASES) {
  test(`the ${c.card} card's first instruction comes first on the result page`, async ({ page }) => {
    const res = await page.request.post("/api/v1/intakes", {
      data: c.body(),
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(res.status()).toBe(201);
    const { id, level } = (await res.json()) as { id: string; level: string };
    expect(level).toBe("EMERGENCY");
    await page.goto(`/intake/${id}/result?key=${encodeURIComponent(signToken(E2E_SECRET, "result", id))}`);
    const first = page.getByRole("heading", { level: 1 });
    await expect(first).toHaveText(c.first);
    // Nothing else comes first: the site-wide "go to the emergency department" note steps aside.
    await expect(page.getByRole("complementary", { name: /emergency department now/i })).toBeHidden();
    await expect(page.getByRole("heading", { level: 2 }).filter({ hasText: c.title }).first()).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/book your appointment/i);
    if (c.mustNot) expect(text).not.toMatch(c.mustNot);
    await expectNoAxeViolations(page);
  });
}
