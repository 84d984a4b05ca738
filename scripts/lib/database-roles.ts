// Two database roles, so the records defend themselves even against the app's own connection:
// - the owner (the embedded cluster's superuser, or MIGRATION_DATABASE_URL's user) runs the
//   migrations and owns every table, trigger and function;
// - the app's role (`factdesk_app`, or DATABASE_URL's user) may only SELECT, INSERT, UPDATE and
//   DELETE rows, and not even UPDATE or DELETE on append-only tables. It cannot disable or drop a
//   trigger, replace a function, TRUNCATE, or set session_replication_role.
// The grants follow the schema by themselves: default privileges cover tables later migrations
// add, and every table carrying the refuse_change() trigger is append-only for the app.
import pg from "pg";

export const APP_ROLE = "factdesk_app";

/**
 * Append-only whatever their triggers say (a floor: tables with a refuse_change() trigger are
 * found in the catalog and added). Other branches add: fact-sheet exports and links, when they are
 * logs; a table whose rows are never edited or removed belongs here.
 */
export const APPEND_ONLY_TABLES = [
  "status_changes",
  "audit_log",
  "reviews",
  "conflict_decisions",
  "fact_sheet_snapshots",
  "security_events",
] as const;

/** Tables the app never touches at all. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];

/** The role the app connects as, given the two connection strings (null: one role does both). */
export function appRoleOf(appUrl: string, ownerUrl: string): string | null {
  const app = decodeURIComponent(new URL(appUrl).username);
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  return app && app !== owner ? app : null;
}

/**
 * The role migrations grant to: the embedded cluster's `factdesk_app`, or DATABASE_URL's user when
 * MIGRATION_DATABASE_URL names another; null when one role does both (start.ts warns).
 */
export function configuredAppRole(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.DATABASE_URL) return APP_ROLE;
  return appRoleOf(env.DATABASE_URL, env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL);
}

/** The app's login role: no superuser, no CREATEDB or CREATEROLE; its rights come from grants. */
export async function ensureLoginRole(superuserUrl: string, role: string, password: string) {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`;
    await client.query(`${exists ? "ALTER" : "CREATE"} ROLE ${pg.escapeIdentifier(role)} ${attributes}`);
  } catch (e) {
    // Two commands starting at once may both try to create it.
    if ((e as { code?: string }).code !== "42710") throw e;
  } finally {
    await client.end();
  }
}

/** The append-only tables of this database: the floor list and every table with a refuse_change() trigger. */
export async function appendOnlyTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE p.proname = 'refuse_change' AND n.nspname = 'public' AND NOT t.tgisinternal`,
  );
  const existing = new Set(
    (await client.query<{ table: string }>(`SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.table),
  );
  return [...new Set([...APPEND_ONLY_TABLES.filter((t) => existing.has(t)), ...rows.map((r) => r.table)])].sort();
}

/**
 * Gives the app's role what it needs and nothing more, as the owner, after the migrations (run
 * again after every migration, so a new append-only table loses its UPDATE and DELETE at once).
 */
export async function grantAppRights(client: pg.ClientBase, role: string) {
  const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
  if (!exists) throw new Error(`The app's database role "${role}" does not exist: create it (README, Running against an external PostgreSQL).`);
  const r = pg.escapeIdentifier(role);
  const [{ db: database }] = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows as [{ db: string }];
  const db = pg.escapeIdentifier(database);
  await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${r}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
  await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
  for (const table of await appendOnlyTables(client)) {
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${pg.escapeIdentifier(table)} FROM ${r}`);
  }
  for (const table of OWNER_ONLY_TABLES) {
    await client.query(`REVOKE ALL ON ${pg.escapeIdentifier(table)} FROM ${r}`);
  }
  // The job queue (graphile-worker): the app adds, takes and completes jobs through its functions
  // and tables, but its schema stays the owner's.
  if ((await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'")).rowCount) {
    await client.query(`GRANT USAGE ON SCHEMA graphile_worker TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${r}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${r}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${r}`);
    // Its tables have row-level security with no policy (only their owner may see rows): the app's
    // role gets a policy of its own on each, so the queue works for it and for no one else.
    const { rows } = await client.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
          AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'graphile_worker' AND p.tablename = c.relname AND p.policyname = $1)`,
      [`${role}_queue`],
    );
    for (const { table } of rows) {
      await client.query(`CREATE POLICY ${pg.escapeIdentifier(`${role}_queue`)} ON graphile_worker.${pg.escapeIdentifier(table)} FOR ALL TO ${r} USING (true) WITH CHECK (true)`);
    }
  }
}

/** Why the app's connection holds more power than it should, or [] when it does not. */
export async function privilegeWarnings(appUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owned: string | null }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              (SELECT string_agg(tablename, ', ' ORDER BY tablename) FROM (
                 SELECT tablename FROM pg_tables
                  WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE') LIMIT 3) t) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [me] = rows;
    const warnings: string[] = [];
    if (me?.superuser) warnings.push(`the app connects as "${me.role}", a superuser`);
    else if (me?.owned) warnings.push(`the app connects as "${me.role}", owner of its tables (${me.owned}, …)`);
    return warnings;
  } finally {
    await client.end();
  }
}
