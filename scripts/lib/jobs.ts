// The job worker: graphile-worker on the app's database, serving the tasks below. Every instance
// that runs `npm start` runs one; a job goes to whichever worker takes it first (SKIP LOCKED),
// and a failed job is retried with backoff up to its max_attempts. `npm run worker` runs one alone.
// Each worker beats a heartbeat, and each sweeps the jobs of workers that stopped beating (a
// crashed instance's) back into the queue (lib/server/job-workers.ts).
//   conflicts.rescan  a full conflict re-scan (lib/server/conflict-scans.ts)
//   exports.pdf       the PDF of a large published version (lib/server/export-jobs.ts)
import { EventEmitter } from "node:events";
import { run, type Runner, type WorkerEvents } from "graphile-worker";
import type { Db } from "../../prisma/client";

export async function startJobWorker(
  connectionString: string,
  db: Db,
  options: { log?: (m: string) => void; concurrency?: number; /** Tests beat faster. */ heartbeatMs?: number; deadAfterMs?: number } = {},
): Promise<Runner> {
  const log = options.log ?? (() => {});
  const { HEARTBEAT_MS, beat, forgetWorkers, unlockJobsOfDeadWorkers } = await import("../../lib/server/job-workers");
  const alive = new Set<string>();
  const workerIds: string[] = [];
  const events: WorkerEvents = new EventEmitter();
  const report = (e: unknown) => log(`Job worker heartbeat: ${(e as Error).message}`); // the database may be down; the next beat tries again
  events.on("worker:create", ({ worker }) => {
    alive.add(worker.workerId);
    workerIds.push(worker.workerId);
    beat(db, [worker.workerId]).catch(report);
  });
  events.on("worker:stop", ({ worker }) => void alive.delete(worker.workerId));
  const sweep = async () => {
    await beat(db, [...alive]);
    const unlocked = await unlockJobsOfDeadWorkers(db, options.deadAfterMs);
    if (unlocked.jobs) log(`Put back in the queue ${unlocked.jobs} job(s) of stopped workers ${unlocked.workers.join(", ")}`);
  };
  const { RESCAN_TASK, runConflictScan } = await import("../../lib/server/conflict-scans");
  const { PDF_TASK, runPdfJob } = await import("../../lib/server/export-jobs");
  const { closePdfBrowser } = await import("../../lib/server/pdf");
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    pollInterval: 2000,
    events,
    logger: undefined,
    taskList: {
      [RESCAN_TASK]: async (payload, helpers) => {
        const { scanId } = payload as { scanId: string };
        log(`Conflict re-scan ${scanId}: attempt ${helpers.job.attempts} of ${helpers.job.max_attempts}`);
        const report = await runConflictScan(db, scanId, helpers.job.attempts, helpers.job.max_attempts);
        log(`Conflict re-scan ${scanId}: ${report.claims} claims compared, ${report.opened} opened, ${report.cleared} cleared`);
      },
      [PDF_TASK]: async (payload, helpers) => {
        const { jobId } = payload as { jobId: string };
        const started = performance.now();
        const made = await runPdfJob(db, jobId, { number: helpers.job.attempts, of: helpers.job.max_attempts, worker: helpers.job.locked_by ?? "unknown" });
        log(`PDF ${jobId}: ${made.claims} claims, ${Math.round(made.bytes / 1024)} KB in ${Math.round(performance.now() - started)} ms (attempt ${helpers.job.attempts})`);
      },
    },
  });
  await sweep().catch(report);
  const timer = setInterval(() => void sweep().catch(report), options.heartbeatMs ?? HEARTBEAT_MS);
  timer.unref();
  // The shared Chromium closes itself after a minute unused; a stopping worker closes it at once.
  const stop = runner.stop.bind(runner);
  runner.stop = () => {
    clearInterval(timer);
    // Stopped cleanly, its jobs released by graphile-worker: its heartbeats go too.
    return stop().finally(() => Promise.all([closePdfBrowser(), forgetWorkers(db, workerIds).catch(report)]));
  };
  return runner;
}
