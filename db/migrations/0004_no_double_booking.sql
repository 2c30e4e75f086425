-- Hand-written: drizzle-kit cannot express exclusion constraints.
-- Two appointments of one clinician that still hold time (anything but cancelled or replaced by a
-- reschedule) can never overlap, buffers included: the database refuses the second one with
-- SQLSTATE 23P01, whatever the application checked before. btree_gist lets the uuid equality
-- share the GiST index with the range overlap. It is a trusted extension (PostgreSQL 13+), and
-- PGlite loads it from @electric-sql/pglite/contrib (db/client.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("clinician_id" WITH =, "blocked" WITH &&)
  WHERE ("status" NOT IN ('cancelled', 'rescheduled'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_blocked_covers"
  CHECK (lower("blocked") <= "starts_at" AND upper("blocked") >= "ends_at");
