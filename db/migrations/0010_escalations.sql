CREATE TABLE "clinic_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	CONSTRAINT "clinic_hours_weekday" CHECK ("clinic_hours"."weekday" between 1 and 7),
	CONSTRAINT "clinic_hours_order" CHECK ("clinic_hours"."end_time" > "clinic_hours"."start_time")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"secret_sealed" text NOT NULL,
	"events" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
DROP INDEX "intakes_escalation_queue_idx";--> statement-breakpoint
DROP INDEX "intakes_open_escalation_idx";--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "out_of_hours_phone" text;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "resolution_reason" text;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "effective_level" "triage_level" GENERATED ALWAYS AS (coalesce(override_level, level)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "effective_rank" smallint GENERATED ALWAYS AS (case coalesce(override_level, level) when 'EMERGENCY' then 5 when 'URGENT' then 4 when 'SOON' then 3 when 'ROUTINE' then 2 else 1 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "ack_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "arrived_out_of_hours" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "review_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "reviewed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "review_overdue_alerted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "first_call_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "intake_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intakes_review_idx" ON "intakes" USING btree ("effective_rank" DESC NULLS LAST,"created_at","id") WHERE "intakes"."review_due_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_intake_idx" ON "outbox" USING btree ("intake_id") WHERE "outbox"."intake_id" is not null;--> statement-breakpoint
CREATE INDEX "intakes_escalation_queue_idx" ON "intakes" USING btree ("effective_rank" DESC NULLS LAST,"created_at","id") WHERE "intakes"."escalated";--> statement-breakpoint
CREATE INDEX "intakes_open_escalation_idx" ON "intakes" USING btree ("effective_rank" DESC NULLS LAST,"created_at","id") WHERE "intakes"."escalated" and "intakes"."resolved_at" is null;--> statement-breakpoint
-- Existing cases: the deadline they had (wall clock), the first call logged, and staff alerts tied to their case.
UPDATE "intakes" i SET "ack_due_at" = i."created_at" + make_interval(mins => CASE WHEN i."level" = 'EMERGENCY' THEN c."emergency_ack_minutes" ELSE c."urgent_ack_minutes" END)
  FROM "clinic" c WHERE i."escalated" AND (i."level" IN ('EMERGENCY', 'URGENT') OR i."escalation_reason" = 'no_capacity');--> statement-breakpoint
UPDATE "intakes" i SET "first_call_at" = n."first_at"
  FROM (SELECT "intake_id", min("created_at") AS "first_at" FROM "case_notes" WHERE "kind" = 'call' GROUP BY "intake_id") n
  WHERE n."intake_id" = i."id";--> statement-breakpoint
-- The review list starts with the last two weeks' SOON and flagged intakes (older ones were handled
-- before it existed). Those already past their day are listed as overdue but not alerted: an
-- upgrade must not page the admins about two weeks of cases at once.
UPDATE "intakes" SET "review_due_at" = "created_at" + interval '1 day',
    "review_overdue_alerted_at" = CASE WHEN "created_at" + interval '1 day' < now() THEN now() END
  WHERE ("level" = 'SOON' OR cardinality("flags") > 0) AND "created_at" > now() - interval '14 days';--> statement-breakpoint
UPDATE "outbox" SET "intake_id" = ("payload"->>'intakeId')::uuid
  WHERE "kind" = 'staff_escalation' AND "payload"->>'intakeId' IS NOT NULL
    AND EXISTS (SELECT 1 FROM "intakes" WHERE "id" = ("payload"->>'intakeId')::uuid);
