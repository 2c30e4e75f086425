import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { PORT } from "./servers";

// The production build itself, started the way a clinic would start it, with one thing missing.
const good = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  APP_URL: "https://book.riverside-spine.example",
  RESEND_API_KEY: "re_live_not_used",
  EMAIL_FROM: "Riverside Spine <appointments@riverside-spine.example>",
  STAFF_ALERT_EMAILS: "lead@riverside-spine.example",
  // Unreachable on purpose: a refused start must not get as far as the database.
  DATABASE_URL: "postgres://nobody@127.0.0.1:9/unreachable",
};

function start(overrides: Record<string, string | undefined>, port: number) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [k, v] of Object.entries({ ...good, ...overrides })) if (v !== undefined) env[k] = v;
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe("a production server refuses to start when alerts could fail silently", () => {
  const cases: [string, Record<string, string | undefined>, RegExp][] = [
    ["without APP_URL", { APP_URL: undefined }, /\[config\] APP_URL is missing/],
    ["without a real email transport", { RESEND_API_KEY: undefined }, /\[config\] RESEND_API_KEY is missing/],
    ["with the development mailbox on", { DEV_MAILBOX: "true" }, /\[config\] DEV_MAILBOX is on/],
    ["with no staff alert addresses", { STAFF_ALERT_EMAILS: undefined }, /\[config\] STAFF_ALERT_EMAILS is empty/],
  ];
  cases.forEach(([name, overrides, line], i) => {
    test(name, async () => {
      const { code, output } = await start(overrides, PORT + 10 + i);
      expect(code).toBe(1);
      expect(output).toMatch(line);
    });
  });
});
