-- CreateTable
CREATE TABLE "data_version" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

-- Hand-written below.

-- At most one row, made by the first write after this migration (so a restore's COPY of the table
-- finds it empty); until then the page cache reads the version as "none", and nothing has changed.
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_one_row" CHECK ("id");

-- A new token once per writing transaction, at its commit: the triggers are deferred, so the row is
-- locked only while the transaction commits (never while it waits on other rows, so no deadlock),
-- and readers see the new token exactly when they see the data it stands for.
CREATE FUNCTION data_version_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx text := txid_current()::text;
BEGIN
  IF current_setting('factdesk.data_version_tx', true) IS DISTINCT FROM tx THEN
    PERFORM set_config('factdesk.data_version_tx', tx, true);
    PERFORM data_version_renew();
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION data_version_renew() RETURNS void LANGUAGE sql AS $$
  INSERT INTO data_version (id, token) VALUES (true, gen_random_uuid())
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
$$;

CREATE FUNCTION data_version_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM data_version_renew();
  RETURN NULL;
END
$$;

-- Every table in the schema changes the token, except those no page content comes from: sign-in
-- sessions (touched once a minute per editor), security events, throttling counters, worker
-- heartbeats and the token itself. The migration step calls this after every migration
-- (scripts/lib/migrate.ts), so a table a later migration makes is watched without being named here.
CREATE FUNCTION data_version_watch_all() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
       AND c.relname NOT IN ('data_version', 'sessions', 'security_events', 'rate_limits', 'job_worker_heartbeats', '_prisma_migrations')
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_changed')
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version_changed AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_note()', t);
    EXECUTE format('CREATE TRIGGER data_version_truncated AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_version_note_truncate()', t);
  END LOOP;
END
$$;

SELECT data_version_watch_all();
