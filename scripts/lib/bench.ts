// What the benchmarks share: a repeatable random generator, percentiles, and a scratch database
// (migrated and seeded) on the test cluster or DATABASE_URL's server, dropped afterwards.
import { openDatabaseServer } from "./database-server";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { onShutdown } from "./lifecycle";
import { ensurePrismaClient } from "./prisma-generate";

/** mulberry32: small, fast and repeatable. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms  (n=${sorted.length})`;
}

/** What a kept database's label starts with: one kept as generated, which runs copy (older kept databases took the runs' writes). */
const PRISTINE = "pristine ";

/**
 * Runs `work` on a fresh, migrated and seeded database named `name` (DATABASE_URL points at it
 * while it runs, so the data-access layer uses it), then drops it and exits. `generate` fills it
 * after the seed and returns a label for it, which `work` gets (a kept database's, from its label).
 *
 * `keep`: `name` is generated once, labelled, and then kept as generated: each run works on a copy
 * of it (`name`_run, made by PostgreSQL's file copy in seconds, dropped afterwards), so what a run
 * writes (the benchmark's saves and comments) never reaches the next run. Until 5 Dec 2026 runs
 * worked on the kept database itself, and 17,054 saves of earlier runs had piled onto it.
 */
export async function withScratchDatabase(
  name: string,
  work: (db: import("../../prisma/client").Db, url: string, label: string | null) => Promise<void>,
  options: { keep?: boolean; generate?: (url: string) => Promise<string> } = {},
) {
  ensurePrismaClient();
  const server = await openDatabaseServer({ purpose: "test", log: console.log });
  const runName = options.keep ? `${name}_run` : name;
  // Stopped half-way (Ctrl-C, or a process manager signalling npm): drop the scratch database (a kept one's copy) and stop PostgreSQL.
  onShutdown(() => {
    void dropDatabase(server.adminUrl, runName)
      .catch(() => {})
      .finally(() => server.stop().finally(() => process.exit(130)));
  });
  try {
    // keep: a database an earlier run generated and labelled is used as it is (migrated to now), not seeded again.
    const kept = options.keep ? await keptLabel(server.adminUrl, name) : null;
    const generated = !kept?.startsWith(PRISTINE);
    const label = generated ? await fill(server, name, options.generate) : kept!.slice(PRISTINE.length);
    if (options.keep) {
      if (generated) await labelKeptDatabase(server.url(name), name, PRISTINE + (label ?? ""));
      else await applyMigrations(server.url(name));
      await dropDatabase(server.adminUrl, runName);
      const started = performance.now();
      await copyDatabase(server.adminUrl, name, runName);
      console.log(`${generated ? "Generated and kept" : "Kept"} ${name}, copied for this run in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    const url = server.url(runName);
    process.env.DATABASE_URL = url;
    const { createPrismaClient } = await import("../../prisma/client");
    const db = createPrismaClient(url, { max: 4 });
    try {
      await work(db, url, label);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await dropDatabase(server.adminUrl, runName).catch(() => {});
    await server.stop();
  }
  process.exit(process.exitCode ?? 0);
}

/** Makes `name` afresh: migrated, seeded and filled by `generate`; returns generate's label. */
async function fill(server: { adminUrl: string; url(db: string): string }, name: string, generate?: (url: string) => Promise<string>): Promise<string | null> {
  await dropDatabase(server.adminUrl, name);
  await ensureDatabase(server.adminUrl, name);
  const url = server.url(name);
  await applyMigrations(url);
  const { createPrismaClient } = await import("../../prisma/client");
  const { seedDatabase } = await import("../../seeds/load");
  const db = createPrismaClient(url, { max: 4 });
  try {
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }
  return generate ? generate(url) : null;
}

/**
 * A copy of database `from` as `to` (no other session may be on `from`). PostgreSQL 15 and later
 * would write the whole copy to the WAL by default; copying the files is quicker for 600 MB.
 */
async function copyDatabase(adminUrl: string, from: string, to: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    const strategy = Number(rows[0]!.v) >= 150000 ? " STRATEGY FILE_COPY" : ""; // before 15, the only way
    await c.query(`CREATE DATABASE ${pg.escapeIdentifier(to)} TEMPLATE ${pg.escapeIdentifier(from)}${strategy}`);
  } finally {
    await c.end();
  }
}

/** The label a finished run left on a kept database (its comment), or null. */
async function keptLabel(adminUrl: string, name: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ label: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS label FROM pg_database WHERE datname = $1`, [name]);
    return rows[0]?.label ?? null;
  } finally {
    await c.end();
  }
}

/** Labels a kept database once it is complete, so the next run with `keep` uses it (and reads the label back). */
async function labelKeptDatabase(url: string, name: string, label: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`COMMENT ON DATABASE "${name.replaceAll('"', '""')}" IS ${pg.escapeLiteral(label)}`);
  } finally {
    await c.end();
  }
}
