import { existsSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseCpuMeter } from "../../scripts/lib/bench-http";
import { adminUrl } from "../support/database";

// The bench's meter of PostgreSQL's CPU (scripts/lib/bench-http.ts), on the tests' own cluster,
// which runs on this machine: it sees work done in a backend, and nothing for a server it cannot see.
describe("the benchmark's meter of PostgreSQL's CPU", () => {
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  afterAll(() => pool.end());

  it("counts the CPU a backend spends on a query", async () => {
    const cpuSeconds = await databaseCpuMeter(pool);
    expect(cpuSeconds).toBeTypeOf("function");
    const before = cpuSeconds!();
    const wall = performance.now();
    // About a second of one core: enough to cross /proc's 10 ms ticks many times over.
    await pool.query("SELECT count(*) FROM generate_series(1, 4000000) g WHERE md5(g::text) LIKE 'a%'");
    const used = cpuSeconds!() - before;
    expect(used).toBeGreaterThan(0.1);
    // Not more than the query's wall time on both cores, with room for the server's own processes.
    expect(used).toBeLessThan(((performance.now() - wall) / 1000) * 2 + 0.5);
  });

  it("keeps the time of a backend that has ended (a connection closed)", async () => {
    const cpuSeconds = (await databaseCpuMeter(pool))!;
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    await client.query("SELECT count(*) FROM generate_series(1, 4000000) g WHERE md5(g::text) LIKE 'a%'");
    const withIt = cpuSeconds();
    await client.end();
    // The backend exits after the client's goodbye: wait until it is gone and collected.
    await expect.poll(() => existsSync(`/proc/${backend}`), { timeout: 10_000 }).toBe(false);
    expect(cpuSeconds()).toBeGreaterThanOrEqual(withIt);
  });

  it("measures nothing when the backend is not a PostgreSQL process on this machine", async () => {
    // As a server elsewhere answers: a pid that is, here, some other process (this one).
    const elsewhere = { query: async () => ({ rows: [{ pid: process.pid }] }) };
    expect(await databaseCpuMeter(elsewhere)).toBeUndefined();
    const gone = { query: async () => ({ rows: [{ pid: 2 ** 22 + 1 }] }) };
    expect(await databaseCpuMeter(gone)).toBeUndefined();
  });
});
