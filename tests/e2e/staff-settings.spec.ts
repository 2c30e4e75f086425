import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { ADMIN, RECEPTION, signIn } from "./staff-session";

test("reception cannot open the settings (403)", async ({ page }) => {
  await signIn(page, RECEPTION);
  const res = await page.goto("/staff/settings");
  expect(res!.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("an admin creates an account, sees it locked after five wrong passwords, unlocks it, the new colleague signs in, and after a forgotten password gets a new one", async ({
  page,
  browser,
}) => {
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
  await expect(
    page
      .locator("#staff")
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("button", { name: /Unlock/ }),
  ).toHaveCount(0);

  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(password);
  await them.getByRole("button", { name: "Sign in" }).click();
  // The first password was the admin's choice: they choose their own before anything else.
  await expect(them.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  await them.getByLabel("New password", { exact: true }).fill(`${password} mine`);
  await them.getByLabel("New password again").fill(`${password} mine`);
  await them.getByRole("button", { name: "Save my password" }).click();
  await expect(them.getByRole("heading", { name: "Case queue" })).toBeVisible();

  // They forget their password: the admin sets a new one, which signs them out everywhere.
  const newPassword = `second password ${stamp}`;
  const again = page.locator("#staff").getByRole("row").filter({ hasText: email });
  await again.getByLabel(`New password for Temp ${stamp}`).fill("too short");
  await again.getByRole("button", { name: "Set password" }).click();
  const field = page
    .locator("#staff")
    .getByRole("row")
    .filter({ hasText: email })
    .getByLabel(`New password for Temp ${stamp}`);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#staff").getByText("Use at least 12 characters for the password").first()).toBeVisible();
  await expect(field).toHaveValue(""); // a password is never sent back
  await field.fill(newPassword);
  await page
    .locator("#staff")
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("button", { name: "Set password" })
    .click();
  await expect(page.getByText("New password set, and the account signed out everywhere.")).toBeVisible();
  await them.reload();
  await expect(them).toHaveURL(/sign-in/);
  await attempt(password); // the old password no longer works
  await them.getByLabel("Email").fill(email);
  await them.getByLabel("Password").fill(newPassword);
  await them.getByRole("button", { name: "Sign in" }).click();
  // A password the admin chose is replaced by the owner's own before anything else.
  await expect(them.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  await them.getByLabel("New password", { exact: true }).fill(`${newPassword} mine`);
  await them.getByLabel("New password again").fill(`${newPassword} mine`);
  await them.getByRole("button", { name: "Save my password" }).click();
  await expect(them.getByRole("heading", { name: "Case queue" })).toBeVisible();
  await other.close();

  // The creation, the unlock and the new password are in the audit trail.
  await page.goto("/staff/audit");
  await expect(page.getByRole("row").filter({ hasText: "staff password reset" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "staff unlocked" }).first()).toBeVisible();
  await expect(
    page.getByRole("row").filter({ hasText: "staff created" }).filter({ hasText: ADMIN.email }).first(),
  ).toBeVisible();
});

test("a settings action replayed by reception gets 403 and by a signed-out client the sign-in page, and changes nothing", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, ADMIN, "/staff/settings");
  await page.waitForLoadState("networkidle");
  const name = `Replay ${Date.now().toString(36)}`;
  const add = page.locator("#clinicians form").filter({ has: page.getByRole("button", { name: "Add clinician" }) });
  await add.getByLabel("Name", { exact: true }).fill(name);
  await add.getByLabel("Role", { exact: true }).fill("Physiotherapist");
  // The admin's own request, as the browser sent it (the action's id and its form data).
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    add.getByRole("button", { name: "Add clinician" }).click(),
  ]);
  const headers = Object.fromEntries(
    Object.entries(await sent.allHeaders()).filter(([k]) =>
      ["next-action", "content-type", "accept", "next-router-state-tree"].includes(k),
    ),
  );
  const replay = async (context: Awaited<ReturnType<typeof browser.newContext>>) =>
    context.request.fetch(sent.url(), { method: "POST", headers, data: sent.postDataBuffer()!, maxRedirects: 0 });

  const receptionContext = await browser.newContext({ baseURL });
  await signIn(await receptionContext.newPage(), RECEPTION);
  const asReception = await replay(receptionContext);
  expect(asReception.status()).toBe(403);
  const anonymousContext = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "authjs.session-token=forged" },
  });
  const signedOut = await replay(anonymousContext);
  // The action itself answers with Next's action redirect to sign-in (proxy.ts only sees a cookie).
  expect(signedOut.headers()["x-action-redirect"] ?? signedOut.headers()["location"]).toContain("/staff/sign-in");
  await receptionContext.close();
  await anonymousContext.close();

  await page.goto("/staff/settings");
  await expect(page.locator("#clinicians").getByText(name, { exact: true })).toHaveCount(1);
});

test("an admin creates an appointment type that SOON and ROUTINE patients can book", async ({ page, request }) => {
  await signIn(page, ADMIN, "/staff/settings");
  const stamp = Date.now().toString(36);
  const types = page.locator("#types");
  const add = types.locator("form").filter({ has: page.getByRole("button", { name: "Add appointment type" }) });
  // A refused type keeps what was typed and says what is wrong beside the field.
  await add.getByLabel("Name", { exact: true }).fill(`Gait review ${stamp}`);
  await add.getByLabel("Length (minutes)").fill("4");
  await add.getByRole("button", { name: "Add appointment type" }).click();
  await expect(add.getByLabel("Length (minutes)")).toHaveAttribute("aria-invalid", "true");
  await add.getByLabel("Length (minutes)").fill("40");
  // Listed after the demo's types (a high sort order), so every other test's default type stays.
  await add.getByLabel("Sort order").fill("900");
  await add.getByLabel("Soon patients may book it themselves").check();
  await add.getByLabel("Self-care patients may book it themselves").uncheck();
  await add.getByRole("button", { name: "Add appointment type" }).click();
  await expect(page.getByText("Appointment type created.")).toBeVisible();
  const row = page
    .locator("#types")
    .getByRole("row")
    .filter({ hasText: `Gait review ${stamp}` });
  await expect(row).toContainText("Soon, Routine patients");
  await expect(row).toContainText("40 min");
  await expectNoAxeViolations(page);

  // A ROUTINE patient is offered its times (the booking API, asked for this type).
  const intake = await (
    await request.post("/api/v1/intakes", {
      data: vignetteIntake("P15", new Date()),
      headers: { "x-forwarded-for": "192.0.2.91" },
    })
  ).json();
  expect(intake.level).toBe("ROUTINE");
  const slots = await request.get(
    `/api/v1/slots?bookingToken=${encodeURIComponent(intake.next.bookingToken)}&days=14&type=gait-review-${stamp}`,
    { headers: { "x-forwarded-for": "192.0.2.91" } },
  );
  expect(slots.status()).toBe(200);
  const offered = (await slots.json()).slots as { appointmentTypeId: string; start: string; end: string }[];
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.every((s) => s.appointmentTypeId === `gait-review-${stamp}`)).toBe(true);
  expect(new Date(offered[0]!.end).getTime() - new Date(offered[0]!.start).getTime()).toBe(40 * 60_000);
});
