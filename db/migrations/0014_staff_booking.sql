DROP INDEX "patients_phone_idx";--> statement-breakpoint
DROP INDEX "patients_last_name_idx";--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "late_cancellation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "booked_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "outside_level_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_staff_id_staff_users_id_fk" FOREIGN KEY ("booked_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_staff_id_staff_users_id_fk" FOREIGN KEY ("cancelled_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patients_first_name_idx" ON "patients" USING btree (lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_phone_digits_idx" ON "patients" USING btree (reverse(regexp_replace("phone", '[^0-9]', '', 'g')) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patients_merged_idx" ON "patients" USING btree ("merged_into_id") WHERE "patients"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "patients_last_name_idx" ON "patients" USING btree (lower("last_name") text_pattern_ops);