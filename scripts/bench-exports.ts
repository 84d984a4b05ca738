// npm run bench:exports: exports at scale. In a scratch database: publishes a 1,000-claim sheet
// (two citations with two-link chains per claim, names in Cyrillic and Hangul), then prints the
// time to make its CSV, JSON, Markdown and ClaimReview JSON-LD (targets < 300 ms) and its PDF
// (< 5 s), and streams a 100,000-row claims CSV while sampling the process's memory, which must
// stay flat. Not a test: it only reports.
import { performance } from "node:perf_hooks";
import { percentiles, withScratchDatabase } from "./lib/bench";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const SHEET_CLAIMS = 1000;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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

await withScratchDatabase("factdesk_bench_exports", async (db) => {
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
  const actor = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
  const started = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO sources (id, title, outlet, url, kind, published_at, published_precision, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Bench source ' || g, 'Outlet ' || (g % 200), 'https://example.org/a/' || g, 'NEWS_ARTICLE', date '2022-02-24' + (g % 900), 'DAY', $1::uuid, now()
     FROM generate_series(1, 2000) g`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO actors (id, name, name_key, kind, updated_at)
     SELECT gen_random_uuid(), (ARRAY['Дмитрий Песков ', '김정은 ', 'François Núñez ', 'Reuters '])[1 + g % 4] || g, 'bench actor ' || g,
            (ARRAY['PERSON', 'PERSON', 'PERSON', 'OUTLET'])[1 + g % 4]::"ActorKind", now()
     FROM generate_series(1, 300) g`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO claims (id, statement, kind, status, value_low, value_high, unit, as_of, as_of_precision, verification_rule, created_by_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'Bench claim ' || g || ': ' || (ARRAY['volunteers sent, said Мацегора', '=SUM(A1) soldiers', '강제 labourers', 'grain, "tonnes", shipped'])[1 + g % 4],
            'QUANTITY', 'VERIFIED', g, g + 500, 'people', date '2022-02-24' + (g % 900), 'DAY', 'INDEPENDENT_ORIGINS', $1::uuid, now() - (g || ' seconds')::interval, now()
     FROM generate_series(1, ${CLAIMS}) g`,
    editor.id,
  );
  // The sheet's claims get two citations each, from different sources, each with a two-link chain.
  await db.$executeRawUnsafe(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY created_at DESC, id) AS n FROM claims WHERE statement LIKE 'Bench claim %' ORDER BY created_at DESC, id LIMIT ${SHEET_CLAIMS}),
          s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM sources WHERE title LIKE 'Bench source %')
     INSERT INTO citations (id, claim_id, source_id, quote, stance, is_primary, created_by_id, updated_at)
     SELECT gen_random_uuid(), c.id, s.id, 'A quote for claim ' || c.n || ', source ' || k || ': «' || 'Мы отправили ' || c.n || '»', 'SUPPORTS', k = 0, $1::uuid, now()
     FROM c CROSS JOIN generate_series(0, 1) k JOIN s ON s.n = (c.n * 7 + k * 13) % 2000`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `WITH a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM actors WHERE name_key LIKE 'bench actor %'),
          ci AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM citations WHERE quote LIKE 'A quote for claim %')
     INSERT INTO attribution_links (id, citation_id, position, actor_id, relation)
     SELECT gen_random_uuid(), ci.id, p, a.id, CASE WHEN p = 0 THEN 'said' ELSE 'reported' END
     FROM ci CROSS JOIN generate_series(0, 1) p JOIN a ON a.n = (ci.n + p * 150) % 300`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Generated ${(await db.claim.count()).toLocaleString("en-GB")} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { createSheet } = await import("../lib/server/fact-sheets");
  const { publishSheet, readVersion } = await import("../lib/server/fact-sheet-publishing");
  const { toCsv } = await import("../lib/exports/csv");
  const { toJson } = await import("../lib/exports/json");
  const { toMarkdown } = await import("../lib/exports/markdown");
  const { toJsonLd } = await import("../lib/exports/claim-review");
  const { closePdfBrowser, renderPdf } = await import("../lib/server/pdf");
  const { versionExports } = await import("../lib/server/fact-sheet-exports");
  const { streamClaims } = await import("../lib/server/claims-export");
  const { claimFiltersSchema } = await import("../lib/schemas/claim-filters");

  // A 1,000-claim sheet, published through the real publishing verb.
  const made = await createSheet(actor, { title: "Bench sheet of 1,000 claims" });
  if (!made.ok) throw new Error(made.message);
  const sheetId = made.value.id;
  await db.$executeRawUnsafe(
    `INSERT INTO fact_sheet_claims (fact_sheet_id, claim_id, position)
     SELECT $1::uuid, claim_id, row_number() OVER (ORDER BY claim_id) FROM (SELECT DISTINCT claim_id FROM citations WHERE quote LIKE 'A quote for claim %') c`,
    sheetId,
  );
  const { version } = await db.factSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { version: true } });
  const t0 = performance.now();
  const published = await publishSheet(actor, { sheetId, version, previousNumber: 0, changeNote: undefined });
  if (!published.ok) throw new Error(published.message);
  console.log(`publish the ${SHEET_CLAIMS.toLocaleString("en-GB")}-claim sheet:  ${(performance.now() - t0).toFixed(0)} ms`);
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
  }
  const cold = await timed(1, () => renderPdf(content));
  const warm = await timed(3, () => renderPdf(content));
  console.log(`PDF (cold browser)   ${cold.times[0]!.toFixed(0)} ms  ${mb(cold.result.length)}  (target < 5 s)`);
  console.log(`PDF (warm browser)   ${percentiles(warm.times)}`);
  const stored = await timed(1, () => versionExports(snapshot, "https://facts.example.org"));
  console.log(`all five made and stored on first ask:  ${stored.times[0]!.toFixed(0)} ms`);
  const again = await timed(20, () => versionExports(snapshot, "https://facts.example.org"));
  console.log(`listing the stored five with their hashes:  ${percentiles(again.times)}`);
  await closePdfBrowser();

  // 100,000 rows streamed: heap (after a collection, so garbage not yet collected does not count:
  // npm run bench:exports passes --expose-gc) and RSS sampled at every page; flat means the last
  // page holds what the first did.
  global.gc?.();
  const heap: number[] = [];
  const rss: number[] = [];
  let bytes = 0;
  let rows = 0;
  const t1 = performance.now();
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
  const seconds = (performance.now() - t1) / 1000;
  const tenth = (xs: number[], i: number) => xs[Math.min(xs.length - 1, Math.floor((i / 10) * xs.length))]!;
  console.log(`claims CSV streamed: ${(rows - 1).toLocaleString("en-GB")} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s (${Math.round((rows - 1) / seconds).toLocaleString("en-GB")} rows/s)`);
  console.log(`  heap used at 0%, 25%, 50%, 75%, 100% of the stream: ${[0, 2.5, 5, 7.5, 10].map((i) => mb(tenth(heap, i))).join(", ")}; max ${mb(Math.max(...heap))}`);
  console.log(`  RSS at the same points: ${[0, 2.5, 5, 7.5, 10].map((i) => mb(tenth(rss, i))).join(", ")}; max ${mb(Math.max(...rss))} (the whole CSV is ${mb(bytes)})`);
});
