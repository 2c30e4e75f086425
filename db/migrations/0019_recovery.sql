CREATE TABLE "my_back_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"last_used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "outcome_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"week" smallint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"answers" jsonb,
	"score" jsonb,
	"regrade_intake_id" uuid,
	CONSTRAINT "outcome_checkins_answered" CHECK (("outcome_checkins"."answers" is null) = ("outcome_checkins"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "recoveries" (
	"intake_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"activities" jsonb,
	"activities_at" timestamp (3) with time zone,
	"discharged_at" timestamp (3) with time zone,
	"discharged_by" uuid,
	"not_improving_at" timestamp (3) with time zone,
	"not_improving" jsonb,
	"run_plan_cleared_at" timestamp (3) with time zone,
	"run_plan_cleared_by" uuid
);
--> statement-breakpoint
CREATE TABLE "run_plan_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"stage" smallint NOT NULL,
	"answers" jsonb NOT NULL,
	"decision" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"stage" smallint DEFAULT 1 NOT NULL,
	"stage_started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"last_checkin_at" timestamp (3) with time zone,
	CONSTRAINT "run_plans_status" CHECK ("run_plans"."status" in ('active', 'completed', 'stopped'))
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "checkin_weeks" smallint[] DEFAULT '{2,6,12}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "recovery_emails_stopped_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "my_back_links" ADD CONSTRAINT "my_back_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_checkins" ADD CONSTRAINT "outcome_checkins_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_checkins" ADD CONSTRAINT "outcome_checkins_regrade_intake_id_intakes_id_fk" FOREIGN KEY ("regrade_intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recoveries" ADD CONSTRAINT "recoveries_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_plan_checkins" ADD CONSTRAINT "run_plan_checkins_plan_id_run_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."run_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_plans" ADD CONSTRAINT "run_plans_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "my_back_links_token_idx" ON "my_back_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "my_back_links_patient_idx" ON "my_back_links" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_checkins_week_idx" ON "outcome_checkins" USING btree ("intake_id","week");--> statement-breakpoint
CREATE INDEX "outcome_checkins_due_idx" ON "outcome_checkins" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "run_plan_checkins_plan_idx" ON "run_plan_checkins" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "run_plans_intake_idx" ON "run_plans" USING btree ("intake_id");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_checkin_weeks_range" CHECK (cardinality("clinic"."checkin_weeks") <= 6 and 1 <= all("clinic"."checkin_weeks") and 52 >= all("clinic"."checkin_weeks"));