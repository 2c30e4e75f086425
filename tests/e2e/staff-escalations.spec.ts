import { expect, test, type Page } from "@playwright/test";
import { vignetteIntake } from "../support/answers";
import { expectNoAxeViolations } from "./axe";
import { openEmail } from "./mailbox";
import { CLINICIAN, RECEPTION, signIn } from "./staff-session";

async function postIntake(page: Page, vignette: string, lastName: string, ip: string) {
  const data = vignetteIntake(vignette, new Date()) as { contact: Record<string, unknown> };
  data.contact = { ...data.contact, firstName: "Esc", lastName, email: `${lastName.toLowerCase()}@example.test` };
  const res = await page.request.post("/api/v1/intakes", { data, headers: { "x-forwarded-for": ip } });
  expect(res.status()).toBe(201);
  return (await res.json()) as {
    id: string;
    level: string;
    next: { bookingToken?: string };
  };
}

test("reception cannot close an URGENT case without a logged call; after the call it closes", async ({ page }) => {
  const lastName = `Call${Date.now().toString(36)}`;
  const intake = await postIntake(page, "P07", lastName, "192.0.2.171");
  await signIn(page, RECEPTION, `/staff/cases/${intake.id}`);
  await expect(page.getByTestId("call-due")).toContainText("Call due today");
  await expect(page.getByText("No call is logged yet: log the call and its outcome first.")).toBeVisible();
  await page.getByRole("button", { name: "Resolve case" }).click();
  await expect(page.getByText("Log a call with its outcome before closing an emergency or urgent case.")).toBeVisible();

  await page.getByLabel("Patient went to an emergency department").check();
  await page.getByRole("button", { name: "Log call" }).click();
  await expect(page.getByText("Call logged.")).toBeVisible();
  await expect(page.getByTestId("call-due")).toHaveCount(0);
  await page.getByRole("button", { name: "Resolve case" }).click();
  await expect(page.getByText("Case resolved. It has left the open queue.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a SOON case waits on the review list until a clinician marks it reviewed; the API lists it too", async ({
  page,
}) => {
  const lastName = `Review${Date.now().toString(36)}`;
  const intake = await postIntake(page, "P11", lastName, "192.0.2.172");
  expect(intake.level).toBe("SOON");
  await signIn(page, CLINICIAN, "/staff/review");
  await expect(page.getByRole("heading", { name: "To review" })).toBeVisible();
  await page.getByLabel("Name or email").fill(lastName);
  await page.getByRole("button", { name: "Show cases" }).click();
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await expect(page.getByTestId("case-row")).toContainText("due in");
  await expectNoAxeViolations(page);

  const api = await page.request.get(`/api/v1/staff/cases?queue=review&q=${lastName}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { cases: { id: string; effectiveLevel: string; deadline: string | null }[] };
  expect(body.cases).toEqual([expect.objectContaining({ id: intake.id, effectiveLevel: "SOON" })]);
  expect(body.cases[0]!.deadline).not.toBeNull();

  await page.getByRole("link", { name: `Esc ${lastName}`, exact: true }).click();
  await expect(page.getByTestId("review-state")).toContainText("review by");
  await page.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(page.getByText("Marked reviewed. It has left the review list.")).toBeVisible();
  await page.goto(`/staff/review?q=${lastName}`);
  await expect(page.getByText("Nothing to review.")).toBeVisible();
});

test("a clinician raises a ROUTINE case to URGENT: it joins the queue, the patient can no longer book, and the API shows both levels", async ({
  page,
}) => {
  const lastName = `Raise${Date.now().toString(36)}`;
  const intake = await postIntake(page, "P15", lastName, "192.0.2.173");
  expect(intake.level).toBe("ROUTINE");
  const token = intake.next.bookingToken!;
  expect((await page.request.get(`/api/v1/slots?bookingToken=${encodeURIComponent(token)}`)).status()).toBe(200);

  await signIn(page, CLINICIAN, `/staff/cases/${intake.id}`);
  await page.getByLabel("New level", { exact: true }).selectOption("URGENT");
  await page.getByLabel("Reason").fill("Phoned back: new leg weakness since this morning");
  await page.getByRole("button", { name: "Change level" }).click();
  await expect(page.getByText("Level changed. The original grade stays on record.")).toBeVisible();

  const slots = await page.request.get(`/api/v1/slots?bookingToken=${encodeURIComponent(token)}`);
  expect(slots.status()).toBe(422);
  const api = await page.request.get(`/api/v1/staff/cases?q=${lastName}`);
  const body = (await api.json()) as { cases: Record<string, unknown>[] };
  expect(body.cases[0]).toMatchObject({ id: intake.id, level: "ROUTINE", effectiveLevel: "URGENT", callDue: true });
  expect(body.cases[0]!.deadline).not.toBeNull();
  await page.goto(`/staff?q=${lastName}`);
  await expect(page.getByTestId("case-row")).toContainText("Raised by a clinician");
  await expect(page.getByTestId("case-row")).toContainText("graded Routine");

  // The patient is told, with no clinical words, and their result page now gives the clinic's advice.
  const { text } = await openEmail(page, `${lastName.toLowerCase()}@example.test`, "Answers reviewed");
  expect(text).not.toMatch(/\b(urgent|routine|weakness|legs?)\b/i); // no level, no symptom
  const link = text.match(/https?:\/\/[^\s)\]>]+\/result\?key=[^\s)\]>]+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByText("The clinic has reviewed your answers")).toBeVisible();
  await expect(page.getByRole("link", { name: /book/i })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
