// Database errors as the rest of the app sees them: one line for an operator, never a value. The
// drivers' errors quote what was sent (drizzle's "Failed query: … params: …", PostgreSQL's detail
// "Key (email)=(…) already exists" or "Failing row contains (…)", PGlite's `params` and `where`),
// and Next, Auth.js and the email worker print what they catch: db/client.ts swaps every failed
// statement's error for one of these before anything else sees it.

/** The digest of a DbUnavailableError: Next passes a digest, never a message, to the error page. */
export const DB_UNAVAILABLE_DIGEST = "BACKTRACK_DB_UNAVAILABLE";

/** How long a client should wait before trying again while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 30;

/** Raised when the database cannot be reached or opened; the message is one line for an operator. */
export class DbUnavailableError extends Error {
  override name = "DbUnavailableError";
  /** Lets app/error.tsx show "we cannot reach our system" instead of the generic message. */
  readonly digest = DB_UNAVAILABLE_DIGEST;

  constructor(
    message: string,
    /** The driver's code (ECONNREFUSED, CONNECTION_CLOSED, 57P01…), when there is one. */
    readonly code?: string,
  ) {
    super(message);
  }

  // Next may load this module more than once (instrumentation and each route bundle): an error made
  // by one copy must still be recognised by another's `instanceof`, so the check is by brand.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && (value as { digest?: unknown }).digest === DB_UNAVAILABLE_DIGEST;
  }
}

/**
 * A statement the database refused, named by its SQLSTATE and, where PostgreSQL gives them, the
 * constraint, table and column: never the statement's parameters or the database's own detail.
 * `code` and `constraint` stay for callers that branch on them (pgCode in lib/booking/book.ts).
 */
export class DbQueryError extends Error {
  override name = "DbQueryError";
  declare readonly code?: string;
  declare readonly constraint?: string;
  declare readonly table?: string;
  declare readonly column?: string;

  constructor(fields: SafeFields) {
    super(describe(fields));
    // Only the fields that exist, so a printed error shows no empty keys.
    for (const key of ["code", "constraint", "table", "column"] as const)
      if (fields[key] !== undefined) Object.defineProperty(this, key, { value: fields[key], enumerable: true });
  }
}

type SafeFields = { code?: string; constraint?: string; table?: string; column?: string; raised?: string };

// The conditions this app meets; others are shown by their code alone.
const CONDITIONS: Record<string, string> = {
  "22001": "value too long",
  "22007": "invalid date or time",
  "22008": "date or time out of range",
  "22021": "invalid character (such as NUL) in text",
  "22P02": "invalid value for its type",
  "22P05": "invalid character (such as \\u0000) in JSON",
  "23502": "not-null violation",
  "23503": "foreign key violation",
  "23505": "unique violation",
  "23514": "check violation",
  "23P01": "exclusion violation",
  "25P02": "transaction already aborted",
  "40001": "serialization failure",
  "40P01": "deadlock",
  "55P03": "lock not available",
  "57014": "statement cancelled",
  P0001: "raised by a trigger",
};

function describe({ code, constraint, table, column, raised }: SafeFields): string {
  const what = code ? `${code} ${CONDITIONS[code] ?? "database error"}` : "database error";
  const where = [
    constraint && `constraint ${constraint}`,
    table && `table ${table}${column ? `, column ${column}` : ""}`,
  ].filter(Boolean);
  return `Database refused the statement: ${what}${where.length ? ` (${where.join("; ")})` : ""}${raised ? `: ${raised}` : ""}`;
}

// Connection failures from postgres.js (its own codes and the socket's) and PostgreSQL's
// "connection exception" class and shutdown codes: the database is away, not the request wrong.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

type DriverError = {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  table_name?: unknown;
  column?: unknown;
  column_name?: unknown;
};

const str = (v: unknown) => (typeof v === "string" && v.length <= 200 ? v : undefined);

/** Whether `error` says the database is unreachable (postgres.js, PostgreSQL or a closed PGlite). */
export function isConnectionFailure(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as DriverError;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  return message === "PGlite is closed";
}

/** Whether `error` came from PostgreSQL (or PGlite) with a SQLSTATE. */
function isSqlError(error: unknown): error is DriverError {
  if (!error || typeof error !== "object") return false;
  const { code, severity } = error as DriverError;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
}

/**
 * The safe form of an error from the database: a DbUnavailableError for a lost connection, a
 * DbQueryError for a refused statement; anything else (an app error thrown inside a transaction)
 * unchanged. With `wrapped` (the error came out of drizzle's query wrapper, whose message lists the
 * parameters) an unrecognised error is replaced too, keeping only its name and code.
 */
export function safeDbError(error: unknown, { wrapped = false } = {}): unknown {
  if (error instanceof DbQueryError || error instanceof DbUnavailableError) return error;
  if (isConnectionFailure(error)) {
    const code = str((error as DriverError).code);
    return new DbUnavailableError(`The database cannot be reached${code ? ` (${code})` : ""}`, code);
  }
  if (isSqlError(error)) {
    const code = str(error.code);
    return new DbQueryError({
      code,
      constraint: str(error.constraint_name) ?? str(error.constraint),
      table: str(error.table_name) ?? str(error.table),
      column: str(error.column_name) ?? str(error.column),
      // Our own triggers' RAISE EXCEPTION texts (migrations) name a rule, never a value.
      raised: code === "P0001" ? str(error.message)?.split("\n")[0] : undefined,
    });
  }
  if (!wrapped) return error;
  const name = error instanceof Error ? error.name : typeof error;
  const code = str((error as DriverError | null)?.code);
  return new DbQueryError({ code: undefined, raised: `${name}${code ? ` ${code}` : ""}` });
}

type Availability = { downUntil: number };

// On globalThis: proxy.ts runs in its own bundle, and reads what the app's database calls noted.
const availability: Availability = ((
  globalThis as { __backtrackDbAvailability?: Availability }
).__backtrackDbAvailability ??= { downUntil: 0 });

/** Notes that the database could not be reached: pages answer 503 for the next RETRY_AFTER_SECONDS. */
export function noteDatabaseDown(now = Date.now()): void {
  availability.downUntil = now + RETRY_AFTER_SECONDS * 1000;
}

/** Notes a statement that succeeded: the database is back. */
export function noteDatabaseUp(): void {
  if (availability.downUntil !== 0) availability.downUntil = 0;
}

/** Whether the database was unreachable at the last attempt, less than RETRY_AFTER_SECONDS ago. */
export function databaseRecentlyDown(now = Date.now()): boolean {
  return availability.downUntil > now;
}
