// Conflict re-scans as jobs: a request is a scan row and a graphile-worker job committed together;
// a worker takes it, writes its progress and outcome, and a failed attempt is retried.
import type { Runner } from "graphile-worker";
import { afterAll, describe, expect, it } from "vitest";
import { startJobWorker } from "@/scripts/lib/jobs";
import { requestConflictScan, RESCAN_TASK, runConflictScan } from "@/lib/server/conflict-scans";
import { createPrismaClient } from "@/prisma/client";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { until } from "../support/until";

describe("conflict re-scans as jobs", () => {
  const { db, appUrl, actor } = useMigratedDatabase();
  const runners: Runner[] = [];
  afterAll(async () => {
    for (const r of runners) await r.stop();
  });

  it("waits in the queue, with its job, until a worker takes it", async () => {
    await seedDatabase(db());
    const requested = await requestConflictScan(await actor("editor@factdesk.test"));
    if (!requested.ok) throw new Error(requested.message);
    expect(await db().conflictScan.findUniqueOrThrow({ where: { id: requested.value.id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    const jobs = await db().$queryRaw<{ task: string }[]>`SELECT task_identifier AS task FROM graphile_worker.jobs`;
    expect(jobs).toEqual([{ task: RESCAN_TASK }]);
  });

  it("runs on a worker (as the app's role), records progress and the report, and allows one at a time", async () => {
    const editor = await actor("editor@factdesk.test");
    const requested = { value: await db().conflictScan.findFirstOrThrow({ where: { status: "QUEUED" }, select: { id: true } }) };
    expect(await requestConflictScan(editor)).toMatchObject({ ok: false, message: "A re-scan is already under way." });
    runners.push(await startJobWorker(appUrl(), db()));
    const done = await until("the scan to finish", () => db().conflictScan.findFirst({ where: { id: requested.value.id, status: "DONE" } }));
    expect(done.attempts).toBe(1);
    expect(done.totalClaims).toBe(await db().claim.count());
    expect((done.progress as { claims: number }).claims).toBeGreaterThan(0);
    expect(await db().auditLog.count({ where: { action: "conflict-scan.request", entityId: requested.value.id } })).toBe(1);
    await expect(requestConflictScan(await actor("reviewer@factdesk.test"))).rejects.toThrow(/may not/);
  });

  it("retries a failed attempt and records why it failed", async () => {
    for (const r of runners.splice(0)) await r.stop();
    const { run } = await import("graphile-worker");
    let calls = 0;
    runners.push(
      await run({
        connectionString: appUrl(),
        concurrency: 1,
        noHandleSignals: true,
        pollInterval: 200,
        taskList: {
          [RESCAN_TASK]: async (payload, helpers) => {
            calls++;
            const { scanId } = payload as { scanId: string };
            // The first attempt fails the way an outage would; the retry runs the real scan.
            const failing = async () => {
              throw new Error("the database went away");
            };
            await runConflictScan(db(), scanId, helpers.job.attempts, helpers.job.max_attempts, calls === 1 ? failing : undefined);
          },
        },
      }),
    );
    const requested = await requestConflictScan(await actor("admin@factdesk.test"));
    if (!requested.ok) throw new Error(requested.message);
    await until("the first attempt to fail", () => db().conflictScan.findFirst({ where: { id: requested.value.id, attempts: 1, error: { not: null } } }));
    const done = await until("the retry to finish", () => db().conflictScan.findFirst({ where: { id: requested.value.id, status: "DONE" } }));
    expect(done.attempts).toBe(2);
    expect(done.error).toBeNull();
    expect(calls).toBe(2);
  });

  it("a scan held by a worker whose instance died goes back to the queue and another worker finishes it", async () => {
    for (const r of runners.splice(0)) await r.stop();
    const requested = await requestConflictScan(await actor("admin@factdesk.test"));
    if (!requested.ok) throw new Error(requested.message);
    // The crash, as the database saw it: a worker took the job (attempt 1) and began the scan, beat
    // its heartbeat, then stopped beating two minutes ago. graphile-worker alone would keep the
    // job locked for 4 hours, and the page would say "running" all that time.
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'crashed-worker', locked_at = now() - interval '3 minutes', attempts = 1`;
    await db().conflictScan.update({ where: { id: requested.value.id }, data: { status: "RUNNING", attempts: 1, startedAt: new Date() } });
    await db().jobWorkerHeartbeat.create({ data: { workerId: "crashed-worker", beatAt: new Date(Date.now() - 120_000) } });
    // Beside it, two jobs of a task this worker does not serve: one held as long by a worker that
    // still beats (a long job: left alone), one by a worker that never beat at all (put back).
    await db().$executeRaw`SELECT graphile_worker.add_job('test.long', '{}'::json, job_key := 'long')`;
    await db().$executeRaw`SELECT graphile_worker.add_job('test.orphan', '{}'::json, job_key := 'orphan')`;
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'busy-worker', locked_at = now() - interval '10 minutes' WHERE key = 'long'`;
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET locked_by = 'vanished-worker', locked_at = now() - interval '10 minutes' WHERE key = 'orphan'`;
    await db().jobWorkerHeartbeat.create({ data: { workerId: "busy-worker" } });

    // The worker as every instance runs it: queue and heartbeats as the app's role, which must be
    // allowed to unlock another worker's job.
    const appDb = createPrismaClient(appUrl(), { max: 2 });
    const log: string[] = [];
    const runner = await startJobWorker(appUrl(), appDb, { log: (m) => log.push(m), heartbeatMs: 200 });
    runners.push(runner);
    const done = await until("another worker to finish the scan", () => db().conflictScan.findFirst({ where: { id: requested.value.id, status: "DONE" } }));
    expect(done.attempts).toBe(2);
    expect(log).toContain("Put back in the queue 2 job(s) of stopped workers crashed-worker, vanished-worker");
    // The scan is recorded DONE inside its task; graphile-worker removes the job just after.
    await until("the scan's job to leave the queue", async () => (await db().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'conflicts.rescan'`).length === 0);
    const held = await db().$queryRaw<{ key: string; locked_by: string | null }[]>`SELECT key, locked_by FROM graphile_worker.jobs ORDER BY key`;
    expect(held).toEqual([
      { key: "long", locked_by: "busy-worker" },
      { key: "orphan", locked_by: null },
    ]);
    // The new worker beats; the dead one is forgotten; the busy one stays.
    const beats = await db().jobWorkerHeartbeat.findMany({ orderBy: { workerId: "asc" } });
    expect(beats.map((b) => b.workerId)).toEqual(expect.arrayContaining(["busy-worker"]));
    expect(beats.map((b) => b.workerId)).not.toContain("crashed-worker");
    expect(beats).toHaveLength(2);
    const own = beats.find((b) => b.workerId !== "busy-worker")!;
    await until("the worker to beat again", async () => (await db().jobWorkerHeartbeat.findUnique({ where: { workerId: own.workerId } }))!.beatAt > own.beatAt);
    // Stopped cleanly, it leaves no heartbeat behind.
    await runners.splice(0)[0]!.stop();
    await appDb.$disconnect();
    expect(log.filter((m) => m.startsWith("Job worker heartbeat"))).toEqual([]); // no refusal or failure
    expect((await db().jobWorkerHeartbeat.findMany()).map((b) => b.workerId)).toEqual(["busy-worker"]);
    await db().$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key IN ('long', 'orphan')`;
  });
});
