import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

/** Thrown when configuration is unusable; its message is one line meant for an operator. */
export class EnvError extends Error {
  override name = "EnvError";
}

const flag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().optional(),
  /** Required in production: every emailed link and staff alert link starts with it. */
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s):// address" }).optional(),
  AUTO_SEED: flag,
  RATE_LIMIT_INTAKES_PER_MINUTE: positiveInt(10),
  RATE_LIMIT_BOOKINGS_PER_MINUTE: positiveInt(10),
  RATE_LIMIT_SLOTS_PER_MINUTE: positiveInt(120),
  /** Staff sign-in attempts per minute from one client, whatever the account. */
  RATE_LIMIT_SIGNIN_PER_MINUTE: positiveInt(10),
  /**
   * Proxies in front of the app that append to X-Forwarded-For. 0 (none): the header is ignored
   * and the client is the socket's address (lib/http.ts clientAddress).
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Send through Resend; without it emails go to the development mailbox (/dev/mailbox). */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Another Resend API address (a local fake in tests). */
  RESEND_BASE_URL: z.url().optional(),
  /** The sender, e.g. "Riverside Spine <appointments@riverside-spine.example>" (a domain verified with Resend). */
  EMAIL_FROM: z.string().min(3).optional(),
  /** Where patients' replies go; the clinic's email from its settings when unset. */
  EMAIL_REPLY_TO: z.email().optional(),
  /** Comma-separated staff addresses for escalation alerts; the clinic's email when unset. */
  STAFF_ALERT_EMAILS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.email({ error: "STAFF_ALERT_EMAILS must be email addresses separated by commas" }))),
  /** Demo staff accounts (known passwords) and demo intakes; on by default outside production. */
  DEMO_DATA: flag,
  /**
   * A production build that serves this machine only (the end-to-end tests, the benchmarks): with
   * APP_URL on localhost it may run without real email. Never set on a server patients reach.
   */
  LOCAL_ONLY: flag,
  /** Show /dev/mailbox under `next start` too (test deployments only; never with real patients). */
  DEV_MAILBOX: flag,
  /** Run the email worker inside the server (turn off when `npm run worker` runs separately). */
  EMAIL_WORKER: flag,
  EMAIL_WORKER_INTERVAL_SECONDS: positiveInt(5),
  /** How long a worker holds claimed emails; a dead worker's come back after this. */
  EMAIL_WORKER_LEASE_SECONDS: positiveInt(120),
  /** Give up on one send after this long (and retry later); keep it well under the lease. */
  EMAIL_SEND_TIMEOUT_SECONDS: positiveInt(15),
});

export type Env = Omit<
  z.output<typeof envSchema>,
  "AUTH_SECRET" | "AUTO_SEED" | "EMAIL_WORKER" | "EMAIL_FROM" | "DEV_MAILBOX" | "DEMO_DATA" | "APP_URL" | "LOCAL_ONLY"
> & {
  AUTH_SECRET: string;
  APP_URL: string;
  /**
   * A production build serving this machine only (APP_URL on localhost: the end-to-end tests and
   * the benchmarks). No real patient can open its links, so it may run without real email.
   */
  LOCAL_ONLY: boolean;
  EMAIL_WORKER: boolean;
  EMAIL_FROM: string;
  /** Emails go to the database and /dev/mailbox lists them: no RESEND_API_KEY, and not production unless DEV_MAILBOX. */
  DEV_MAILBOX: boolean;
  /** Load demo staff (with printed passwords) and demo intakes. Never with real patients. */
  DEMO_DATA: boolean;
  /** Load the demo clinic into an empty database at start-up. */
  AUTO_SEED: boolean;
  /** Where local state (PGlite data, the development secret) lives. */
  DATA_DIR: string;
};

const MIN_SECRET_LENGTH = 32;

let cached: Env | undefined;

/** The validated environment, parsed once; throws EnvError with a one-line message. */
export function env(): Env {
  if (cached) return cached;
  // An empty variable (DATABASE_URL= in a .env file) means "not set".
  const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === "production";
  const DATA_DIR = resolve(process.cwd(), ".data");
  const AUTH_SECRET = authSecret(raw.AUTH_SECRET, production, DATA_DIR);
  const LOCAL_ONLY = raw.LOCAL_ONLY === true;
  if (production) refuseUnsafeProduction(raw, LOCAL_ONLY);
  if (raw.RESEND_API_KEY && !raw.EMAIL_FROM) {
    throw new EnvError(
      'EMAIL_FROM is missing: set the sender Resend should use, e.g. "Clinic <appointments@your-domain>".',
    );
  }
  cached = {
    ...raw,
    APP_URL: (raw.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    LOCAL_ONLY,
    AUTH_SECRET,
    // Demo data is for laptops and demos: never seed a production PostgreSQL unasked.
    AUTO_SEED: raw.AUTO_SEED ?? !(production && raw.DATABASE_URL),
    EMAIL_WORKER: raw.EMAIL_WORKER ?? true,
    DEV_MAILBOX: !raw.RESEND_API_KEY && (raw.DEV_MAILBOX ?? !production),
    DEMO_DATA: raw.DEMO_DATA ?? !production,
    EMAIL_FROM: raw.EMAIL_FROM ?? "BackTrack <no-reply@backtrack.localhost>",
    DATA_DIR,
  };
  return cached;
}

/**
 * A real deployment must be able to reach people: alerts about EMERGENCY cases that land in a
 * database table nobody reads, or links to localhost, fail silently. So production refuses to
 * start without them, one line each, like AUTH_SECRET. Only a build that says it serves this
 * machine alone (LOCAL_ONLY=true, with APP_URL on localhost) may use the development mailbox.
 */
function refuseUnsafeProduction(raw: z.output<typeof envSchema>, localOnly: boolean): void {
  if (!raw.APP_URL)
    throw new EnvError(
      "APP_URL is missing: set it to the address patients and staff open (e.g. https://book.your-clinic.example); every emailed link starts with it.",
    );
  if (localOnly) {
    if (isLoopback(raw.APP_URL)) return;
    throw new EnvError(
      "LOCAL_ONLY is set but APP_URL is not on localhost: LOCAL_ONLY is for a build that serves this machine only (tests, benchmarks).",
    );
  }
  if (raw.DEV_MAILBOX)
    throw new EnvError(
      "DEV_MAILBOX is on: the development mailbox keeps emails (staff alerts included) in the database instead of sending them. Remove it in production.",
    );
  if (!raw.RESEND_API_KEY)
    throw new EnvError(
      "RESEND_API_KEY is missing: without a real email transport no patient email or staff alert would be sent. Set RESEND_API_KEY and EMAIL_FROM.",
    );
  if (!raw.STAFF_ALERT_EMAILS.length)
    throw new EnvError(
      "STAFF_ALERT_EMAILS is empty: set the addresses (comma-separated) that receive EMERGENCY and URGENT alerts.",
    );
}

/** Whether the address names this machine (localhost, 127.x, ::1). */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "::1";
}

function authSecret(given: string | undefined, production: boolean, dataDir: string): string {
  if (given && given.length >= MIN_SECRET_LENGTH) return given;
  if (production) {
    throw new EnvError(
      `AUTH_SECRET is ${given ? "too short" : "missing"}: set it to at least ${MIN_SECRET_LENGTH} random characters (openssl rand -base64 32).`,
    );
  }
  // Development: make one once and keep it, so sessions survive restarts.
  const file = resolve(dataDir, "auth-secret");
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= MIN_SECRET_LENGTH) return kept;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** For tests: forget the parsed environment so the next env() reads it again. */
export function resetEnvForTests(): void {
  cached = undefined;
}
