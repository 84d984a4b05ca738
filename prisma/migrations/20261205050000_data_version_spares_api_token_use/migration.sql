-- An API token's last use is noted at most once a minute (lib/server/api-tokens.ts), as a sign-in
-- session's is: like sessions, no page or kept answer shows it, so noting it no longer renews the
-- data version (which dropped every kept page and API answer, once a minute for each polling client).
-- Tokens are shown only on the admin's page, which is never kept.
CREATE OR REPLACE FUNCTION data_version_watch_all() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
       AND c.relname NOT IN ('data_version', 'sessions', 'api_tokens', 'security_events', 'rate_limits', 'job_worker_heartbeats', '_prisma_migrations')
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_changed')
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER data_version_changed AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_note()', t);
    EXECUTE format('CREATE TRIGGER data_version_truncated AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_version_note_truncate()', t);
  END LOOP;
END
$$;

DROP TRIGGER IF EXISTS data_version_changed ON api_tokens;
DROP TRIGGER IF EXISTS data_version_truncated ON api_tokens;
