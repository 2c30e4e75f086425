CREATE TABLE "grade_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intake_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"diagnosis" text,
	"diagnosis_text" text,
	"recorded_by" uuid,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "silent_pilot_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "silent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "staff_level" "triage_level";--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "staff_level_by" uuid;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "staff_level_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "grade_verdicts" ADD CONSTRAINT "grade_verdicts_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_verdicts" ADD CONSTRAINT "grade_verdicts_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grade_verdicts_current_idx" ON "grade_verdicts" USING btree ("intake_id") WHERE "grade_verdicts"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "grade_verdicts_intake_idx" ON "grade_verdicts" USING btree ("intake_id","recorded_at");