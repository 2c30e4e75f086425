import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

test("reception cannot open the settings (403)", async ({ page }) => {
  await signIn(page, RECEPTION);
  const res = await page.goto("/staff/settings");
  expect(res!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("an admin creates an account, sees it locked after five wrong passwords, unlocks it, and the new colleague signs in", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN, "/staff/settings");
  await expect(page.getByRole("heading", { name: "Clinic settings" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A refused change keeps what was typed and says what is wrong beside the field.
  const policies = page.locator("#policies");
  await policies.getByLabel(/Acknowledge EMERGENCY cases within/).fill("0");
  await policies.getByRole("button", { name: "Save clinic details and policies" }).click();
  await expect(policies.getByLabel(/Acknowledge EMERGENCY cases within/)).toHaveValue("0");
  await expect(policies.getByLabel(/Acknowledge EMERGENCY cases within/)).toHaveAttribute("aria-invalid", "true");

  const stamp = Date.now().toString(36);
  const email = `temp-${stamp}@riverside-spine.example`;
  const password = `first password ${stamp}`;
  const staff = page.locator("#staff");
  await staff.getByLabel("Name", { exact: true }).fill(`Temp ${stamp}`);
  await staff.getByLabel("Email", { exact: true }).fill(email);
  await staff.getByLabel("Role", { exact: true }).selectOption("reception");
  await staff.getByLabel("First password").fill(password);
  await staff.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#staff").getByRole("row").filter({ hasText: email })).toBeVisible();

  // Five wrong passwords from another browser lock the account.
  const other = await browser.newContext();
  const them = await other.newPage();
  await them.goto("/staff/sign-in");
  // Each attempt waits for the server's answer: the form comes back with the password cleared (the
  // message alone stays on screen between attempts, and before hydration the page is replaced).
  const attempt = async (typed: string) => {
    await them.getByLabel("Email").fill(email);
    await them.getByLabel("Password").fill(typed);
    await them.getByRole("button", { name: "Sign in" }).click();
    await expect(them.getByLabel("Password")).toHaveValue("");
    await expect(them.getByText("That email and password do not match an active account.")).toBeVisible();
  };
  for (let i = 0; i < 5; i++) await attempt(`wrong ${i}`);
  await attempt(password); // the right password, refused while locked
  await expect(them).toHaveURL(/sign-in/);

  await page.reload();
  const row = page.locator("#staff").getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: `Unlock Temp ${stamp}` }).click();
  await expect(page.locator("#staff").getByRole("row").filter({ hasText: email }).getByRole("button", { name: /Unlock/ })).toHaveCount(0);

  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(password);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them.getByRole("heading", { name: "Case queue" })).toBeVisible();
  await other.close();

  // Both the creation and the unlock are in the audit trail.
  await page.goto("/staff/audit");
  await expect(page.getByRole("row").filter({ hasText: "staff unlocked" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "staff created" }).filter({ hasText: ADMIN.email }).first()).toBeVisible();
});
