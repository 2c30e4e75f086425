import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, signIn } from "./staff-session";

// The demo clinic leaves the second factor optional (its passwords are published), and these tests
// share the server with the others: they never change the clinic's policy. "Required" is covered by
// tests/db/mfa.test.ts.

test("a new colleague replaces the admin's password, sets up an authenticator app, and signs in with a second factor", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `mfa-${stamp}@clinic.test`;
  const first = `first password ${stamp}`;
  const own = `my own password ${stamp}`;

  // The admin adds the account with a first password.
  await signIn(page, ADMIN, "/staff/settings");
  const accounts = page.locator("#staff");
  await accounts.getByLabel("Name", { exact: true }).fill(`Mfa ${stamp}`);
  await accounts.getByLabel("Email", { exact: true }).fill(email);
  await accounts.getByLabel("Role", { exact: true }).selectOption("clinician");
  await accounts.getByLabel("First password").fill(first);
  await accounts.getByRole("button", { name: "Create account" }).click();
  await expect(accounts.getByRole("row").filter({ hasText: email })).toContainText("None");

  // They sign in with it and must choose their own before anything else.
  const context = await browser.newContext();
  const them = await context.newPage();
  await them.goto("/staff");
  await expect(them).toHaveURL(/\/staff\/sign-in\?next=/);
  await them.waitForLoadState("networkidle"); // hydrated: nothing typed is replaced
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(first);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them).toHaveURL(/\/staff\/sign-in\/password/);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Choose your own password");
  await expectNoAxeViolations(them);
  await them.goto("/staff/schedule"); // no way round it
  await expect(them).toHaveURL(/\/staff\/sign-in\/password\?next=%2Fstaff%2Fschedule/);
  await them.getByLabel("New password", { exact: true }).fill(own);
  await them.getByLabel("New password again").fill(`${own}!`);
  await them.getByRole("button", { name: "Save my password" }).click();
  await expect(them.getByText("The two passwords are not the same").first()).toBeVisible();
  await them.getByLabel("New password", { exact: true }).fill(own);
  await them.getByLabel("New password again").fill(own);
  await them.getByRole("button", { name: "Save my password" }).click();
  await expect(them).toHaveURL(/\/staff\/schedule/);

  // On their account page they add an authenticator app (the key as text, for typing it in).
  await them.getByRole("link", { name: /Mfa .* \(Clinician\)/ }).click();
  await expect(them).toHaveURL(/\/staff\/account/);
  await expect(them.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = (await them.locator("p", { hasText: "Enter this key instead" }).locator("+ p").innerText()).replace(
    /\s/g,
    "",
  );
  await them.getByLabel("Code the app shows").fill("000000");
  await them.getByRole("button", { name: "Set up the app" }).click();
  await expect(them.getByText(/That code does not match/)).toBeVisible();
  await them.getByLabel("Code the app shows").fill(await generate({ secret }));
  await them.getByRole("button", { name: "Set up the app" }).click();
  await expect(them.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const codes = await them.locator("ol li code").allInnerTexts();
  expect(codes).toHaveLength(10);
  await them.getByRole("link", { name: "Back to your account" }).click();
  await expect(them.getByRole("cell", { name: "Authenticator app", exact: true })).toBeVisible();
  await expect(them.getByText("10 of 10 unused")).toBeVisible();
  await expectNoAxeViolations(them);

  // Next time: the password, then a second factor. A wrong code says how many tries are left.
  await them.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(them.getByText("You are signed out.")).toBeVisible();
  await them.goto("/staff");
  await expect(them).toHaveURL(/\/staff\/sign-in\?next=/);
  await them.waitForLoadState("networkidle"); // hydrated: nothing typed is replaced
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(own);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them).toHaveURL(/\/staff\/sign-in\/verify/);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText("Confirm it’s you");
  await expectNoAxeViolations(them);
  const code = them.getByLabel("Code from your authenticator app, or a recovery code");
  await code.fill("123456");
  await them.getByRole("button", { name: "Continue" }).click();
  await expect(them.getByText("That code is not right. 4 tries left before you must sign in again.")).toBeVisible();
  // Phone left at home: a recovery code, once.
  await code.fill(codes[0]!);
  await them.getByRole("button", { name: "Continue" }).click();
  await expect(them).toHaveURL(/\/staff$/);
  await expect(them.getByRole("heading", { level: 1 })).toBeVisible();

  // The admin sees the factor, and the trail has every step.
  await page.reload();
  await expect(page.locator("#staff").getByRole("row").filter({ hasText: email })).toContainText("authenticator app");
  await page.goto(`/staff/audit?action=sign_in_second_factor`);
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `Mfa ${stamp}` })
      .first(),
  ).toBeVisible();
  await context.close();
});
