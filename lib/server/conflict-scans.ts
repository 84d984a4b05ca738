import "server-only";
import type { Db } from "@/prisma/client";
import { ok, refuse } from "@/lib/action-result";
import { authorize, type SessionUser } from "./authorize";
import { scanAllConflicts, type ScanReport } from "./conflicts/full-rescan";
import { db as appDb } from "./db";
import { inTransaction } from "./mutations";

/** The job a re-scan runs as (graphile-worker task name); scripts/worker.ts serves it. */
export const RESCAN_TASK = "conflicts.rescan";
/** A failed re-scan is tried this many times in all (graphile-worker backs off between tries). */
export const RESCAN_ATTEMPTS = 3;

/**
 * Asks for a full re-scan: a scan row and its job, committed together, so the request is never
 * lost and never runs twice at once (one job key: a second request while one waits joins it).
 */
export async function requestConflictScan(user: SessionUser) {
  authorize(user, "conflicts:resolve");
  return inTransaction(user, async (tx, audit) => {
    const pending = await tx.conflictScan.findFirst({ where: { status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
    if (pending) return refuse("A re-scan is already under way.");
    const scan = await tx.conflictScan.create({ data: { requestedById: user.id, maxAttempts: RESCAN_ATTEMPTS }, select: { id: true } });
    await tx.$executeRaw`SELECT graphile_worker.add_job(${RESCAN_TASK}, json_build_object('scanId', ${scan.id}::text), max_attempts := ${RESCAN_ATTEMPTS}, job_key := ${RESCAN_TASK})`;
    audit({ action: "conflict-scan.request", entityType: "ConflictScan", entityId: scan.id });
    return ok({ id: scan.id });
  });
}

/** The latest re-scan with its progress, for the conflicts page. */
export async function latestConflictScan(user: SessionUser) {
  authorize(user, "claims:read");
  return appDb.conflictScan.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, status: true, progress: true, totalClaims: true, attempts: true, maxAttempts: true, error: true, createdAt: true, finishedAt: true } });
}

/**
 * The job's work (scripts/worker.ts): marks the scan running, scans with progress written at most
 * once a second, and records the outcome. A failure is recorded and rethrown so the queue retries
 * it; the last allowed attempt marks the scan failed.
 */
export async function runConflictScan(db: Db, scanId: string, attempt: number, maxAttempts: number, scan: typeof scanAllConflicts = scanAllConflicts) {
  const totalClaims = await db.claim.count();
  await db.conflictScan.update({ where: { id: scanId }, data: { status: "RUNNING", attempts: attempt, startedAt: new Date(), totalClaims, error: null } });
  let written = 0;
  const progress = async (report: ScanReport) => {
    if (Date.now() - written < 1000) return;
    written = Date.now();
    await db.conflictScan.update({ where: { id: scanId }, data: { progress: { ...report } } });
  };
  try {
    const report = await scan(db, { onProgress: progress });
    await db.conflictScan.update({ where: { id: scanId }, data: { status: "DONE", progress: { ...report }, finishedAt: new Date() } });
    return report;
  } catch (e) {
    const last = attempt >= maxAttempts;
    await db.conflictScan.update({ where: { id: scanId }, data: { status: last ? "FAILED" : "QUEUED", error: (e as Error).message.slice(0, 2000), ...(last ? { finishedAt: new Date() } : {}) } });
    throw e;
  }
}

/** What the conflicts page shows of a scan: plain values a client component can take. */
export function scanView(scan: NonNullable<Awaited<ReturnType<typeof latestConflictScan>>>) {
  const p = (scan.progress ?? {}) as Partial<ScanReport>;
  return {
    status: scan.status,
    claims: p.claims ?? 0,
    opened: p.opened ?? 0,
    reopened: p.reopened ?? 0,
    cleared: p.cleared ?? 0,
    totalClaims: scan.totalClaims,
    attempts: scan.attempts,
    maxAttempts: scan.maxAttempts,
    error: scan.error,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
  };
}
