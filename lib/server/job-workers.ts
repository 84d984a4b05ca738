import "server-only";
import type { Db } from "@/prisma/client";

// graphile-worker keeps a job locked by the worker that took it for 4 hours: if that worker's
// instance crashes or is killed mid-job, nobody retries the job until then, and the page that
// asked for a PDF or a re-scan says "running" all that time. So every worker beats a heartbeat
// (job_worker_heartbeats, scripts/lib/jobs.ts), and every instance's worker unlocks the jobs of
// workers that have stopped beating; a free worker then takes them as their next attempt.

/** How often a worker beats and sweeps. */
export const HEARTBEAT_MS = 15_000;
/** A worker silent this long is taken for dead (four missed beats). */
export const DEAD_AFTER_MS = 60_000;

/** Records that these workers are alive now. */
export async function beat(db: Db, workerIds: string[]) {
  if (!workerIds.length) return;
  await db.$executeRaw`
    INSERT INTO job_worker_heartbeats (worker_id, beat_at) SELECT unnest(${workerIds}::text[]), now()
    ON CONFLICT (worker_id) DO UPDATE SET beat_at = excluded.beat_at`;
}

/** A worker that stopped cleanly (its jobs are released by graphile-worker itself). */
export async function forgetWorkers(db: Db, workerIds: string[]) {
  if (!workerIds.length) return;
  await db.$executeRaw`DELETE FROM job_worker_heartbeats WHERE worker_id = ANY(${workerIds}::text[])`;
}

/**
 * Unlocks every job held for longer than `deadAfterMs` by a worker with no heartbeat that recent
 * (graphile-worker's force_unlock_workers), and forgets those workers. A job taken a moment ago
 * by a worker whose first beat is still on its way is left alone by the same age rule.
 */
export async function unlockJobsOfDeadWorkers(db: Db, deadAfterMs = DEAD_AFTER_MS): Promise<{ workers: string[]; jobs: number }> {
  const seconds = deadAfterMs / 1000;
  return db.$transaction(async (tx) => {
    const dead = await tx.$queryRaw<{ worker: string; jobs: number }[]>`
      SELECT j.locked_by AS worker, count(*)::int AS jobs FROM graphile_worker.jobs j
      WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => ${seconds})
        AND NOT EXISTS (SELECT 1 FROM job_worker_heartbeats h WHERE h.worker_id = j.locked_by AND h.beat_at >= now() - make_interval(secs => ${seconds}))
      GROUP BY j.locked_by`;
    const workers = dead.map((d) => d.worker);
    if (workers.length) await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workers}::text[])`;
    await tx.$executeRaw`DELETE FROM job_worker_heartbeats WHERE beat_at < now() - make_interval(secs => ${seconds})`;
    return { workers, jobs: dead.reduce((n, d) => n + d.jobs, 0) };
  });
}
