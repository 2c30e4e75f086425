/**
 * Tags a test whose behaviour does not depend on the screen (an API, a server check, stored drafts,
 * access rules, which question follows which answer): it runs on the desktop project only, while
 * everything a patient sees and touches also runs on a phone (playwright.config.ts). This keeps the
 * two end-to-end runs of CI inside its time without dropping any layout a patient uses.
 */
export const ANY_SCREEN = { tag: "@any-screen" } as const;

/**
 * Tags a test of what a patient's own screen shows, page by page, where the desktop adds nothing (a
 * full accessibility scan of every page of the form: patients mostly fill it in on a phone, and
 * every result page is scanned on the desktop too): it runs on the phone project only.
 */
export const PHONE_ONLY = { tag: "@phone-only" } as const;

/**
 * Tags a test whose trip through the database another test repeats against PostgreSQL (a variant
 * without JavaScript, a picker's layout, a page's words, one more level of the same form): the run
 * against PostgreSQL (E2E_DATABASE_URL) leaves it out; the embedded run keeps it.
 */
export const EMBEDDED_ONLY = { tag: "@embedded-only" } as const;

/** ANY_SCREEN and EMBEDDED_ONLY: the desktop project of the embedded run only. */
export const ONCE = { tag: ["@any-screen", "@embedded-only"] };
