-- The append-only trigger (0007) fires per row, and TRUNCATE deletes without visiting rows: a
-- statement-level trigger refuses it too. (Only the table's owner can drop these triggers; run the
-- app as a role that does not own the tables, see the README's "Production deployment".)
CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_events is append-only: TRUNCATE is refused';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();
