import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, DEGRADED_URL, PORT } from "./tests/e2e/servers";

// Debian's Chromium headless shell when present (CI installs it: the same engine without the full
// browser's windowing and compositing, about 40 % less time a test on 2 cores, measured on the intake
// and booking specs), else Debian's Chromium; otherwise Playwright's own browser.
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));

// The app under test: `next start` on a fresh embedded database, or on PostgreSQL when
// E2E_DATABASE_URL is set. A second server whose database is unreachable checks the degraded path.
const pgliteDir = join(mkdtempSync(join(tmpdir(), "bt-e2e-")), "pglite");
const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL, AUTO_SEED: "true" }
  : { PGLITE_DIR: pgliteDir };
const baseEnv = {
  NODE_ENV: "production",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  // Every e2e request comes from 127.0.0.1; the limit itself is tested in tests/db.
  RATE_LIMIT_INTAKES_PER_MINUTE: "1000",
  RATE_LIMIT_SIGNIN_PER_MINUTE: "1000",
  // The tests give their API requests distinct rate-limit buckets with X-Forwarded-For, as a proxy
  // in front of the app would. The app ignores that header by default (TRUSTED_PROXIES=0, a client
  // could pick its own bucket); this local test deployment trusts it as if one proxy set it.
  // Browser pages send none: Next fills it from the socket (127.0.0.1).
  TRUSTED_PROXIES: "1",
  // Emails land in the development mailbox, which the tests read at /dev/mailbox: allowed in a
  // production build only when it says it serves this machine alone (and APP_URL is on localhost).
  DEV_MAILBOX: "true",
  LOCAL_ONLY: "true",
  // The demo staff accounts and intakes (the staff tests sign in with them).
  DEMO_DATA: "true",
  EMAIL_WORKER_INTERVAL_SECONDS: "1",
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000, // a whole intake is eleven pages
  reporter: "list",
  use: {
    baseURL: BASE_URL,
    // Recording a trace costs about a third of each test's time on a two-core machine (DOM snapshots
    // and a screencast for every action, thrown away when the test passes): off unless asked for
    // (E2E_TRACE=1 keeps a trace of each failing test). A failure still prints its error and the
    // page's accessibility snapshot.
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      // Against PostgreSQL, the patient's journeys through the database run again (intake, booking,
      // moving and cancelling, the waitlist and its offers, the pre-visit check, My back) with the
      // case queue, booking for a caller and the APIs; the staff screens' other pages, the form's own
      // page-by-page behaviour, its result cards, the landing page and the servers' start-up checks
      // run once, on the embedded database (every query behind them runs on PostgreSQL in tests/db).
      ...(process.env.E2E_DATABASE_URL
        ? {
            testIgnore:
              /intake-behaviour|intake-interrupt|result-cards|landing|production-config|degraded|staff-(settings|calendar|schedule|escalations|case-brief|privacy|mfa|patients|phone|waitlist)|privacy\.spec|cancel\.spec|silent-pilot/,
            // Tests tagged @embedded-only (tests/e2e/screens.ts) repeat a trip through the database
            // another test of this run makes.
            grepInvert: /@phone-only|@embedded-only/,
          }
        : { testIgnore: /silent-pilot|staff-waitlist/, grepInvert: /@phone-only/ }),
    },
    // Two tests run alone, one after the other, once every other test of the run has finished.
    // Reception's waitlist: any other test's cancelled or moved time is offered at once to the first
    // waiting patient it suits, who would then have an offer open before reception can make one.
    {
      name: "staff-waitlist",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /staff-waitlist\.spec\.ts/,
      dependencies: process.env.E2E_DATABASE_URL ? ["desktop"] : ["desktop", "phone"],
    },
    // The silent pilot is a clinic-wide switch: while its test has it on, any other test's patient
    // would get the silent result.
    {
      name: "silent-pilot",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /silent-pilot\.spec\.ts/,
      dependencies: ["staff-waitlist"],
    },
    // Staff screens are for desktops and tablets (the staff spec checks a tablet itself); server
    // start-up is not a screen.
    // Tests tagged @any-screen (tests/e2e/screens.ts) check behaviour no screen changes: desktop only.
    // The phone's layout does not depend on the database: the run against PostgreSQL (E2E_DATABASE_URL)
    // repeats every journey on the desktop project, and the phone project runs once, on the embedded
    // database, so CI's two runs stay inside its time.
    ...(process.env.E2E_DATABASE_URL
      ? []
      : [
          {
            name: "phone",
            // A Pixel 7's screen in CSS pixels, touch and a mobile viewport, drawn at one device
            // pixel per CSS pixel: its 2.6× density drew seven times the pixels for every frame, a
            // cost on CI's two cores that no layout check needs.
            use: { ...devices["Pixel 7"], deviceScaleFactor: 1 },
            testIgnore: /degraded|staff|triage-audit|production-config|silent-pilot/,
            grepInvert: /@any-screen/,
          },
        ]),
  ],
  webServer: [
    {
      command: `node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
      url: `${BASE_URL}/api/health`,
      env: { ...baseEnv, ...databaseEnv, APP_URL: BASE_URL },
      timeout: 60_000,
      reuseExistingServer: false,
    },
    // The degraded server's database is unreachable whichever database the run is about: started once.
    ...(process.env.E2E_DATABASE_URL
      ? []
      : [
          {
            command: `node_modules/.bin/next start -p ${PORT + 1} -H 127.0.0.1`,
            url: `${DEGRADED_URL}/`,
            env: { ...baseEnv, DATABASE_URL: "postgres://nobody@127.0.0.1:9/unreachable", APP_URL: DEGRADED_URL },
            timeout: 60_000,
            reuseExistingServer: false,
          },
        ]),
  ],
});
