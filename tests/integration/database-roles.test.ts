import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/seeds/load";
import { APPEND_ONLY_TABLES, appendOnlyTables, grantAppRights, privilegeWarnings } from "@/scripts/lib/database-roles";
import { clusterSecrets } from "@/scripts/lib/embedded-postgres";
import { useMigratedDatabase } from "../support/database";

// The app's own connection (as lib/server/db.ts makes it) tries what an intruder holding it would.
describe("the app's database role", () => {
  const { db, url, appUrl } = useMigratedDatabase();
  let app: pg.Client;
  let owner: pg.Client;
  const appRole = () => decodeURIComponent(new URL(appUrl()).username);

  beforeAll(async () => {
    await seedDatabase(db());
    app = new pg.Client({ connectionString: appUrl() });
    owner = new pg.Client({ connectionString: url() });
    await Promise.all([app.connect(), owner.connect()]);
  });
  afterAll(async () => {
    await Promise.all([app?.end(), owner?.end()]);
  });

  const refused = (sql: string) => expect(app.query(sql), sql).rejects.toThrow(/permission denied|must be owner/);

  it("is neither superuser nor owner, and start's check says so", async () => {
    const { rows } = await app.query(`SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(await privilegeWarnings(appUrl())).toEqual([]);
    expect((await privilegeWarnings(url())).join()).toMatch(/superuser/);
  });

  it("cannot disable or drop a trigger, replace the trigger function, or alter a table", async () => {
    await refused(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await refused(`ALTER TABLE audit_log DISABLE TRIGGER ALL`);
    await refused(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await refused(`CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await refused(`ALTER FUNCTION refuse_change() RENAME TO refuse_nothing`);
    await refused(`DROP FUNCTION refuse_change() CASCADE`);
    await refused(`ALTER TABLE claims DROP CONSTRAINT claims_range_ordered`);
    await refused(`CREATE TABLE stash (x int)`);
    await refused(`SET session_replication_role = replica`);
    await refused(`SELECT * FROM _prisma_migrations`);
  });

  it("cannot update, delete or truncate any append-only table, and can still append", async () => {
    const tables = await appendOnlyTables(owner);
    expect(tables).toEqual(expect.arrayContaining([...APPEND_ONLY_TABLES]));
    for (const table of tables) {
      const [{ column }] = (await owner.query<{ column: string }>(`SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1`, [table])).rows as [{ column: string }];
      await refused(`UPDATE "${table}" SET "${column}" = "${column}"`);
      await refused(`DELETE FROM "${table}"`);
      await refused(`TRUNCATE "${table}" CASCADE`);
    }
    const before = Number((await app.query(`SELECT count(*) FROM audit_log`)).rows[0].count);
    await app.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.append', 'test', 'x')`);
    expect(Number((await app.query(`SELECT count(*) FROM audit_log`)).rows[0].count)).toBe(before + 1);
  });

  it("truncates nothing at all, and edits the tables it works on", async () => {
    await refused(`TRUNCATE claims CASCADE`);
    await refused(`TRUNCATE users CASCADE`);
    const { rowCount } = await app.query(`UPDATE claims SET updated_at = updated_at WHERE id = (SELECT id FROM claims LIMIT 1)`);
    expect(rowCount).toBe(1);
  });

  it("gets rights on tables later migrations add, and loses UPDATE and DELETE on new append-only ones", async () => {
    await owner.query(`CREATE TABLE later_things (id serial PRIMARY KEY, name text)`);
    await app.query(`INSERT INTO later_things (name) VALUES ('a')`);
    await app.query(`UPDATE later_things SET name = 'b'`);
    await app.query(`DELETE FROM later_things`);
    await owner.query(`CREATE TABLE later_log (id serial PRIMARY KEY, created_at timestamptz DEFAULT now())`);
    await owner.query(`CREATE TRIGGER later_log_append_only BEFORE UPDATE OR DELETE ON later_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await grantAppRights(owner, appRole());
    await app.query(`INSERT INTO later_log DEFAULT VALUES`);
    await refused(`UPDATE later_log SET created_at = now()`);
    await refused(`DELETE FROM later_log`);
    await app.query(`INSERT INTO later_things (name) VALUES ('still writable')`);
  });
});

describe("the embedded cluster's passwords", () => {
  it("are generated once and kept in a file only its user can read", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "factdesk-")), "postgres");
    const first = clusterSecrets(dir);
    expect(first.superuserPassword).toMatch(/^[\w-]{32}$/);
    expect(first.appPassword).not.toBe(first.superuserPassword);
    expect(statSync(`${dir}.secrets.json`).mode & 0o777).toBe(0o600);
    expect(clusterSecrets(dir)).toEqual(first);
  });
});
