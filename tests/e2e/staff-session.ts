import { expect, type Page } from "@playwright/test";

// Demo accounts (DEMO_DATA=true in playwright.config.ts).
export const CLINICIAN = { email: "clinician@riverside-spine.example", password: "demo-clinician-pass" };
export const RECEPTION = { email: "reception@riverside-spine.example", password: "demo-reception-pass" };
export const ADMIN = { email: "admin@riverside-spine.example", password: "demo-admin-pass" };

/** Opens a staff page signed out, signs in on the page it is sent to, and lands back. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/staff") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}
