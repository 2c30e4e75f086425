import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EnvError, env, isLoopback, resetEnvForTests } from "@/lib/env";

const startDir = process.cwd();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bt-env-"));
  process.chdir(dir);
  resetEnvForTests();
  vi.stubEnv("AUTH_SECRET", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("AUTO_SEED", "");
  vi.stubEnv("APP_URL", "");
  vi.stubEnv("RESEND_API_KEY", "");
  vi.stubEnv("STAFF_ALERT_EMAILS", "");
  vi.stubEnv("DEV_MAILBOX", "");
  vi.stubEnv("LOCAL_ONLY", "");
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  process.chdir(startDir);
  rmSync(dir, { recursive: true, force: true });
});

describe("configuration", () => {
  it("in development makes an AUTH_SECRET once, keeps it under .data/ and reuses it", () => {
    vi.stubEnv("NODE_ENV", "development");
    const first = env().AUTH_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, ".data", "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0); // readable by its owner only
    resetEnvForTests();
    expect(env().AUTH_SECRET).toBe(first);
  });

  it("in production refuses to start without an AUTH_SECRET, in one line", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/^AUTH_SECRET is missing: set it to at least 32 random characters/);
    expect(existsSync(join(dir, ".data"))).toBe(false);
  });

  it("in production refuses a short AUTH_SECRET", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "too-short");
    expect(() => env()).toThrow(/AUTH_SECRET is too short/);
  });

  it("uses the embedded database and seeds demo data by default", () => {
    vi.stubEnv("NODE_ENV", "development");
    const config = env();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DIR).toBe(".data/pglite");
    expect(config.AUTO_SEED).toBe(true);
    expect(config.RATE_LIMIT_INTAKES_PER_MINUTE).toBe(10);
  });

  it("never seeds demo data into a production PostgreSQL unless asked", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("DATABASE_URL", "postgres://app@db.internal:5432/backtrack");
    vi.stubEnv("APP_URL", "http://127.0.0.1:3000");
    vi.stubEnv("LOCAL_ONLY", "true");
    expect(env().AUTO_SEED).toBe(false);
    resetEnvForTests();
    vi.stubEnv("AUTO_SEED", "true");
    expect(env().AUTO_SEED).toBe(true);
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL, naming the variable", () => {
    vi.stubEnv("DATABASE_URL", "mysql://localhost/backtrack");
    expect(() => env()).toThrow(/DATABASE_URL/);
  });

  it("rejects a rate limit that is not a positive whole number", () => {
    vi.stubEnv("RATE_LIMIT_INTAKES_PER_MINUTE", "0");
    expect(() => env()).toThrow(/RATE_LIMIT_INTAKES_PER_MINUTE/);
  });

  it("keeps the development mailbox out of production, and out of the way when Resend is set up", () => {
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("DEV_MAILBOX", "");
    vi.stubEnv("NODE_ENV", "development");
    expect(env().DEV_MAILBOX).toBe(true);
    resetEnvForTests();
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("APP_URL", "http://localhost:3000");
    vi.stubEnv("LOCAL_ONLY", "true");
    expect(env().DEV_MAILBOX).toBe(false);
    resetEnvForTests();
    vi.stubEnv("RESEND_API_KEY", "re_live_123");
    vi.stubEnv("EMAIL_FROM", "Clinic <appointments@clinic.example>");
    vi.stubEnv("DEV_MAILBOX", "true");
    expect(env().DEV_MAILBOX).toBe(false);
  });

  it("needs a sender with a Resend key, and staff alert addresses that are addresses", () => {
    vi.stubEnv("RESEND_API_KEY", "re_live_123");
    vi.stubEnv("EMAIL_FROM", "");
    expect(() => env()).toThrow(/EMAIL_FROM/);
    resetEnvForTests();
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("STAFF_ALERT_EMAILS", "lead@clinic.example, desk@clinic.example");
    expect(env().STAFF_ALERT_EMAILS).toEqual(["lead@clinic.example", "desk@clinic.example"]);
    resetEnvForTests();
    vi.stubEnv("STAFF_ALERT_EMAILS", "lead@clinic.example, nobody");
    expect(() => env()).toThrow(/STAFF_ALERT_EMAILS/);
  });
});

describe("a production server that could not reach anyone refuses to start", () => {
  const real = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    APP_URL: "https://book.riverside-spine.example",
    RESEND_API_KEY: "re_live_123",
    EMAIL_FROM: "Riverside Spine <appointments@riverside-spine.example>",
    STAFF_ALERT_EMAILS: "lead@riverside-spine.example",
  };
  const withEnv = (overrides: Record<string, string>) => {
    for (const [k, v] of Object.entries({ ...real, ...overrides })) vi.stubEnv(k, v);
    return () => env();
  };

  it("starts when email, alert addresses and the public address are all set", () => {
    const config = withEnv({})();
    expect(config.APP_URL).toBe("https://book.riverside-spine.example");
    expect(config.DEV_MAILBOX).toBe(false);
    expect(config.LOCAL_ONLY).toBe(false);
  });

  it("without APP_URL (it used to default to localhost, so every emailed link was dead)", () => {
    expect(withEnv({ APP_URL: "" })).toThrow(/^APP_URL is missing/);
  });

  it("without a real email transport", () => {
    expect(withEnv({ RESEND_API_KEY: "" })).toThrow(/^RESEND_API_KEY is missing/);
  });

  it("with the development mailbox on", () => {
    expect(withEnv({ DEV_MAILBOX: "true" })).toThrow(/^DEV_MAILBOX is on/);
  });

  it("with an empty staff alert list", () => {
    expect(withEnv({ STAFF_ALERT_EMAILS: "" })).toThrow(/^STAFF_ALERT_EMAILS is empty/);
    resetEnvForTests();
    expect(withEnv({ STAFF_ALERT_EMAILS: " , " })).toThrow(/^STAFF_ALERT_EMAILS is empty/);
  });

  it("each refusal is one line", () => {
    for (const bad of <Record<string, string>[]>[
      { APP_URL: "" },
      { RESEND_API_KEY: "" },
      { DEV_MAILBOX: "1" },
      { STAFF_ALERT_EMAILS: "" },
    ]) {
      resetEnvForTests();
      try {
        withEnv(bad)();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        expect((error as Error).message).not.toContain("\n");
      }
    }
  });

  it("a build that says it serves this machine only (tests, benchmarks) may keep emails in the development mailbox", () => {
    const local = { APP_URL: "http://127.0.0.1:3107", RESEND_API_KEY: "", STAFF_ALERT_EMAILS: "", DEV_MAILBOX: "true" };
    const config = withEnv({ ...local, LOCAL_ONLY: "true" })();
    expect(config.LOCAL_ONLY).toBe(true);
    expect(config.DEV_MAILBOX).toBe(true);
    // A localhost APP_URL alone is not enough (a real server behind a proxy could be set up so)...
    resetEnvForTests();
    expect(withEnv({ ...local, LOCAL_ONLY: "" })).toThrow(/^DEV_MAILBOX is on/);
    // ...and LOCAL_ONLY on a public address is refused.
    resetEnvForTests();
    expect(withEnv({ LOCAL_ONLY: "true" })).toThrow(/^LOCAL_ONLY is set but APP_URL is not on localhost/);
    expect(isLoopback("http://localhost:3000")).toBe(true);
    expect(isLoopback("http://[::1]:3000")).toBe(true);
    expect(isLoopback("https://127.0.0.1.nip.io")).toBe(false);
    expect(isLoopback("https://localhost.riverside.example")).toBe(false);
  });
});
