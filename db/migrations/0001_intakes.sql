CREATE TYPE "public"."triage_level" AS ENUM('EMERGENCY', 'URGENT', 'SOON', 'ROUTINE', 'SELF_CARE');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"intake_id" uuid NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"answers" jsonb NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"level" "triage_level" NOT NULL,
	"level_rank" smallint NOT NULL,
	"ruleset_version" text NOT NULL,
	"fired_rules" text[] NOT NULL,
	"flags" text[] NOT NULL,
	"scores" jsonb NOT NULL,
	"age_at_grading" smallint NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"escalation_reason" text,
	"previous_intake_id" uuid,
	CONSTRAINT "intakes_level_rank_range" CHECK ("intakes"."level_rank" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_previous_intake_id_intakes_id_fk" FOREIGN KEY ("previous_intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intakes_escalation_queue_idx" ON "intakes" USING btree ("level_rank" DESC NULLS LAST,"created_at","id") WHERE "intakes"."escalated";--> statement-breakpoint
CREATE INDEX "intakes_created_at_idx" ON "intakes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "intakes_email_idx" ON "intakes" USING btree ("email");--> statement-breakpoint
CREATE INDEX "intakes_previous_idx" ON "intakes" USING btree ("previous_intake_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");