CREATE TABLE "patient_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"intake_ids" uuid[] NOT NULL,
	"appointment_ids" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp (3) with time zone,
	"undone_by" uuid,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"merged_into_id" uuid,
	"erased_at" timestamp (3) with time zone,
	CONSTRAINT "patients_not_merged_into_self" CHECK ("patients"."merged_into_id" <> "patients"."id")
);
--> statement-breakpoint
ALTER TABLE "appointment_types" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "patient_id" uuid;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "patient_id" uuid;--> statement-breakpoint
-- Existing intakes join one patient per lower-cased email and date of birth (an erased intake
-- stays on its own); the patient takes the id and contact of the group's latest intake.
UPDATE "intakes" AS i SET "patient_id" = g.pid
FROM (
  SELECT "id", first_value("id") OVER (
    PARTITION BY lower("email"), "date_of_birth", CASE WHEN "erased_at" IS NULL THEN NULL ELSE "id" END
    ORDER BY "created_at" DESC, "id" DESC
  ) AS pid
  FROM "intakes"
) AS g
WHERE g."id" = i."id";--> statement-breakpoint
INSERT INTO "patients" ("id", "created_at", "updated_at", "first_name", "last_name", "email", "phone", "date_of_birth", "sex", "erased_at")
SELECT l."id", f.first_at, l."created_at", l."first_name", l."last_name", l."email", l."phone", l."date_of_birth", l."sex", l."erased_at"
FROM "intakes" AS l
JOIN (SELECT "patient_id", min("created_at") AS first_at FROM "intakes" GROUP BY "patient_id") AS f ON f."patient_id" = l."id"
WHERE l."id" = l."patient_id";--> statement-breakpoint
UPDATE "appointments" AS a SET "patient_id" = i."patient_id" FROM "intakes" AS i WHERE i."id" = a."intake_id";--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "patient_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "intakes" ALTER COLUMN "patient_id" SET NOT NULL;--> statement-breakpoint
-- The urgent type was known by its id; from now on by this mark (admins can choose another).
UPDATE "appointment_types" SET "urgent" = true WHERE "id" = 'urgent-review';--> statement-breakpoint
-- From now on the database finds or creates the patient of every new intake that does not name
-- one: the live patient with the same lower-cased email and date of birth (following a merge to
-- the patient it joined), else a new one; the patient's contact becomes the newest given.
CREATE FUNCTION intake_patient() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found uuid;
  merged uuid;
  gone boolean := false;
  depth int := 0;
BEGIN
  IF NEW.patient_id IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT p.id, p.merged_into_id INTO found, merged
  FROM patients AS p
  WHERE lower(p.email) = lower(NEW.email) AND p.date_of_birth = NEW.date_of_birth AND p.erased_at IS NULL
  ORDER BY (p.merged_into_id IS NULL) DESC, p.created_at
  LIMIT 1;
  -- Follow a merge to the record it joined (at most 20 steps: a chain never grows that long, and a
  -- damaged one must not loop); a chain ending at an erased record starts a new patient.
  WHILE merged IS NOT NULL AND depth < 20 LOOP
    found := merged;
    depth := depth + 1;
    SELECT p.merged_into_id, p.erased_at IS NOT NULL INTO merged, gone FROM patients AS p WHERE p.id = found;
  END LOOP;
  IF gone OR merged IS NOT NULL THEN
    found := NULL;
  END IF;
  IF found IS NULL THEN
    INSERT INTO patients AS p (first_name, last_name, email, phone, date_of_birth, sex, created_at, updated_at)
    VALUES (NEW.first_name, NEW.last_name, NEW.email, NEW.phone, NEW.date_of_birth, NEW.sex, NEW.created_at, NEW.created_at)
    ON CONFLICT (lower(email), date_of_birth) WHERE merged_into_id IS NULL AND erased_at IS NULL
    DO UPDATE SET updated_at = p.updated_at
    RETURNING p.id INTO found;
  END IF;
  UPDATE patients AS p SET
    first_name = NEW.first_name, last_name = NEW.last_name, email = NEW.email, phone = NEW.phone, sex = NEW.sex,
    updated_at = NEW.created_at
  WHERE p.id = found AND p.updated_at <= NEW.created_at AND p.erased_at IS NULL;
  NEW.patient_id := found;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER intakes_patient BEFORE INSERT ON "intakes" FOR EACH ROW EXECUTE FUNCTION intake_patient();--> statement-breakpoint
CREATE FUNCTION appointment_patient() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.patient_id IS NULL THEN
    SELECT i.patient_id INTO NEW.patient_id FROM intakes AS i WHERE i.id = NEW.intake_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER appointments_patient BEFORE INSERT ON "appointments" FOR EACH ROW EXECUTE FUNCTION appointment_patient();--> statement-breakpoint
ALTER TABLE "patient_merges" ADD CONSTRAINT "patient_merges_survivor_id_patients_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_merges" ADD CONSTRAINT "patient_merges_merged_id_patients_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_merged_into_id_patients_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_merges_survivor_idx" ON "patient_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "patient_merges_merged_idx" ON "patient_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_identity_idx" ON "patients" USING btree (lower("email"),"date_of_birth") WHERE "patients"."merged_into_id" is null and "patients"."erased_at" is null;--> statement-breakpoint
CREATE INDEX "patients_last_name_idx" ON "patients" USING btree (lower("last_name"),lower("first_name"));--> statement-breakpoint
CREATE INDEX "patients_email_idx" ON "patients" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "patients_phone_idx" ON "patients" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "patients_dob_idx" ON "patients" USING btree ("date_of_birth");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_types_one_urgent" ON "appointment_types" USING btree ("urgent") WHERE "appointment_types"."urgent";--> statement-breakpoint
CREATE INDEX "appointments_patient_idx" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "intakes_patient_idx" ON "intakes" USING btree ("patient_id","created_at");
