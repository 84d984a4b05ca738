// Backup and restore round trip: every table, row for row (logs and published snapshots included),
// the sequences, the migrations, and the append-only triggers working again afterwards.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/scripts/lib/backup";
import { seedDatabase } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { createDatabase, useMigratedDatabase } from "../support/database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Every public table's rows as text, sorted; the migrations by name and checksum. */
async function contents(url: string) {
  const tables = await query<{ name: string }>(
    url,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const rows: Record<string, string[]> = {};
  for (const { name } of tables) rows[name] = (await query<{ r: string }>(url, `SELECT t::text AS r FROM "${name}" t ORDER BY 1`)).map((x) => x.r);
  const migrations = await query(url, `SELECT migration_name, checksum FROM _prisma_migrations ORDER BY 1`);
  return { rows, migrations };
}

describe("backup and restore", () => {
  const { db, url, appUrl } = useMigratedDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-backup-"));
  const targets: Awaited<ReturnType<typeof createDatabase>>[] = [];

  beforeAll(async () => {
    await seedDatabase(db());
    await seedPublication(db());
    const editor = await db().user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const claim = await db().claim.findFirstOrThrow();
    // Conflict decisions and awkward text, so the round trip covers them (seedPublication publishes a sheet).
    const sheet = await db().factSheet.create({ data: { title: "Восстание — 戦争 \"quoted\"\ttab", slug: "backup-sheet", createdById: editor.id } });
    await db().factSheetClaim.create({ data: { factSheetId: sheet.id, claimId: claim.id, position: 1 } });
    const conflict = await db().conflict.findFirst();
    if (conflict) await db().conflictDecision.create({ data: { conflictId: conflict.id, action: "DISMISS", note: "not a conflict", actorId: editor.id } });
  });

  afterAll(async () => {
    for (const t of targets) await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the logical dump restores every row of every table into an empty database", async () => {
    const before = await contents(url());
    expect(before.rows.audit_log!.length).toBeGreaterThan(0);
    expect(before.rows.status_changes!.length).toBeGreaterThan(0);
    // The published sheet: its versions, hash chain and snapshot index come along.
    expect(before.rows.fact_sheet_snapshots!.length).toBeGreaterThan(0);

    const file = path.join(dir, "logical.dump");
    expect(await backupDatabase(url(), file, { format: "logical" })).toBe("logical");
    const target = await createDatabase({ fromTemplate: false });
    targets.push(target);
    await restoreDatabase(target.url, file);

    const after = await contents(target.url);
    expect(Object.keys(after.rows)).toEqual(Object.keys(before.rows));
    for (const table of Object.keys(before.rows)) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.migrations).toEqual(before.migrations);

    // Sequences carry on where they were, and the append-only triggers are back on.
    const [{ max }] = (await query<{ max: string }>(target.url, `SELECT max(id)::text AS max FROM audit_log`)) as [{ max: string }];
    const [{ id }] = (await query<{ id: string }>(
      target.url,
      `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('restore.check', 'Test', 'x') RETURNING id::text`,
    )) as [{ id: string }];
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
    await expect(query(target.url, `UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(query(target.url, `DELETE FROM fact_sheet_snapshots`)).rejects.toThrow(/append-only/);
  });

  it("refuses a database that already has tables, and changes nothing there", async () => {
    const file = path.join(dir, "again.dump");
    await backupDatabase(url(), file, { format: "logical" });
    const before = await contents(url());
    await expect(restoreDatabase(url(), file)).rejects.toThrow(/not empty/);
    expect((await contents(url())).rows).toEqual(before.rows);
  });

  it("refuses a truncated dump and leaves no half-restored rows", async () => {
    const file = path.join(dir, "whole.dump");
    await backupDatabase(url(), file, { format: "logical" });
    const { readFileSync } = await import("node:fs");
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const raw = gunzipSync(readFileSync(file));
    const cut = path.join(dir, "cut.dump");
    writeFileSync(cut, gzipSync(raw.subarray(0, Math.floor(raw.length * 0.8))));
    const target = await createDatabase({ fromTemplate: false });
    targets.push(target);
    await expect(restoreDatabase(target.url, cut)).rejects.toThrow(/incomplete/);
    const [{ n }] = (await query<{ n: number }>(target.url, `SELECT count(*)::int AS n FROM users`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("npm run db:backup and db:restore connect as the owner when DATABASE_URL is the app's own role, and exit 1 when they fail", async () => {
    // As README's external set-up has it: the app's role in DATABASE_URL, the owner in
    // MIGRATION_DATABASE_URL. The app's role may not read the migrations table nor create tables.
    const file = path.join(dir, "script.dump");
    const root = path.resolve(import.meta.dirname, "../..");
    const run = (script: string, args: string[], env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env: { ...process.env, ...env } });
    const backup = await run("scripts/db-backup.ts", [file], { DATABASE_URL: appUrl(), MIGRATION_DATABASE_URL: url() });
    expect(backup.stdout).toMatch(/^Wrote .*script\.dump/m);
    const target = await createDatabase({ fromTemplate: false });
    targets.push(target);
    await run("scripts/db-restore.ts", [file], { DATABASE_URL: target.appUrl, MIGRATION_DATABASE_URL: target.url });
    expect((await contents(target.url)).rows).toEqual((await contents(url())).rows);
    // The restored tables are the app's to use.
    const [{ n }] = (await query<{ n: number }>(target.appUrl, `SELECT count(*)::int AS n FROM claims`)) as [{ n: number }];
    expect(n).toBe((await contents(url())).rows.claims!.length);
    // A refusal ends the command with a failure, for the cron job or script that runs it.
    await expect(run("scripts/db-restore.ts", [file], { DATABASE_URL: target.appUrl, MIGRATION_DATABASE_URL: target.url })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Restore failed: .*not empty/),
    });
  });

  it("npm run db:backup picks pg_dump only when its major version matches the server", async () => {
    const file = path.join(dir, "auto.dump");
    const format = await backupDatabase(url(), file);
    const target = await createDatabase({ fromTemplate: false });
    targets.push(target);
    await restoreDatabase(target.url, file);
    expect((await contents(target.url)).rows).toEqual((await contents(url())).rows);
    expect(["pg_dump", "logical"]).toContain(format);
  });
});
