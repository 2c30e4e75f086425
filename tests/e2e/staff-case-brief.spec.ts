// The case page as a pre-visit brief, and the case and patient pages without a single inline style
// blocked by the Content-Security-Policy.
import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { CLINICIAN, signIn } from "./staff-session";

/** Console errors about the Content-Security-Policy (a blocked inline style or script). */
function cspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content[- ]Security[- ]Policy|inline style/i.test(msg.text()))
      errors.push(msg.text());
  });
  return errors;
}

async function postIntake(page: Page, vignette: string, change: (a: Record<string, unknown>) => void, ip: string) {
  const data = vignetteIntake(vignette, new Date()) as Record<string, unknown> & { contact: Record<string, unknown> };
  change(data);
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; level: string };
}

/**
 * Starts collecting CSP errors, then posts a vignette's intake for a patient named for this run
 * (the last name ends in the run's stamp), with any other answers `change` sets.
 */
async function caseFor(
  page: Page,
  {
    vignette,
    firstName,
    lastName,
    ip,
    change,
  }: {
    vignette: string;
    firstName: string;
    lastName: string;
    ip: string;
    change?: (a: Record<string, unknown>, stamp: string) => void;
  },
) {
  const errors = cspErrors(page);
  const stamp = Date.now().toString(36);
  const intake = await postIntake(
    page,
    vignette,
    (a) => {
      a.contact = { ...(a.contact as object), firstName, lastName: `${lastName}${stamp}` };
      change?.(a, stamp);
    },
    ip,
  );
  return { errors, stamp, intake };
}

test("a routine case reads as a brief: level and why, where it hurts, the patient's note and the scores in words; no Acknowledge or Resolve, no CSP errors", async ({
  page,
}) => {
  const { errors, stamp, intake } = await caseFor(page, {
    vignette: "P19",
    firstName: "Brief",
    lastName: "Runner",
    ip: "192.0.2.171",
    change: (a, stamp) => {
      (a.pain as Record<string, unknown>).locations = ["low_back", "hip_or_groin"];
      a.outlook = { items: [true, false, false, false, false, false, false, false], bothersomeness: "slightly" };
      a.function = { sections: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0] };
      a.notes = `Worse after long runs on the track ${stamp}.`;
    },
  });
  expect(intake.level).toBe("ROUTINE");
  await signIn(page, CLINICIAN, `/staff/cases/${intake.id}`);

  const brief = page.getByRole("region", { name: "Before the visit" });
  await expect(brief).toBeVisible();
  await expect(brief.getByRole("heading", { name: /Routine by the rules, because/ })).toBeVisible();
  await expect(brief).toContainText("Back pain that a clinician should see at a normal appointment (R1)");
  // Where it hurts: the picture and, for everyone, the same places in words.
  await expect(page.getByTestId("body-map").getByRole("listitem")).toHaveText(["Lower back", "Hip or groin"]);
  await expect(page.locator('[data-region="hip_or_groin"]')).toHaveClass(/marked/);
  await expect(page.getByTestId("patient-note")).toHaveText(`Worse after long runs on the track ${stamp}.`);
  await expect(page.getByTestId("scores")).toContainText("low risk, 1 of 9");
  await expect(page.getByTestId("scores")).toContainText("10 %, minimal");
  await expect(brief).toContainText("Runs 30 km (18.6 miles) a week; no sharp rise in training load");
  // Pages answered all "no" are folded below; the rest are open.
  await expect(page.locator("details summary").first()).toHaveText(/: (all \d+ answers no|answered no)$/);
  await expect(page.getByText("answeredSections")).toHaveCount(0);

  // A routine case is not in the queue: nothing to acknowledge or resolve.
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resolve case" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Patient record of Brief Runner${stamp}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Brief Runner${stamp}`) })).toBeVisible();
  const book = page.getByRole("link", { name: "Book an appointment" });
  await expect(book).toHaveAttribute("href", /\/staff\/book\?patient=[0-9a-f-]{36}$/);
  expect(page.url()).toContain((await book.getAttribute("href"))!.split("patient=")[1]);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("an emergency in the queue offers Acknowledge and Resolve, and the queue row links to the patient's record", async ({
  page,
}) => {
  const { errors, stamp, intake } = await caseFor(page, {
    vignette: "P01",
    firstName: "Queue",
    lastName: "Brief",
    ip: "192.0.2.172",
  });
  expect(intake.level).toBe("EMERGENCY");
  await signIn(page, CLINICIAN, `/staff?q=Brief${stamp}`);
  const row = page.getByTestId("case-row").filter({ hasText: `Brief${stamp}` });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: `record of Queue Brief${stamp}` }).click();
  await expect(page).toHaveURL(/\/staff\/patients\/[0-9a-f-]{36}$/);
  await page.goto(`/staff/cases/${intake.id}`);
  const brief = page.getByRole("region", { name: "Before the visit" });
  await expect(brief.getByRole("heading", { name: /Emergency by the rules, because/ })).toBeVisible();
  await expect(brief).toContainText("Have you had any new problems with peeing?");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Resolve case" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});
