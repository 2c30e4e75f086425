import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { ANY_SCREEN } from "./screens";

test.describe("landing page", () => {
  test("shows the clinic, what the portal does and a way to start", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Riverside Spine & Sports Clinic/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/back pain/i);
    const start = page.getByRole("link", { name: "Start your back-pain check" });
    await expect(start).toBeVisible();
    // One start page: straight into the first question.
    await expect(start).toHaveAttribute("href", "/intake/about-you");
    await expect(page.getByText(/saved as you go/)).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText("240 Hudson Street");
    await expectNoAxeViolations(page);
  });

  test("always shows the emergency warning signs with the clinic's emergency number", async ({ page }) => {
    await page.goto("/");
    const note = page.getByRole("complementary", { name: /emergency department now/i });
    await expect(note).toBeVisible();
    await expect(note).toContainText("numbness or tingling between your legs");
    await expect(note).toContainText("leaking urine without feeling it");
    await expect(note).toContainText("feeling of your bowels");
    await expect(note).toContainText("weakness in both legs");
    await expect(note).toContainText("call 911");
  });

  test("sends security headers, with a fresh script nonce each time", ANY_SCREEN, async ({ page, request }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toEqual(second.headers()["content-security-policy"]);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // The page's own scripts carry the nonce, so the browser runs them: no CSP errors.
    const violations: string[] = [];
    page.on(
      "console",
      (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
    );
    await page.goto("/");
    await page.getByRole("link", { name: "Skip to main content" }).focus();
    expect(violations).toEqual([]);
  });

  test("is usable from the keyboard: the first Tab reaches a skip link to the main content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

test.describe("health and errors", () => {
  test("GET /api/health reports the database and the version", ANY_SCREEN, async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(await res.json()).toEqual({ status: "ok", db: "up", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test("an unknown address shows a calm not-found page with a way back", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We cannot find that page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
