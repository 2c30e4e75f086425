DROP INDEX "intakes_created_at_idx";--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "emergency_ack_minutes" smallint DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "urgent_ack_minutes" smallint DEFAULT 120 NOT NULL;--> statement-breakpoint
CREATE INDEX "appointments_intake_idx" ON "appointments" USING btree ("intake_id","clinician_id");--> statement-breakpoint
CREATE INDEX "intakes_created_at_level_idx" ON "intakes" USING btree ("created_at","level");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_ack_minutes_range" CHECK ("clinic"."emergency_ack_minutes" between 1 and 60 and "clinic"."urgent_ack_minutes" between 1 and 1440);