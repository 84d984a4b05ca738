// PDF exports of large fact sheets as jobs: the first ask commits an export_jobs row and its
// graphile-worker job together; whichever worker is free prints it (two workers here, as two app
// instances run them); a failed attempt is retried, a final failure can be tried again; the
// Downloads list and the download route say where it stands until the file is there.
import { makeWorkerUtils, run, type Runner, type WorkerUtils } from "graphile-worker";
import { afterAll, describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/factsheets/snapshot";
import { downloadResponse, PDF_TASK, pdfIsJob, requestPdfJob, retryPdfJob, runPdfJob, versionDownloads } from "@/lib/server/export-jobs";
import { readVersion } from "@/lib/server/fact-sheet-publishing";
import { closePdfBrowser, renderPdf } from "@/lib/server/pdf";
import { addPublishableClaims, publishNext, sheetOf } from "@/scripts/lib/newsroom";
import { startJobWorker } from "@/scripts/lib/jobs";
import { seedDatabase } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { useMigratedDatabase } from "../support/database";
import { until } from "../support/until";
import { pdfText } from "../support/pdf-text";

const BASE = "https://facts.example.org";
/** A download as a public link's route asks for it. */
const download = { baseUrl: BASE, request: new Request(`${BASE}/p/token/exports/pdf`), caching: "revalidate" } as const;

describe("PDF exports of large sheets as jobs", () => {
  const { db, appUrl, actor } = useMigratedDatabase();
  const runners: Runner[] = [];
  let utils: WorkerUtils | undefined;
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await utils?.release();
    await closePdfBrowser();
  });
  const jobOf = (snapshotId: string) => db().exportJob.findUniqueOrThrow({ where: { snapshotId_format: { snapshotId, format: "pdf" } } });
  const storedPdf = (snapshotId: string) => db().factSheetExport.findUnique({ where: { snapshotId_format: { snapshotId, format: "pdf" } } });

  // One sheet of 200 claims (over the threshold), published as versions 1, 2 and 3: three large PDFs.
  let sheetId = "";
  const version = async (number: number) => (await readVersion({ factSheetId: sheetId, number }))!;

  it("keeps a small sheet's PDF immediate, and queues a large one's (once) while the other formats are made at once", async () => {
    await seedDatabase(db());
    const { token } = await seedPublication(db());
    const { openPublicLink } = await import("@/lib/server/fact-sheet-links");
    const small = (await openPublicLink(token!))!;
    expect(pdfIsJob(small)).toBe(false);
    const files = await versionDownloads(small, BASE);
    const pdf = files.find((f) => f.format === "pdf")!;
    expect(pdf.job).toBeUndefined();
    expect(pdf).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const editor = await actor("editor@factdesk.test");
    const claims = await addPublishableClaims(db(), editor.id, { claims: 200 });
    sheetId = await sheetOf(db(), editor, "A sheet of 200 claims", claims);
    for (let n = 0; n < 3; n++) await publishNext(db(), editor, sheetId, n);
    const large = await version(1);
    expect(large.content.claims).toHaveLength(200);
    expect(pdfIsJob(large)).toBe(true);

    // No worker runs yet: the other formats are made, the PDF waits in the queue with its job.
    const downloads = await versionDownloads(large, BASE);
    expect(downloads.map((d) => d.format)).toEqual(["pdf", "csv", "json", "md", "jsonld"]);
    expect(downloads[0]).toEqual({ format: "pdf", fileName: "a-sheet-of-200-claims-v1.pdf", job: { status: "QUEUED", stage: null, attempts: 0, maxAttempts: 3, error: null, claims: 200 } });
    expect(downloads.slice(1).every((d) => d.job === undefined && "sha256" in d)).toBe(true);
    const answer = await downloadResponse(large, "pdf", download);
    expect(answer.status).toBe(202);
    // A client that asks whether it holds the PDF already is told where its job stands: there is no PDF to hold yet.
    expect((await downloadResponse(large, "pdf", { ...download, request: new Request(download.request, { headers: { "if-none-match": "*" } }) })).status).toBe(202);
    expect(answer.headers.get("Retry-After")).toBe("5");
    expect(((await answer.json()) as { message: string }).message).toMatch(/^Queued: the PDF of 200 claims/);
    const queue = await db().$queryRaw<{ task: string; key: string }[]>`SELECT task_identifier AS task, key FROM graphile_worker.jobs`;
    expect(queue).toEqual([{ task: PDF_TASK, key: `${PDF_TASK}:${large.id}` }]);
    expect(await db().exportJob.count()).toBe(1);
  });

  it("is asked for once however many ask at once, and is taken by whichever worker is free", async () => {
    // Version 1's job waits from the test before: worker A takes it and holds it (busy printing,
    // as far as the queue knows).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let aTook = "";
    const a = await run({
      connectionString: appUrl(),
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: 200,
      taskList: {
        [PDF_TASK]: async (payload, helpers) => {
          aTook = (payload as { jobId: string }).jobId;
          await held;
          await runPdfJob(db(), aTook, { number: helpers.job.attempts, of: helpers.job.max_attempts, worker: helpers.job.locked_by! });
        },
      },
    });
    runners.push(a);
    const v1 = await version(1);
    const job1 = await jobOf(v1.id);
    await until("worker A to take version 1's job", async () => aTook === job1.id);

    // Three readers open version 2 at once (the page twice, the download route once): one job.
    const v2 = await version(2);
    const asks = await Promise.all([versionDownloads(v2, BASE), versionDownloads(v2, BASE), downloadResponse(v2, "pdf", download)]);
    expect(asks[2].status).toBe(202);
    expect(((await asks[2].json()) as { job: { status: string } }).job.status).toBe("QUEUED");
    expect(await db().exportJob.count({ where: { snapshotId: v2.id } })).toBe(1);
    // Worker B (the real one, as another instance runs it) is free: version 2's job goes to it.
    runners.push(await startJobWorker(appUrl(), db()));
    const done2 = await until("worker B to make version 2's PDF", async () => (await jobOf(v2.id)).status === "DONE" && jobOf(v2.id));
    expect(done2).toMatchObject({ attempts: 1, stage: null, error: null });
    expect(done2.takenBy).toBeTruthy();
    expect((await jobOf(v1.id)).status).toBe("QUEUED"); // A still holds version 1's
    const file = (await storedPdf(v2.id))!;
    expect(Buffer.from(file.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(file.sha256).toBe(sha256Hex(Buffer.from(file.bytes)));
    expect(await pdfText(file.bytes)).toContain("Sheet claim 200");

    // Once made, the list and the route offer the stored file like any other.
    const listed = (await versionDownloads(v2, BASE))[0]!;
    expect(listed).toMatchObject({ format: "pdf", sha256: file.sha256, size: file.bytes.length });
    const served = await downloadResponse(v2, "pdf", download);
    expect(served.status).toBe(200);
    expect(served.headers.get("X-Content-SHA256")).toBe(file.sha256);

    release();
    const done1 = await until("worker A to finish version 1's PDF", async () => (await jobOf(v1.id)).status === "DONE" && jobOf(v1.id));
    expect(done1.takenBy).toBeTruthy();
    expect(done1.takenBy).not.toBe(done2.takenBy);
    expect(await storedPdf(v1.id)).toBeTruthy();
  });

  it("retries a failed attempt, marks the last one failed, and can be tried again", async () => {
    for (const r of runners.splice(0)) await r.stop();
    utils = await makeWorkerUtils({ connectionString: appUrl() });
    // Printing fails until `failing` is turned off. While waiting, the failed job is rescheduled to
    // now (graphile-worker would wait e^attempts seconds) so the test does not sit through the backoff.
    let failing = true;
    const calls: number[] = [];
    const queueIds = new Set<string>();
    const hurry = () => utils!.rescheduleJobs([...queueIds], { runAt: new Date() });
    const broken = async () => {
      throw new Error("Chromium went away");
    };
    runners.push(
      await run({
        connectionString: appUrl(),
        concurrency: 1,
        noHandleSignals: true,
        pollInterval: 200,
        taskList: {
          [PDF_TASK]: async (payload, helpers) => {
            calls.push(helpers.job.attempts);
            queueIds.add(helpers.job.id);
            const attempt = { number: helpers.job.attempts, of: helpers.job.max_attempts, worker: helpers.job.locked_by! };
            await runPdfJob(db(), (payload as { jobId: string }).jobId, attempt, failing ? broken : renderPdf);
          },
        },
      }),
    );
    const v3 = await version(3);
    await requestPdfJob(v3);
    const between = await until("the first attempt to fail", async () => {
      const j = await jobOf(v3.id);
      return j.attempts === 1 && j.status === "QUEUED" && j.error ? j : null;
    });
    expect(between.error).toBe("Chromium went away");
    expect((await versionDownloads(v3, BASE))[0]).toMatchObject({ job: { status: "QUEUED", attempts: 1, error: "Chromium went away" } });
    const failed = await until("the last attempt to fail", async () => {
      await hurry();
      return (await jobOf(v3.id)).status === "FAILED" && jobOf(v3.id);
    });
    expect(failed).toMatchObject({ attempts: 3, maxAttempts: 3, error: "Chromium went away" });
    expect(calls).toEqual([1, 2, 3]);
    expect((await downloadResponse(v3, "pdf", download)).status).toBe(503);
    expect(await storedPdf(v3.id)).toBeNull();

    // Trying again: a reviewer may not; an editor may, once; it then runs from its first attempt.
    await expect(retryPdfJob(await actor("reviewer@factdesk.test"), { snapshotId: v3.id })).rejects.toThrow(/may not/);
    failing = false;
    const editor = await actor("editor@factdesk.test");
    expect(await retryPdfJob(editor, { snapshotId: v3.id })).toMatchObject({ ok: true, value: { factSheetId: sheetId, number: 3 } });
    expect(await retryPdfJob(editor, { snapshotId: v3.id })).toMatchObject({ ok: false });
    const done = await until("the retried job to finish", async () => (await jobOf(v3.id)).status === "DONE" && jobOf(v3.id));
    expect(done).toMatchObject({ attempts: 1, error: null });
    expect(calls).toEqual([1, 2, 3, 1]);
    expect(await storedPdf(v3.id)).toBeTruthy();
    expect(await db().auditLog.count({ where: { action: "export.retry", entityId: v3.id } })).toBe(1);
  });
});
