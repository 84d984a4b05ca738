import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseCpuMeter, sessionCpuSeconds } from "../../scripts/lib/process-cpu";
import { adminUrl } from "../support/database";

// The bench's meters of CPU time (scripts/lib/process-cpu.ts). PostgreSQL's is read on the tests'
// own server, which runs on this machine unless DATABASE_URL names one elsewhere (then the meter
// sees nothing, and its tests are skipped, saying so).
const HEAVY_QUERY = "SELECT count(*) FROM generate_series(1, 4000000) g WHERE md5(g::text) LIKE 'a%'";

describe("the benchmark's meter of PostgreSQL's CPU", () => {
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  afterAll(() => pool.end());
  const meterOrSkip = async (skip: (note: string) => void) => {
    const meter = await databaseCpuMeter(pool);
    if (!meter) skip("the tests' PostgreSQL does not run on this machine");
    return meter!;
  };

  it("counts the CPU a backend spends on a query", async (ctx) => {
    const cpuSeconds = await meterOrSkip(ctx.skip);
    const before = cpuSeconds();
    const wall = performance.now();
    // About a second of one core: enough to cross /proc's 10 ms ticks many times over.
    await pool.query(HEAVY_QUERY);
    const used = cpuSeconds() - before;
    expect(used).toBeGreaterThan(0.1);
    // At most the query's wall time on every core (other test files use the same server meanwhile).
    expect(used).toBeLessThan(((performance.now() - wall) / 1000) * availableParallelism() + 0.5);
  });

  it("keeps the time of a backend that has ended (a connection closed)", async (ctx) => {
    const cpuSeconds = await meterOrSkip(ctx.skip);
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    await client.query(HEAVY_QUERY);
    const withIt = cpuSeconds();
    await client.end();
    // The backend exits after the client's goodbye: wait until it is gone and collected.
    await expect.poll(() => existsSync(`/proc/${backend}`), { timeout: 10_000 }).toBe(false);
    expect(cpuSeconds()).toBeGreaterThanOrEqual(withIt);
  });

  it("measures nothing when the backend is not this server's process on this machine", async () => {
    const started = Number((await pool.query<{ started: number }>("SELECT extract(epoch FROM pg_postmaster_start_time())::float8 AS started")).rows[0]!.started);
    // As a server elsewhere answers: its backend's pid is, here, some other process (this one, whose
    // parent did not start when that server did), or none.
    expect(await databaseCpuMeter({ query: async () => ({ rows: [{ pid: process.pid, started }] }) })).toBeUndefined();
    expect(await databaseCpuMeter({ query: async () => ({ rows: [{ pid: 2 ** 22 + 1, started }] }) })).toBeUndefined();
    // The same backend, from a server that started at another time: another cluster with a backend of that pid.
    const { pid } = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!;
    expect(await databaseCpuMeter({ query: async () => ({ rows: [{ pid, started }] }) })).toBeTypeOf("function");
    expect(await databaseCpuMeter({ query: async () => ({ rows: [{ pid, started: started - 3600 }] }) })).toBeUndefined();
  });
});

describe("the benchmark's meter of the server's CPU", () => {
  it("counts the processes of a session, this one's included", () => {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const session = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]); // state, ppid, pgrp, session
    const before = sessionCpuSeconds(session);
    const until = performance.now() + 300;
    while (performance.now() < until); // 0.3 s of this process's CPU
    expect(sessionCpuSeconds(session) - before).toBeGreaterThan(0.1);
  });
});
