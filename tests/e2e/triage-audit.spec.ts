// The triage audit (issue 22): a clinician's verdict on a case's grade ("it should have been
// higher") shows on /staff/triage-audit under under-triage, linked to the case, and the CSV
// download holds it; the page passes an accessibility scan with no CSP error.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { CLINICIAN, signIn } from "./staff-session";

test("a verdict of 'should have been higher' appears under under-triage on the triage audit, and in its CSV", async ({
  page,
}) => {
  const cspErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content[- ]Security[- ]Policy|inline style/i.test(msg.text()))
      cspErrors.push(msg.text());
  });
  // A case of this run's own, so no other test's verdict is in the way.
  const data = vignetteIntake("P15", new Date()) as Record<string, unknown> & { contact: Record<string, unknown> };
  data.contact = { ...data.contact, lastName: `Auditcase${Date.now().toString(36)}` };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": "198.51.100.122" } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };

  await signIn(page, CLINICIAN, `/staff/cases/${id}`);
  const panel = page.getByTestId("verdict");
  await panel.getByRole("radio", { name: "It should have been higher" }).check();
  await panel.getByRole("button", { name: "Record the verdict" }).click();
  await expect(panel.getByText("It should have been higher").first()).toBeVisible();
  await expect(panel.getByRole("button", { name: "Change the verdict" })).toBeVisible();

  await page.goto("/staff/triage-audit");
  await expect(page.getByRole("heading", { level: 1, name: "Triage audit" })).toBeVisible();
  const row = page.getByTestId("under-triage-row").filter({ has: page.locator(`a[href="/staff/cases/${id}"]`) });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("rule-row").first()).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the audit as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^triage-audit-[0-9.]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toMatch(/^\uFEFFsection,ruleset,rule,/);
  expect(csv).toContain(`under-triage,`);
  expect(csv).toContain(id);
  expect(csv).not.toContain("Auditcase");
  expect(cspErrors).toEqual([]);
});
