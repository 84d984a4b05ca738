// The job worker: graphile-worker on the app's database, serving the tasks below. Every instance
// that runs `npm start` runs one; a job goes to whichever worker takes it first (SKIP LOCKED),
// and a failed job is retried with backoff up to its max_attempts. `npm run worker` runs one alone.
//   conflicts.rescan  a full conflict re-scan (lib/server/conflict-scans.ts)
//   exports.pdf       the PDF of a large published version (lib/server/export-jobs.ts)
import { run, type Runner } from "graphile-worker";
import type { Db } from "../../prisma/client";

export async function startJobWorker(connectionString: string, db: Db, options: { log?: (m: string) => void; concurrency?: number } = {}): Promise<Runner> {
  const log = options.log ?? (() => {});
  const { RESCAN_TASK, runConflictScan } = await import("../../lib/server/conflict-scans");
  const { PDF_TASK, runPdfJob } = await import("../../lib/server/export-jobs");
  const { closePdfBrowser } = await import("../../lib/server/pdf");
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    pollInterval: 2000,
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
  // The shared Chromium closes itself after a minute unused; a stopping worker closes it at once.
  const stop = runner.stop.bind(runner);
  runner.stop = () => stop().finally(() => closePdfBrowser());
  return runner;
}
