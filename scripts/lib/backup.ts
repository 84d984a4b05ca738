// Backups: `pg_dump` when one matching the server's major version is installed, otherwise a
// logical dump of our own: every table of the public schema as binary COPY, read in one
// repeatable-read snapshot, with the migrations it was made at and the sequences' positions.
// Restoring applies those migrations to an empty database, copies the rows in back in foreign-key
// order (user triggers off, so append-only tables take their rows; foreign keys still checked),
// sets the sequences, then applies any newer migrations.
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, existsSync, readSync, openSync, closeSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { applyMigrations, readMigrations } from "./migrate";

const MAGIC = "FACTDESK-DUMP 1\n";
const PG_DUMP_MAGIC = "PGDMP";

export type BackupFormat = "pg_dump" | "logical";

interface DumpHeader {
  createdAt: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: { table: string; column: string; value: string; isCalled: boolean }[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The pg_dump for this server's major version, if one is installed. */
export function matchingPgDump(serverVersionNum: number): { dump: string; restore: string } | undefined {
  const major = Math.floor(serverVersionNum / 10000);
  const candidates = [`/usr/lib/postgresql/${major}/bin`, ...(process.env.PATH ?? "").split(":")];
  for (const dir of candidates) {
    const dump = `${dir}/pg_dump`;
    const restore = `${dir}/pg_restore`;
    if (!existsSync(dump) || !existsSync(restore)) continue;
    const version = spawnSync(dump, ["--version"], { encoding: "utf8" });
    const m = /(\d+)(?:\.\d+)?/.exec(version.stdout ?? "");
    if (version.status === 0 && m && Number(m[1]) === major) return { dump, restore };
  }
  return undefined;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Public tables in an order where every table comes after the tables its foreign keys point to. */
async function tablesInDependencyOrder(c: pg.Client): Promise<string[]> {
  const { rows: tables } = await c.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const { rows: edges } = await c.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`,
  );
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${tables.map((t) => t.name).filter((t) => !placed.has(t)).join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/** Stored columns in table order (generated columns are computed again on restore). */
async function copyableColumns(c: pg.Client, table: string): Promise<string[]> {
  const { rows } = await c.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [ident(table)],
  );
  return rows.map((r) => r.attname);
}

// The logical file: MAGIC, then frames of [kind: 1 byte][length: uint32 BE][payload], gzipped.
// Kinds: H header JSON, T table name, D COPY data, E end of table, Z end of dump.
function frame(kind: string, payload: Buffer | string = Buffer.alloc(0)) {
  const body = typeof payload === "string" ? Buffer.from(payload) : payload;
  const head = Buffer.alloc(5);
  head.write(kind, 0, "latin1");
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

async function logicalDump(url: string, file: string, log: (m: string) => void) {
  await withClient(url, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await c.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tableNames = await tablesInDependencyOrder(c);
    const tables: DumpHeader["tables"] = [];
    for (const name of tableNames) {
      const count = await c.query<{ n: string }>(`SELECT count(*)::bigint AS n FROM ${ident(name)}`);
      tables.push({ name, columns: await copyableColumns(c, name), rows: Number(count.rows[0]!.n) });
    }
    const { rows: owned } = await c.query<{ table: string; column: string; seq: string }>(
      `SELECT t.relname AS table, a.attname AS column, s.relname AS seq
         FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE n.nspname = 'public' AND d.deptype IN ('a', 'i')`,
    );
    const sequences: DumpHeader["sequences"] = [];
    for (const s of owned) {
      const { rows } = await c.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${ident(s.seq)}`);
      sequences.push({ table: s.table, column: s.column, value: rows[0]!.last_value, isCalled: rows[0]!.is_called });
    }
    const version = (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    const header: DumpHeader = { createdAt: new Date().toISOString(), serverVersion: version, migrations, tables, sequences };

    const gzip = createGzip({ level: 6 });
    const out = createWriteStream(file, { mode: 0o600 });
    const written = pipeline(gzip, out);
    const write = async (buf: Buffer) => {
      if (!gzip.write(buf)) await once(gzip, "drain");
    };
    await write(Buffer.from(MAGIC));
    await write(frame("H", JSON.stringify(header)));
    for (const t of tables) {
      await write(frame("T", t.name));
      const columns = t.columns.map(ident).join(", ");
      const stream = c.query(copyTo(`COPY ${ident(t.name)} (${columns}) TO STDOUT (FORMAT binary)`));
      for await (const chunk of stream) await write(frame("D", chunk as Buffer));
      await write(frame("E"));
      log(`  ${t.name}: ${t.rows.toLocaleString("en-GB")} rows`);
    }
    await write(frame("Z"));
    gzip.end();
    await written;
    await c.query("COMMIT");
  });
}

/** Reads the frames of a logical dump one at a time. */
async function* readFrames(file: string): AsyncGenerator<{ kind: string; body: Buffer }> {
  let buffer: Buffer = Buffer.alloc(0);
  let magicSeen = false;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
    if (!magicSeen) {
      if (buffer.length < MAGIC.length) continue;
      if (buffer.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) throw new Error(`${file} is not a Factdesk dump.`);
      buffer = buffer.subarray(MAGIC.length);
      magicSeen = true;
    }
    while (buffer.length >= 5) {
      const length = buffer.readUInt32BE(1);
      if (buffer.length < 5 + length) break;
      yield { kind: String.fromCharCode(buffer[0]!), body: buffer.subarray(5, 5 + length) };
      buffer = buffer.subarray(5 + length);
    }
  }
  if (buffer.length) throw new Error(`${file} ends in the middle of a record: the dump is incomplete.`);
}

async function assertEmpty(c: pg.Client) {
  const { rows } = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  if (rows[0]!.n > 0) throw new Error("The target database is not empty: restore into a new, empty database.");
}

async function logicalRestore(url: string, file: string, log: (m: string) => void) {
  const frames = readFrames(file);
  const first = await frames.next();
  if (first.done || first.value.kind !== "H") throw new Error(`${file} has no header.`);
  const header = JSON.parse(first.value.body.toString()) as DumpHeader;

  const local = new Map((await readMigrations()).map((m) => [m.name, m.checksum]));
  for (const m of header.migrations) {
    if (!local.has(m.name)) throw new Error(`The dump was made at migration ${m.name}, which this copy of Factdesk does not have: restore with the version that made it.`);
    if (local.get(m.name) !== m.checksum) throw new Error(`Migration ${m.name} differs from the one the dump was made at.`);
  }
  const last = header.migrations.at(-1)?.name;

  await withClient(url, (c) => assertEmpty(c));
  if (last) await applyMigrations(url, log, { upTo: last });

  await withClient(url, async (c) => {
    await c.query("BEGIN");
    let table: DumpHeader["tables"][number] | undefined;
    let copy: ReturnType<typeof copyFrom> | undefined;
    let done: Promise<unknown> | undefined;
    try {
      for await (const { kind, body } of frames) {
        if (kind === "T") {
          const name = body.toString();
          table = header.tables.find((t) => t.name === name);
          if (!table) throw new Error(`The dump's data names a table its header does not list: ${name}`);
          await c.query(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
          copy = c.query(copyFrom(`COPY ${ident(name)} (${table.columns.map(ident).join(", ")}) FROM STDIN (FORMAT binary)`));
          done = once(copy, "finish");
          done.catch(() => {}); // awaited at the table's end; a failure before then is reported by the throw below
        } else if (kind === "D") {
          if (!copy!.write(body)) await once(copy!, "drain");
        } else if (kind === "E") {
          copy!.end();
          await done;
          await c.query(`ALTER TABLE ${ident(table!.name)} ENABLE TRIGGER USER`);
          log(`  ${table!.name}: ${table!.rows.toLocaleString("en-GB")} rows`);
          copy = undefined;
        } else if (kind === "Z") {
          for (const s of header.sequences) {
            await c.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3::bigint, $4)`, [ident(s.table), s.column, s.value, s.isCalled]);
          }
          await c.query("COMMIT");
          return;
        }
      }
      throw new Error(`${file} ends before its end marker: the dump is incomplete.`);
    } catch (e) {
      // End the COPY in flight with an error so the server aborts it, then roll everything back.
      copy?.destroy(e as Error);
      await done?.catch(() => {});
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    }
  });
  const newer = await applyMigrations(url, log);
  if (newer.length) log(`Applied ${newer.length} migration(s) newer than the dump.`);
  await withClient(url, (c) => c.query("ANALYZE"));
}

async function serverVersionNum(url: string) {
  return withClient(url, async (c) => Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v));
}

/** Writes a dump of the database at `url` to `file`; returns the format used. */
export async function backupDatabase(
  url: string,
  file: string,
  options: { format?: BackupFormat; log?: (m: string) => void } = {},
): Promise<BackupFormat> {
  const log = options.log ?? (() => {});
  const tools = options.format === "logical" ? undefined : matchingPgDump(await serverVersionNum(url));
  if (options.format === "pg_dump" && !tools) throw new Error("No pg_dump matching the server's major version is installed.");
  if (tools) {
    log(`Dumping with ${tools.dump} (custom format)…`);
    const r = spawnSync(tools.dump, ["--format=custom", "--no-owner", "--file", file, url], { stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error("pg_dump failed");
    return "pg_dump";
  }
  log("No matching pg_dump: writing a logical dump (binary COPY of every table)…");
  await logicalDump(url, file, log);
  return "logical";
}

function isPgDumpFile(file: string) {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(PG_DUMP_MAGIC.length);
    readSync(fd, buf, 0, buf.length, 0);
    return buf.toString("latin1") === PG_DUMP_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Restores `file` (either format) into the empty database at `url`, connected as its owner. */
export async function restoreDatabase(url: string, file: string, options: { log?: (m: string) => void } = {}) {
  const log = options.log ?? (() => {});
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  if (isPgDumpFile(file)) {
    await withClient(url, (c) => assertEmpty(c));
    const tools = matchingPgDump(await serverVersionNum(url));
    if (!tools) throw new Error(`${file} was written by pg_dump; restoring it needs pg_restore for the server's major version.`);
    const r = spawnSync(tools.restore, ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", url, file], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("pg_restore failed");
    const newer = await applyMigrations(url, log);
    if (newer.length) log(`Applied ${newer.length} migration(s) newer than the dump.`);
    return;
  }
  await logicalRestore(url, file, log);
}
