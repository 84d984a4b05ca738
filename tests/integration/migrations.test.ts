import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/scripts/lib/migrate";
import { diffSchemas } from "@/scripts/lib/schema-engine";
import { adminUrl, createDatabase } from "../support/database";

/**
 * What schema.prisma can describe, read from PostgreSQL's catalog: enums, tables, columns,
 * primary/unique/foreign keys and indexes. Hand-written SQL that Prisma cannot express
 * (triggers, CHECK constraints) is tested on its own in append-only.test.ts.
 */
async function describeSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
      `SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
              || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`,
      `SELECT 'constraint ' || c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f') AND c.relname <> '_prisma_migrations'`,
      `SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    ];
    const lines: string[] = [];
    for (const q of queries) lines.push(...(await client.query<{ "?column?": string }>(q)).rows.map((r) => Object.values(r)[0] as string));
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** Indexes written by hand in migrations because schema.prisma cannot describe them. */
const HAND_WRITTEN_INDEXES = [
  "claims_statement_trgm_idx",
  "metrics_name_trgm_idx",
  "events_name_trgm_idx",
  "sources_title_trgm_idx",
  "actors_name_trgm_idx",
  "sources_published_order_idx",
  "fact_sheet_links_live_sheet_idx",
  "fact_sheet_links_live_version_idx",
];
const handWritten = (line: string) =>
  HAND_WRITTEN_INDEXES.some((name) => line.startsWith(`index CREATE INDEX ${name} `) || line.startsWith(`index CREATE UNIQUE INDEX ${name} `));

describe("migrations", () => {
  const dbs: Awaited<ReturnType<typeof createDatabase>>[] = [];
  let fromMigrations: Awaited<ReturnType<typeof createDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof createDatabase>>;

  beforeAll(async () => {
    fromMigrations = await createDatabase({ fromTemplate: false });
    fromSchema = await createDatabase({ fromTemplate: false });
    dbs.push(fromMigrations, fromSchema);
  });
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it("apply to an empty database once, and a second run applies nothing", async () => {
    const all = (await readMigrations()).map((m) => m.name);
    expect(await applyMigrations(fromMigrations.url)).toEqual(all);
    expect(await applyMigrations(fromMigrations.url)).toEqual([]);
  });

  it("are recorded in _prisma_migrations the way Prisma records them", async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    const { rows } = await client.query("SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name");
    await client.end();
    const migrations = await readMigrations();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
    }
  });

  it("build exactly the schema that schema.prisma describes", async () => {
    const schema = await readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const sql = await diffSchemas(null, schema, adminUrl());
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [expected, migrated] = await Promise.all([describeSchema(fromSchema.url), describeSchema(fromMigrations.url)]);
    expect(expected.length).toBeGreaterThan(100);
    // Every hand-written index exists, and apart from them the two catalogs are the same.
    expect(migrated.filter(handWritten)).toHaveLength(HAND_WRITTEN_INDEXES.length);
    expect(migrated.filter((line) => !handWritten(line))).toEqual(expected);
  });

  it("refuse to run when an applied migration was edited afterwards", async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    // _prisma_migrations is Prisma's bookkeeping, not an append-only log: simulate an edited file.
    await client.query("UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)");
    await client.end();
    await expect(applyMigrations(fromMigrations.url)).rejects.toThrow(/was changed after it was applied/);
  });
});
