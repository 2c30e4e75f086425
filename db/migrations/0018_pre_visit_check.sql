CREATE TABLE "pre_visit_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"intake_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"answers" jsonb,
	"regrade_intake_id" uuid,
	"gave_back_at" timestamp (3) with time zone,
	CONSTRAINT "pre_visit_checks_answered" CHECK (("pre_visit_checks"."answers" is null) = ("pre_visit_checks"."answered_at" is null)),
	CONSTRAINT "pre_visit_checks_gave_back" CHECK ("pre_visit_checks"."gave_back_at" is null or "pre_visit_checks"."answered_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "pre_visit_check_days" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "pre_visit_checks" ADD CONSTRAINT "pre_visit_checks_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_visit_checks" ADD CONSTRAINT "pre_visit_checks_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_visit_checks" ADD CONSTRAINT "pre_visit_checks_regrade_intake_id_intakes_id_fk" FOREIGN KEY ("regrade_intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pre_visit_checks_token_idx" ON "pre_visit_checks" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "pre_visit_checks_appointment_idx" ON "pre_visit_checks" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "pre_visit_checks_intake_idx" ON "pre_visit_checks" USING btree ("intake_id");--> statement-breakpoint
CREATE INDEX "pre_visit_checks_regrade_idx" ON "pre_visit_checks" USING btree ("regrade_intake_id") WHERE "pre_visit_checks"."regrade_intake_id" is not null;--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_pre_visit_check_days_range" CHECK ("clinic"."pre_visit_check_days" between 0 and 14);