CREATE TABLE "triage_audit_built" (
	"zone" text NOT NULL,
	"ruleset_version" text NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "triage_audit_built_zone_ruleset_version_day_pk" PRIMARY KEY("zone","ruleset_version","day")
);
--> statement-breakpoint
CREATE TABLE "triage_audit_days" (
	"zone" text NOT NULL,
	"ruleset_version" text NOT NULL,
	"day" date NOT NULL,
	"level" "triage_level" NOT NULL,
	"rule" text NOT NULL,
	"n" integer NOT NULL,
	"with_verdict" integer NOT NULL,
	"right" integer NOT NULL,
	"higher" integer NOT NULL,
	"lower" integer NOT NULL,
	"serious" integer NOT NULL,
	CONSTRAINT "triage_audit_days_zone_ruleset_version_day_level_rule_pk" PRIMARY KEY("zone","ruleset_version","day","level","rule")
);
--> statement-breakpoint
ALTER TABLE "triage_audit_days" ADD CONSTRAINT "triage_audit_days_built_fk" FOREIGN KEY ("zone","ruleset_version","day") REFERENCES "public"."triage_audit_built"("zone","ruleset_version","day") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grade_verdicts_higher_idx" ON "grade_verdicts" USING btree ("recorded_at","intake_id") WHERE "grade_verdicts"."verdict" = 'higher' and "grade_verdicts"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "intakes_ruleset_created_idx" ON "intakes" USING btree ("ruleset_version","created_at");--> statement-breakpoint
CREATE INDEX "intakes_silent_idx" ON "intakes" USING btree ("ruleset_version","created_at","level","staff_level") WHERE "intakes"."silent" and "intakes"."staff_level" is not null;--> statement-breakpoint
-- Hand-written: keeping the triage audit's rollup true. A built day is forgotten (its marker and,
-- by cascade, its counts) when a grade or a verdict on it changes; the audit counts it again on its
-- next read. Writers and the reader building a day take the same advisory lock per ruleset and UTC
-- day, so a day is never built from a snapshot that misses a change committed after it.
CREATE FUNCTION triage_audit_forget(versions text[], instants timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtext('triage_audit:' || c.v || ':' || (c.i AT TIME ZONE 'UTC')::date::text) AS k
    FROM unnest(versions, instants) AS c(v, i) ORDER BY 1
  ) AS keys;
  DELETE FROM triage_audit_built b USING (
    SELECT DISTINCT c.v, z.zone, (c.i AT TIME ZONE z.zone)::date AS day
    FROM unnest(versions, instants) AS c(v, i) CROSS JOIN (SELECT DISTINCT zone FROM triage_audit_built) AS z
  ) AS x
  WHERE b.zone = x.zone AND b.ruleset_version = x.v AND b.day = x.day;
END $$;--> statement-breakpoint
-- An intake made now falls on a day that is not closed yet (only days ended an hour ago are rolled
-- up): only a backdated one (an import, a seed, a test) can change a built day, so an ordinary
-- intake takes no lock here.
CREATE FUNCTION intakes_triage_audit_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM triage_audit_forget(array_agg(ruleset_version), array_agg(created_at))
    FROM new_rows WHERE created_at < now() - interval '30 minutes' HAVING count(*) > 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER intakes_triage_audit_inserted AFTER INSERT ON "intakes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION intakes_triage_audit_inserted();--> statement-breakpoint
CREATE FUNCTION intakes_triage_audit_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM triage_audit_forget(array_agg(ruleset_version), array_agg(created_at)) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER intakes_triage_audit_deleted AFTER DELETE ON "intakes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION intakes_triage_audit_deleted();--> statement-breakpoint
CREATE FUNCTION intakes_triage_audit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM triage_audit_forget(ARRAY[OLD.ruleset_version, NEW.ruleset_version], ARRAY[OLD.created_at, NEW.created_at]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER intakes_triage_audit_changed AFTER UPDATE OF ruleset_version, created_at, level, fired_rules ON "intakes" FOR EACH ROW
  WHEN (OLD.ruleset_version IS DISTINCT FROM NEW.ruleset_version OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.level IS DISTINCT FROM NEW.level OR OLD.fired_rules IS DISTINCT FROM NEW.fired_rules)
  EXECUTE FUNCTION intakes_triage_audit_changed();--> statement-breakpoint
CREATE FUNCTION intakes_triage_audit_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM triage_audit_built;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER intakes_triage_audit_truncated AFTER TRUNCATE ON "intakes" FOR EACH STATEMENT EXECUTE FUNCTION intakes_triage_audit_truncated();--> statement-breakpoint
-- A verdict recorded, changed (the old one superseded) or removed changes its grade's day.
CREATE FUNCTION grade_verdicts_triage_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM triage_audit_forget(array_agg(i.ruleset_version), array_agg(i.created_at))
      FROM new_rows n JOIN intakes i ON i.id = n.intake_id HAVING count(*) > 0;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM triage_audit_forget(array_agg(i.ruleset_version), array_agg(i.created_at))
      FROM old_rows o JOIN intakes i ON i.id = o.intake_id HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER grade_verdicts_triage_audit_inserted AFTER INSERT ON "grade_verdicts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_verdicts_triage_audit();--> statement-breakpoint
CREATE TRIGGER grade_verdicts_triage_audit_updated AFTER UPDATE ON "grade_verdicts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_verdicts_triage_audit();--> statement-breakpoint
CREATE TRIGGER grade_verdicts_triage_audit_deleted AFTER DELETE ON "grade_verdicts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_verdicts_triage_audit();
