import "server-only";
import { ok, refuse } from "@/lib/action-result";
import { heldAlready, notModified } from "@/lib/conditional-requests";
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from "@/lib/exports/formats";
import { describePdfJob, pdfJobMinClaims, pdfMadeByJob, type PdfJobView, type PdfStage } from "@/lib/exports/pdf-jobs";
import { snapshotContentSchema } from "@/lib/factsheets/snapshot";
import type { RetryExportValues } from "@/lib/schemas/factsheet";
import type { Db } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { db as appDb } from "./db";
import { downloadValidators, exportResponse, saveExport, storedExports, versionExportFile, versionExports, type DownloadCaching, type StoredExport } from "./fact-sheet-exports";
import type { PublishedVersion } from "./fact-sheet-publishing";
import { inTransaction, type Tx } from "./mutations";
import { renderPdf } from "./pdf";

// The PDF of a large published version is made by a graphile-worker job (scripts/lib/jobs.ts
// serves it in every instance that runs `npm start`, and `npm run worker` alone): the first ask
// (the Downloads list or the download route) commits an export_jobs row and its queue job
// together, whichever worker is free takes it, a failed attempt is retried with backoff, and the
// row says where it stands for the page. The file lands in fact_sheet_exports like every other.

/** The job a large PDF runs as (graphile-worker task name). */
export const PDF_TASK = "exports.pdf";
/** A failed PDF is tried this many times in all. */
export const PDF_ATTEMPTS = 3;

/** Whether this version's PDF comes from the job queue (PDF_JOB_MIN_CLAIMS, lib/exports/pdf-jobs.ts). */
export const pdfIsJob = (version: Pick<PublishedVersion, "content">) => pdfMadeByJob(version.content.claims.length, pdfJobMinClaims(process.env.PDF_JOB_MIN_CLAIMS));

const jobSelect = { status: true, stage: true, attempts: true, maxAttempts: true, error: true } as const;

const view = (job: { status: PdfJobView["status"]; stage: string | null; attempts: number; maxAttempts: number; error: string | null }, claims: number): PdfJobView => ({
  ...job,
  stage: job.stage as PdfStage | null,
  claims,
});

const jobKey = (snapshotId: string) => `${PDF_TASK}:${snapshotId}`;

async function enqueue(tx: Tx, jobId: string, snapshotId: string) {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${PDF_TASK}, json_build_object('jobId', ${jobId}::text), max_attempts := ${PDF_ATTEMPTS}, job_key := ${jobKey(snapshotId)})`;
}

/** Where the version's PDF job stands, or null when none was asked for. */
export async function pdfJob(version: Pick<PublishedVersion, "id" | "content">): Promise<PdfJobView | null> {
  const job = await appDb.exportJob.findUnique({ where: { snapshotId_format: { snapshotId: version.id, format: "pdf" } }, select: jobSelect });
  return job ? view(job, version.content.claims.length) : null;
}

/**
 * Asks for the version's PDF (once: a second ask, from any instance, finds the first one's job)
 * and says where it stands. Not audited: like the first making of the other formats, it is what
 * reading the version asks for, not a change.
 */
export async function requestPdfJob(version: Pick<PublishedVersion, "id" | "content">): Promise<PdfJobView> {
  const existing = await pdfJob(version);
  if (existing) return existing;
  await appDb.$transaction(async (tx) => {
    const made = await tx.exportJob.createManyAndReturn({ data: [{ snapshotId: version.id, format: "pdf", maxAttempts: PDF_ATTEMPTS }], skipDuplicates: true, select: { id: true } });
    if (made[0]) await enqueue(tx, made[0].id, version.id);
  });
  return (await pdfJob(version))!;
}

/** Tries a failed PDF again from its first attempt (the Downloads list's button). */
export async function retryPdfJob(user: SessionUser, values: RetryExportValues) {
  authorize(user, "factsheets:write");
  return inTransaction(user, async (tx, audit) => {
    const job = await tx.exportJob.findUnique({ where: { snapshotId_format: { snapshotId: values.snapshotId, format: "pdf" } }, select: { id: true, status: true, snapshot: { select: { factSheetId: true, number: true } } } });
    if (!job) return refuse("This version has no PDF job to try again.");
    if (job.status !== "FAILED") return refuse(job.status === "DONE" ? "The PDF is ready." : "The PDF is already being made.");
    await tx.exportJob.update({ where: { id: job.id }, data: { status: "QUEUED", stage: null, attempts: 0, error: null, startedAt: null, finishedAt: null } });
    await enqueue(tx, job.id, values.snapshotId);
    audit({ action: "export.retry", entityType: "FactSheetSnapshot", entityId: values.snapshotId, after: { format: "pdf" } });
    return ok({ factSheetId: job.snapshot.factSheetId, number: job.snapshot.number });
  });
}

/**
 * The job's work (scripts/lib/jobs.ts): marks the row running with the worker that took it, prints
 * the PDF with each step written for the page, stores it and records the outcome. A failure is
 * recorded and rethrown so the queue retries it; the last allowed attempt marks it failed.
 */
export async function runPdfJob(db: Db, jobId: string, attempt: { number: number; of: number; worker: string }, render: typeof renderPdf = renderPdf) {
  const stage = (s: PdfStage) => db.exportJob.update({ where: { id: jobId }, data: { stage: s } }).then(() => undefined);
  const job = await db.exportJob.update({
    where: { id: jobId },
    data: { status: "RUNNING", stage: "layout", attempts: attempt.number, takenBy: attempt.worker, startedAt: new Date(), error: null },
    select: { snapshotId: true, format: true, snapshot: { select: { content: true } } },
  });
  try {
    const content = snapshotContentSchema.parse(job.snapshot.content);
    const bytes = await render(content, () => stage("print"));
    await stage("store");
    await saveExport(db, job.snapshotId, "pdf", bytes);
    await db.exportJob.update({ where: { id: jobId }, data: { status: "DONE", stage: null, finishedAt: new Date() } });
    return { bytes: bytes.length, claims: content.claims.length };
  } catch (e) {
    const last = attempt.number >= attempt.of;
    await db.exportJob.update({ where: { id: jobId }, data: { status: last ? "FAILED" : "QUEUED", stage: null, error: (e as Error).message.slice(0, 2000), ...(last ? { finishedAt: new Date() } : {}) } });
    throw e;
  }
}

/** A file the Downloads list offers, or a large version's PDF still with the job queue. */
export type Download = (StoredExport & { job?: undefined }) | { format: "pdf"; fileName: string; job: PdfJobView };

/**
 * What the Downloads list shows: every format's stored file, made now if it is the first ask,
 * except a large version's PDF, which is asked of the job queue and shown with where it stands.
 */
export async function versionDownloads(version: PublishedVersion, baseUrl: string): Promise<Download[]> {
  if (!pdfIsJob(version) || (await storedExports(version)).has("pdf")) return versionExports(version, baseUrl);
  const others = EXPORT_FORMATS.filter((f) => f !== "pdf");
  const [files, job] = await Promise.all([versionExports(version, baseUrl, others), requestPdfJob(version)]);
  if (job.status === "DONE") return versionExports(version, baseUrl);
  return EXPORT_FORMATS.map((f) => (f === "pdf" ? { format: "pdf", fileName: exportFileName(version.content, "pdf"), job } : files[others.indexOf(f)]!));
}

/**
 * A download route's answer: the stored file (`caching`: how the browser may keep it), 304 with no
 * body when the request's If-None-Match names the stored file's SHA-256 (its bytes are not read),
 * or for a large version's PDF not made yet, 202 with where its job stands (503 once it has failed
 * for good), so a script can come back.
 */
export async function downloadResponse(version: PublishedVersion, format: ExportFormat, asked: { baseUrl: string; request: Request; caching: DownloadCaching }): Promise<Response> {
  const ifNoneMatch = asked.request.headers.get("if-none-match");
  const byJob = format === "pdf" && pdfIsJob(version);
  const stored = ifNoneMatch || byJob ? (await storedExports(version)).get(format) : undefined;
  const validators = stored && downloadValidators(stored.sha256, asked.caching);
  if (validators && heldAlready(ifNoneMatch, validators.ETag)) return notModified(validators);
  if (byJob && !stored) {
    const job = await requestPdfJob(version);
    if (job.status !== "DONE") {
      const waiting = job.status === "QUEUED" || job.status === "RUNNING";
      return Response.json(
        { error: waiting ? "pending" : "unavailable", message: describePdfJob(job), job },
        { status: waiting ? 202 : 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
      );
    }
  }
  return exportResponse(await versionExportFile(version, format, asked.baseUrl), asked.caching);
}
