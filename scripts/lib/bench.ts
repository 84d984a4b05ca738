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

/**
 * Runs `work` on a fresh, migrated and seeded database named `name` (DATABASE_URL points at it
 * while it runs, so the data-access layer uses it), then drops it and exits.
 */
export async function withScratchDatabase(
  name: string,
  work: (db: import("../../prisma/client").Db, url: string, kept: string | null) => Promise<void>,
  options: { keep?: boolean } = {},
) {
  ensurePrismaClient();
  const server = await openDatabaseServer({ purpose: "test", log: console.log });
  // Stopped half-way (Ctrl-C, or a process manager signalling npm): drop the scratch database and stop PostgreSQL.
  onShutdown(() => {
    void (options.keep ? Promise.resolve() : dropDatabase(server.adminUrl, name))
      .catch(() => {})
      .finally(() => server.stop().finally(() => process.exit(130)));
  });
  try {
    // keep: a database an earlier run finished and labelled (keepDatabase) is used as it is (migrated to now), not seeded again.
    const kept = options.keep ? await keptLabel(server.adminUrl, name) : null;
    if (!kept) {
      await dropDatabase(server.adminUrl, name);
      await ensureDatabase(server.adminUrl, name);
    }
    const url = server.url(name);
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const { createPrismaClient } = await import("../../prisma/client");
    const { seedDatabase } = await import("../../seeds/load");
    const db = createPrismaClient(url, { max: 4 });
    if (!kept) await seedDatabase(db);
    try {
      await work(db, url, kept);
    } finally {
      await db.$disconnect();
    }
  } finally {
    if (!options.keep) await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
  process.exit(process.exitCode ?? 0);
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
export async function labelKeptDatabase(url: string, name: string, label: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`COMMENT ON DATABASE "${name.replaceAll('"', '""')}" IS ${pg.escapeLiteral(label)}`);
  } finally {
    await c.end();
  }
}
