// Applies prisma/migrations the way `prisma migrate deploy` does, with plain pg: each migration in
// its own transaction, under Prisma's advisory lock, recorded in `_prisma_migrations`.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { Logger, runMigrations } from "graphile-worker";
import { configuredAppRole, grantAppRights } from "./database-roles";

const quietLogger = new Logger(() => () => {});

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
/** The key `prisma migrate` itself locks on, so the two never run at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory());
  const names = entries.map((e) => e.name).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) continue;
    const sql = await readFile(file, "utf8");
    migrations.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return migrations;
}

/**
 * Applies what is not applied yet (up to and including `upTo` when given), as the owner, then
 * grants the app's role its rights (again, so tables new migrations made are covered); returns the
 * names applied. Idempotent.
 */
export async function applyMigrations(
  databaseUrl: string,
  log: (m: string) => void = () => {},
  options: { upTo?: string; appRole?: string | null } = {},
) {
  const appRole = options.appRole === undefined ? configuredAppRole() : options.appRole;
  const migrations = (await readMigrations()).filter((m) => !options.upTo || m.name <= options.upTo);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row?.finished_at) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied. Write a new migration instead.`);
        }
        continue;
      }
      if (row) throw new Error(`Migration ${m.name} failed earlier and needs a look by hand (see _prisma_migrations).`);
      log(`Applying migration ${m.name}…`);
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    // Tables a migration made after data_version also change the page cache's token (that migration).
    const { rows: watch } = await client.query<{ exists: boolean }>(`SELECT to_regprocedure('data_version_watch_all()') IS NOT NULL AS exists`);
    if (watch[0]?.exists) await client.query("SELECT data_version_watch_all()");
    // The job queue's own schema (graphile-worker migrates it itself), made here as the owner so the
    // app's role, which may not create schemas, finds it ready.
    await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
    if (appRole) {
      await client.query("BEGIN");
      try {
        await grantAppRights(client, appRole);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}
