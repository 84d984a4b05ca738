// Conflict re-scans as jobs: a request is a scan row and a graphile-worker job committed together;
// a worker takes it, writes its progress and outcome, and a failed attempt is retried.
import type { Runner } from "graphile-worker";
import { afterAll, describe, expect, it } from "vitest";
import { startJobWorker } from "@/scripts/lib/jobs";
import { requestConflictScan, RESCAN_TASK, runConflictScan } from "@/lib/server/conflict-scans";
import { findActiveUser } from "@/lib/server/users";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { until } from "../support/until";

describe("conflict re-scans as jobs", () => {
  const { db, appUrl } = useMigratedDatabase();
  const runners: Runner[] = [];
  afterAll(async () => {
    for (const r of runners) await r.stop();
  });
  const actor = async (email: string) => (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

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
});
