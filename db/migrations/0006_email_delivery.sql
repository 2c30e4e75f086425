CREATE TABLE "dev_mailbox" (
	"outbox_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
-- Existing rows: each chain of reschedules shares its first appointment's id.
WITH RECURSIVE chain AS (
	SELECT "id", "id" AS "root" FROM "appointments" WHERE "rescheduled_from_id" IS NULL
	UNION ALL
	SELECT a."id", chain."root" FROM "appointments" a JOIN chain ON a."rescheduled_from_id" = chain."id"
)
UPDATE "appointments" SET "series_id" = chain."root" FROM chain WHERE "appointments"."id" = chain."id";--> statement-breakpoint
UPDATE "appointments" SET "series_id" = "id" WHERE "series_id" IS NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "series_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "sequence" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD CONSTRAINT "dev_mailbox_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;