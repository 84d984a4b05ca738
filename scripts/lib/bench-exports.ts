// npm run bench, exports (npm run bench:exports runs this part alone): publishes a large sheet
// (two citations with two-link chains per claim, names in Cyrillic and Hangul), then prints the
// time to make its CSV, JSON, Markdown and ClaimReview JSON-LD (targets < 300 ms) and its PDF
// (< 5 s) by sheet size, the PDF through the job queue as the app makes it (asked, then ready),
// and streams the whole claims table as CSV while sampling the process's memory, which must stay
// flat (run with --expose-gc, as npm run bench does).
import { performance } from "node:perf_hooks";
import type { Db } from "../../prisma/client";
import type { SessionUser } from "../../lib/server/authorize";
import { percentiles } from "./bench";
import { addPublishableClaims, publishNext, sheetOf } from "./newsroom";

export const EXPORTS_FULL = { sheetClaims: 1000, pdfSizes: [50, 100, 150, 300, 1000], pdfRuns: 3 };
// The smoke test (npm test) renders one warm PDF once: 3 runs of 50 and 200 claims were 10 s of it.
export const EXPORTS_QUICK = { sheetClaims: 200, pdfSizes: [50], pdfRuns: 1 };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const p50 = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

async function timed<T>(runs: number, work: () => T | Promise<T>) {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await work();
    times.push(performance.now() - t);
  }
  return { result, times };
}

/** `url`: the scratch database, for the job worker this part starts. */
export async function benchExports(db: Db, actor: SessionUser, url: string, size: typeof EXPORTS_FULL) {
  const figures: Record<string, unknown> = { size };
  const ids = await addPublishableClaims(db, actor.id, { claims: size.sheetClaims });
  const sheetId = await sheetOf(db, actor, `Bench exports sheet of ${size.sheetClaims.toLocaleString("en-GB")} claims`, ids);
  const t0 = performance.now();
  await publishNext(db, actor, sheetId);
  console.log(`publish the ${size.sheetClaims.toLocaleString("en-GB")}-claim sheet:  ${(performance.now() - t0).toFixed(0)} ms`);

  const { readVersion } = await import("../../lib/server/fact-sheet-publishing");
  const { toCsv } = await import("../../lib/exports/csv");
  const { toJson } = await import("../../lib/exports/json");
  const { toMarkdown } = await import("../../lib/exports/markdown");
  const { toJsonLd } = await import("../../lib/exports/claim-review");
  const { closePdfBrowser, renderPdf } = await import("../../lib/server/pdf");
  const { versionDownloads } = await import("../../lib/server/export-jobs");
  const { streamClaims } = await import("../../lib/server/claims-export");
  const { claimFiltersSchema } = await import("../../lib/schemas/claim-filters");
  const { startJobWorker } = await import("./jobs");

  const snapshot = (await readVersion({ factSheetId: sheetId }))!;
  const content = snapshot.content;
  console.log(`version 1: ${content.claims.length} claims, ${content.claims.reduce((n, c) => n + c.citations.length, 0)} citations`);

  for (const [name, make] of [
    ["CSV", () => toCsv(content)],
    ["JSON", () => toJson(content)],
    ["Markdown", () => toMarkdown(content)],
    ["ClaimReview JSON-LD", () => toJsonLd(content, "https://facts.example.org/fact-sheets/x/v/1")],
  ] as const) {
    const { result, times } = await timed(20, make);
    console.log(`${name.padEnd(20)} ${percentiles(times)}  ${mb(Buffer.byteLength(result))}  (target < 300 ms)`);
    figures[name] = { p50Ms: p50(times), bytes: Buffer.byteLength(result) };
  }
  const cold = await timed(1, () => renderPdf(content));
  console.log(`PDF (cold browser)   ${cold.times[0]!.toFixed(0)} ms  ${mb(cold.result.length)}  (target < 5 s)`);
  // By sheet size, warm: what PDF_JOB_MIN_CLAIMS (lib/exports/pdf-jobs.ts) rests on.
  const bySize: Record<number, number> = {};
  for (const n of size.pdfSizes) {
    const warm = await timed(size.pdfRuns, () => renderPdf({ ...content, claims: content.claims.slice(0, n) }));
    bySize[n] = p50(warm.times);
  }
  console.log(`PDF (warm browser) by claims:  ${Object.entries(bySize).map(([n, ms]) => `${Number(n).toLocaleString("en-GB")}: ${ms} ms`).join(", ")}`);
  figures.pdf = { coldMs: Math.round(cold.times[0]!), bytes: cold.result.length, warmP50MsByClaims: bySize };
  await closePdfBrowser();

  // As the app does it: the Downloads list makes the four light formats at once and asks the queue
  // for the PDF; a job worker (here in this process, as `npm start` runs one) prints it.
  const worker = await startJobWorker(url, db);
  try {
    const t1 = performance.now();
    const first = await versionDownloads(snapshot, "https://facts.example.org");
    const listed = performance.now() - t1;
    const pdf = first.find((f) => f.format === "pdf");
    const queued = pdf?.job !== undefined;
    for (;;) {
      const job = await db.exportJob.findUnique({ where: { snapshotId_format: { snapshotId: snapshot.id, format: "pdf" } }, select: { status: true } });
      if (!queued || job?.status === "DONE" || job?.status === "FAILED") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ready = performance.now() - t1;
    console.log(`first look at the Downloads list: ${listed.toFixed(0)} ms (light formats made${queued ? ", PDF queued" : ", PDF made at once"}); PDF ready after ${(ready / 1000).toFixed(1)} s`);
    const again = await timed(20, () => versionDownloads(snapshot, "https://facts.example.org"));
    console.log(`listing the stored five with their hashes:  ${percentiles(again.times)}`);
    figures.downloads = { firstListMs: Math.round(listed), pdfQueued: queued, pdfReadyMs: Math.round(ready), storedListP50Ms: p50(again.times) };
  } finally {
    await worker.stop();
  }

  // Every claim streamed: heap (after a collection, so garbage not yet collected does not count)
  // and RSS sampled at every page; flat means the last page holds what the first did.
  global.gc?.();
  const heap: number[] = [];
  const rss: number[] = [];
  let bytes = 0;
  let rows = 0;
  const t2 = performance.now();
  const reader = streamClaims(actor, claimFiltersSchema.parse({}), "csv").getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    rows += value.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
    global.gc?.();
    const m = process.memoryUsage();
    heap.push(m.heapUsed);
    rss.push(m.rss);
  }
  const seconds = (performance.now() - t2) / 1000;
  const tenth = (xs: number[], i: number) => xs[Math.min(xs.length - 1, Math.floor((i / 10) * xs.length))]!;
  console.log(`claims CSV streamed: ${(rows - 1).toLocaleString("en-GB")} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s (${Math.round((rows - 1) / seconds).toLocaleString("en-GB")} rows/s)`);
  console.log(`  heap used at 0%, 25%, 50%, 75%, 100% of the stream: ${[0, 2.5, 5, 7.5, 10].map((i) => mb(tenth(heap, i))).join(", ")}; max ${mb(Math.max(...heap))}${global.gc ? "" : " (no --expose-gc: garbage counts)"}`);
  console.log(`  RSS at the same points: ${[0, 2.5, 5, 7.5, 10].map((i) => mb(tenth(rss, i))).join(", ")}; max ${mb(Math.max(...rss))} (the whole CSV is ${mb(bytes)})`);
  figures.claimsCsvStream = { rows: rows - 1, bytes, seconds: Math.round(seconds * 10) / 10, heapMaxMb: Math.round(Math.max(...heap) / 1024 / 1024), rssMaxMb: Math.round(Math.max(...rss) / 1024 / 1024) };
  return figures;
}
