-- CreateTable
CREATE TABLE "published_version" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "published_version_pkey" PRIMARY KEY ("id")
);

-- Hand-written below.

-- At most one row, made by the first write to what public pages show after this migration (until
-- then the page cache reads the version as "none"), as data_version's.
ALTER TABLE "published_version" ADD CONSTRAINT "published_version_one_row" CHECK ("id");

-- Two tokens, one rule (migration data_version): a new token once per writing transaction, at its
-- commit, by deferred triggers. data_version changes with every write to what any page shows;
-- published_version only with writes to what a public link's page (/p/…) shows, so the newsroom's
-- daily writes (claims, comments, reviews, conflicts) leave public pages kept. The same trigger
-- functions serve both, the token's table named as their argument (version_renew holds each
-- token's statement), in place of data_version's own, which served it alone.
-- Each token's statement is written out, not made with EXECUTE: PL/pgSQL keeps the plans of its
-- own statements, and a statement made each time cost 30-80 µs more a writing transaction.
CREATE FUNCTION version_renew(token_table text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF token_table = 'data_version' THEN
    INSERT INTO data_version (id, token) VALUES (true, gen_random_uuid()) ON CONFLICT (id) DO UPDATE SET token = excluded.token;
  ELSIF token_table = 'published_version' THEN
    INSERT INTO published_version (id, token) VALUES (true, gen_random_uuid()) ON CONFLICT (id) DO UPDATE SET token = excluded.token;
  ELSE
    RAISE EXCEPTION 'No version token is kept in %', token_table;
  END IF;
END
$$;

CREATE FUNCTION version_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx text := txid_current()::text;
  noted text := 'factdesk.' || TG_ARGV[0] || '_tx';
BEGIN
  IF current_setting(noted, true) IS DISTINCT FROM tx THEN
    PERFORM set_config(noted, tx, true);
    PERFORM version_renew(TG_ARGV[0]);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION version_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM version_renew(TG_ARGV[0]);
  RETURN NULL;
END
$$;

-- Watches `watched` for the token in `token_table`: triggers <token_table>_changed and _truncated.
CREATE FUNCTION version_watch(token_table text, watched text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION version_note(%L)',
                 token_table || '_changed', watched, token_table);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION version_note_truncate(%L)',
                 token_table || '_truncated', watched, token_table);
END
$$;

-- data_version's triggers are made again on these functions.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND g.tgname = 'data_version_changed'
  LOOP
    EXECUTE format('DROP TRIGGER data_version_changed ON %I', t);
    EXECUTE format('DROP TRIGGER IF EXISTS data_version_truncated ON %I', t);
  END LOOP;
END
$$;

-- As before (migration data_version_spares_api_token_use), and published_version is not content either.
CREATE OR REPLACE FUNCTION data_version_watch_all() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
       AND c.relname NOT IN ('data_version', 'published_version', 'sessions', 'api_tokens', 'security_events', 'rate_limits', 'job_worker_heartbeats', '_prisma_migrations')
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_changed')
  LOOP
    PERFORM version_watch('data_version', t);
  END LOOP;
END
$$;

SELECT data_version_watch_all();
DROP FUNCTION data_version_note();
DROP FUNCTION data_version_note_truncate();
DROP FUNCTION data_version_renew();

-- What a public link's page reads (app/p/[token]/page.tsx): the link, the published versions (the
-- link's own, or the sheet's latest), and the version's export files and PDF job for its Downloads.
-- A page of a later feature that reads another table names it here in its own migration.
SELECT version_watch('published_version', t) FROM unnest(ARRAY['fact_sheet_links', 'fact_sheet_snapshots', 'fact_sheet_exports', 'export_jobs']) AS t;
