import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The public privacy notice, on a phone and a desktop. What admins do with it (publish, export,
// erase) is in staff-privacy.spec.ts.

test("the privacy notice is a readable, accessible page that the intake form links to", async ({ page }) => {
  const res = await page.goto("/privacy");
  expect(res!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  await expect(page.getByText(/Version (v\d+|2026-11)/).first()).toBeVisible();
  for (const heading of ["What we collect", "Who sees it", "How long we keep it", "Your rights", "Contact us"])
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.getByText(/years after your last contact/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Earlier versions keep their own address; anything else is not a notice.
  await page.goto("/privacy/2026-11");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  expect((await page.goto("/privacy/v99999"))!.status()).toBe(404);
  expect((await page.goto("/privacy/..%2Fetc"))!.status()).toBe(404);

  // The form's consent box links to it, in a new tab so nothing typed is lost.
  await page.goto("/intake/about-you");
  const link = page.getByRole("link", { name: /Read the privacy notice/ });
  await expect(link).toHaveAttribute("href", "/privacy");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", /noopener/);
});
