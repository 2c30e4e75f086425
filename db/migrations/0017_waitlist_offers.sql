ALTER TYPE "public"."appointment_status" ADD VALUE 'held';--> statement-breakpoint
CREATE TABLE "freed_times" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinician_id" uuid NOT NULL,
	"appointment_type_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"source_appointment_id" uuid,
	"freed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp (3) with time zone,
	"handled_at" timestamp (3) with time zone,
	"outcome" text,
	CONSTRAINT "freed_times_order" CHECK ("freed_times"."ends_at" > "freed_times"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"freed_time_id" uuid,
	"appointment_id" uuid,
	"clinician_id" uuid NOT NULL,
	"appointment_type_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"offered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"offered_by" uuid,
	CONSTRAINT "waitlist_offers_status" CHECK ("waitlist_offers"."status" in ('open', 'accepted', 'declined', 'lapsed', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "clinic" ADD COLUMN "waitlist_hold_minutes" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "freed_times" ADD CONSTRAINT "freed_times_clinician_id_clinicians_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freed_times" ADD CONSTRAINT "freed_times_appointment_type_id_appointment_types_id_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freed_times" ADD CONSTRAINT "freed_times_source_appointment_id_appointments_id_fk" FOREIGN KEY ("source_appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_freed_time_id_freed_times_id_fk" FOREIGN KEY ("freed_time_id") REFERENCES "public"."freed_times"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_clinician_id_clinicians_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_type_id_appointment_types_id_fk" FOREIGN KEY ("appointment_type_id") REFERENCES "public"."appointment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_offered_by_staff_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "freed_times_pending_idx" ON "freed_times" USING btree ("freed_at") WHERE "freed_times"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "freed_times_freed_at_idx" ON "freed_times" USING btree ("freed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_token_idx" ON "waitlist_offers" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_open_per_entry" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "waitlist_offers_open_idx" ON "waitlist_offers" USING btree ("expires_at") WHERE "waitlist_offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "waitlist_offers_entry_idx" ON "waitlist_offers" USING btree ("entry_id","offered_at");--> statement-breakpoint
CREATE INDEX "waitlist_offers_freed_idx" ON "waitlist_offers" USING btree ("freed_time_id");--> statement-breakpoint
ALTER TABLE "clinic" ADD CONSTRAINT "clinic_waitlist_hold_minutes_range" CHECK ("clinic"."waitlist_hold_minutes" between 5 and 1440);--> statement-breakpoint
-- Hand-written: every booked appointment that is cancelled or moved frees its time for the waitlist,
-- whichever path changed it (a patient's link, staff, an erasure, a re-grade), in the same transaction.
CREATE FUNCTION appointment_freed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO freed_times (clinician_id, appointment_type_id, starts_at, ends_at, cause, source_appointment_id)
  VALUES (NEW.clinician_id, NEW.appointment_type_id, NEW.starts_at, NEW.ends_at,
          CASE WHEN NEW.status = 'cancelled' THEN 'cancelled' ELSE 'moved' END, NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER appointments_freed AFTER UPDATE OF status ON "appointments" FOR EACH ROW
  WHEN (OLD.status = 'booked' AND NEW.status IN ('cancelled', 'rescheduled'))
  EXECUTE FUNCTION appointment_freed();
