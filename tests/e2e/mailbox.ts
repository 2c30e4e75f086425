import { expect, type Page } from "@playwright/test";

/**
 * Opens the newest email to `to` of this kind (its label in the mailbox list) in the development
 * mailbox, waiting for the worker to deliver it. Returns its plain text and calendar file, if any.
 */
export async function openEmail(
  page: Page,
  to: string,
  kindLabel: string,
): Promise<{ text: string; calendar: string | null }> {
  const row = page
    .getByRole("listitem")
    .filter({ hasText: `${kindLabel} to ${to}` })
    .first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Plain text" })).toBeVisible();
  const text = await page.getByTestId("email-text").innerText();
  const attachment = page.getByTestId("attachment-text");
  const calendar = (await attachment.count()) ? await attachment.first().innerText() : null;
  return { text, calendar };
}
