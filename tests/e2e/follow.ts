import { expect, type Locator } from "@playwright/test";

/**
 * Clicks a link and waits until the page is the one it points to. Next's links navigate on the
 * client, so a click returns before the new page is there; reading the page straight after it
 * would read the old one (and a loop of clicks would click the same old link again).
 */
export async function follow(link: Locator): Promise<void> {
  const page = link.page();
  const href = await link.getAttribute("href");
  expect(href, "the link has an address").toBeTruthy();
  const target = new URL(href!, page.url());
  await link.click();
  await expect(page).toHaveURL(target.href);
}
