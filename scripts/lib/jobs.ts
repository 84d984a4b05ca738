// The job worker: graphile-worker on the app's database, serving the tasks below. Every instance
// that runs `npm start` runs one; a job goes to whichever worker takes it first (SKIP LOCKED),
// and a failed job is retried with backoff up to its max_attempts. `npm run worker` runs one alone.
import { run, type Runner } from "graphile-worker";
import type { Db } from "../../prisma/client";

export async function startJobWorker(connectionString: string, db: Db, options: { log?: (m: string) => void; concurrency?: number } = {}): Promise<Runner> {
  const log = options.log ?? (() => {});
  const { RESCAN_TASK, runConflictScan } = await import("../../lib/server/conflict-scans");
  return run({
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
    },
  });
}
