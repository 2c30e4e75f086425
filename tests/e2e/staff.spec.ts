import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { openEmail } from "./mailbox";
import { EMBEDDED_ONLY } from "./screens";
import { ADMIN, CLINICIAN, RECEPTION, signIn } from "./staff-session";

async function postIntake(page: Page, vignette: string, contact: Record<string, string>, ip: string) {
  const data = vignetteIntake(vignette, new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, ...contact };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; level: string };
}

test.describe("staff access", () => {
  test("signed-out visitors and forged cookies are sent to sign-in and see no patient data", async ({
    page,
    context,
  }) => {
    const intake = await postIntake(page, "P01", { firstName: "Hidden", lastName: "Patient" }, "192.0.2.150");
    for (const path of ["/staff", `/staff/cases/${intake.id}`, "/staff/audit", "/staff/schedule", "/staff/settings"]) {
      const res = await page.goto(path);
      expect(page.url()).toContain("/staff/sign-in");
      expect(await res!.text()).not.toContain("Hidden");
    }
    await context.addCookies([{ name: "authjs.session-token", value: "forged", url: page.url() }]);
    const res = await page.goto(`/staff/cases/${intake.id}`);
    expect(page.url()).toContain("/staff/sign-in");
    expect(await res!.text()).not.toContain("Hidden");
    await expectNoAxeViolations(page);
  });

  test("a wrong password gets one message for every failure; reception cannot open the audit trail (403)", async ({
    page,
  }) => {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(RECEPTION.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(RECEPTION.email);
    await page.getByLabel("Password").fill(RECEPTION.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Case queue" })).toBeVisible();
    const res = await page.goto("/staff/audit");
    expect(res!.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("staff pages leave out the patients' emergency note, and a patient page reached from one shows it again", async ({
    page,
  }) => {
    const note = page.getByRole("complementary", { name: /emergency department now/i });
    await signIn(page, RECEPTION);
    await expect(page.getByRole("heading", { name: "Case queue" })).toBeVisible();
    await expect(note).toBeHidden();
    await expect(page.getByText("It does not replace a doctor's advice")).toBeHidden();
    await page.getByRole("link", { name: "Riverside Spine & Sports Clinic" }).click(); // a client-side move to /
    await expect(page).toHaveURL(/\/$/);
    await expect(note).toBeVisible();
    await expect(page.getByText("It does not replace a doctor's advice")).toBeVisible();
  });
});

test("a clinician sees a new EMERGENCY at the top within one refresh, acknowledges it, overrides it with a reason and signs out; the admin sees it all in the audit trail", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, CLINICIAN);
  await expect(page.getByRole("heading", { name: "Case queue" })).toBeVisible();
  await expectNoAxeViolations(page);
  const stamp = Date.now().toString(36);
  // A name that is also an XSS payload: it must show as text.
  const lastName = `Xss${stamp}<img src=x onerror="window.__xss=1">`;
  // Watch the queue narrowed to this test's patient (other tests add emergencies too), then the
  // intake arrives. No reload: the page refreshes itself every 30 s and keeps its filter.
  await page.getByLabel("Name or email").fill(`Xss${stamp}`);
  await page.getByRole("button", { name: "Show cases" }).click();
  await expect(page.getByText("No cases match.")).toBeVisible();
  const intake = await postIntake(page, "P01", { firstName: "Nora", lastName }, "192.0.2.151");
  expect(intake.level).toBe("EMERGENCY");
  const top = page.getByTestId("case-row").first();
  await expect(top).toContainText(`Nora ${lastName}`, { timeout: 40_000 });
  await expect(top).toContainText("Emergency");
  // Due within 15 minutes while the clinic is open; at opening (hours away) when it arrived out of hours.
  await expect(top).toContainText(/due in \d+ min|due in \d+ h.*arrived out of hours/);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  // In the whole queue it comes before every urgent case.
  await page.goto("/staff");
  const levels = await page.getByTestId("case-row").locator("td:first-child").allInnerTexts();
  const names = await page.getByTestId("case-row").locator("td:nth-child(2)").allInnerTexts();
  const mine = names.findIndex((n) => n.includes(`Xss${stamp}`));
  expect(mine).toBeGreaterThanOrEqual(0);
  expect(levels.slice(0, mine).every((l) => l.startsWith("Emergency"))).toBe(true);

  await page.getByTestId("case-row").nth(mine).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Acknowledged.", { exact: true })).toBeVisible();

  const override = page.getByRole("region", { name: "Change the level" });
  await override.getByLabel("New level").selectOption("URGENT");
  await override.getByRole("button", { name: "Change level" }).click();
  await expect(override.getByText("Give the reason (at least 10 characters)")).toBeVisible();
  await expect(override.getByLabel("New level")).toHaveValue("URGENT"); // nothing typed is lost
  await override.getByLabel("Reason").fill("Called: symptoms since spinal surgery last week, surgeon reviewing today.");
  await override.getByRole("button", { name: "Change level" }).click();
  await expect(page.getByText("Level changed. The original grade stays on record.")).toBeVisible();
  await expect(page.getByText(/Graded Emergency by the rules; changed to Urgent/)).toBeVisible();

  const note = page.getByRole("region", { name: "Add a note" });
  await note.getByLabel("Note").fill(`<script>window.__xss=2</script> left a message ${stamp}`);
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText(`<script>window.__xss=2</script> left a message ${stamp}`)).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto(`/staff/cases/${intake.id}`);
  await expect(page).toHaveURL(/\/staff\/sign-in/);

  await signIn(page, ADMIN, "/staff/audit");
  await page.goto(`/staff/audit?subject=${intake.id}`);
  const actions = await page.getByTestId("audit-row").locator("td:nth-child(3)").allInnerTexts();
  expect(actions).toEqual(
    expect.arrayContaining(["case viewed", "case acknowledged", "level overridden", "note added"]),
  );
  await expect(page.getByText(/Reason: Called: symptoms since spinal surgery/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a case action still works as a plain form post", EMBEDDED_ONLY, async ({ page }) => {
    const stamp = Date.now().toString(36);
    const intake = await postIntake(page, "P01", { firstName: "Plain", lastName: `Form${stamp}` }, "192.0.2.152");
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Case queue" })).toBeVisible();
    await page.goto(`/staff/cases/${intake.id}`);
    const note = page.getByRole("region", { name: "Add a note" });
    await note.getByLabel("Note").fill(`Left a voicemail ${stamp}`);
    await note.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText(`Left a voicemail ${stamp}`)).toBeVisible();
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText("Acknowledged.", { exact: true })).toBeVisible();
  });
});

test("reception books a reserved urgent slot for an URGENT case and the patient's confirmation is sent", async ({
  page,
}) => {
  const email = `urgent-${Date.now()}@example.test`;
  const intake = await postIntake(page, "P05", { firstName: "Uma", email }, "192.0.2.152");
  expect(intake.level).toBe("URGENT");
  await signIn(page, RECEPTION, `/staff/cases/${intake.id}`);
  await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
  // Reception may act on a case but not change its level.
  await expect(page.getByRole("heading", { name: "Change the level" })).toHaveCount(0);
  const booking = page.getByRole("region", { name: "Book an urgent slot" });
  await booking.getByLabel("Time").selectOption({ index: 1 });
  await booking.getByRole("button", { name: "Book urgent slot" }).click();
  await expect(page.getByText("Urgent appointment booked.", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Appointments" })).toContainText("Urgent review");
  const confirmation = await openEmail(page, email, "Booking confirmation");
  expect(confirmation.calendar).toContain("METHOD:REQUEST");
});

test.describe("on a tablet", () => {
  test.use({ viewport: { width: 820, height: 1180 } });
  test("the queue and a case fit the screen and pass an accessibility scan", EMBEDDED_ONLY, async ({ page }) => {
    await signIn(page, RECEPTION);
    await expectNoAxeViolations(page);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await page.getByTestId("case-row").first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await fits()).toBe(true);
  });
});

test(
  "a case sent from the emergency page says after which page and that later pages were not asked, with the ruleset that graded it and each rule's text",
  EMBEDDED_ONLY,
  async ({ page }) => {
    const early = await postIntake(page, "P45", { firstName: "Early", lastName: "Sender" }, "192.0.2.151");
    expect(early.level).toBe("URGENT");
    await signIn(page, CLINICIAN, `/staff/cases/${early.id}`);
    await expect(
      page.getByText(/Sent from the emergency page after the nerve check .*; later pages not asked/),
    ).toBeVisible();
    await expect(page.getByText(/Graded by ruleset 2026\.12/)).toBeVisible();
    await expect(
      page.getByText(/X1: Sent from the emergency page, but the answers sent do not confirm an emergency/),
    ).toBeVisible();
    await expect(page.getByText(/FLAG_EARLY_NOT_CONFIRMED: .*call the patient first/)).toBeVisible();
    const api = await page.request.get(`/api/v1/staff/cases/${early.id}`);
    expect(await api.json()).toMatchObject({
      rulesetVersion: "2026.12",
      contractVersion: "2026.12",
      stoppedAt: "nerve-check",
      firedRules: [{ id: "U9" }, { id: "X1" }],
      flags: [{ id: "FLAG_EARLY_NOT_CONFIRMED" }],
    });
    await expectNoAxeViolations(page);
  },
);
