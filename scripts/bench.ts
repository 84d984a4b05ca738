// npm run bench: the claims list and claim page at 100,000 claims. Builds its own database on the
// test cluster (or DATABASE_URL's server), generates claims with a seeded random generator, and
// prints p50/p95/p99 of the data-access calls the pages make. Not a test: it only reports.
import { performance } from "node:perf_hooks";
import { percentiles, random, withScratchDatabase } from "./lib/bench";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const METRICS = 2_000;
const SOURCES = 5_000;
const SAMPLES = 300;

await withScratchDatabase("factdesk_bench", async (db) => {
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });

  const started = performance.now();
  const rand = random(20261123);
  // Random choices are made here, in JS, so the data is the same on every run; bulk insert in SQL.
  const metricOf = Array.from({ length: CLAIMS }, () => Math.floor(rand() * METRICS));
  const statusOf = Array.from({ length: CLAIMS }, () => ["UNVERIFIED", "IN_REVIEW", "VERIFIED", "DISPUTED", "FALSE"][Math.floor(rand() * 5)]!);
  const lowOf = Array.from({ length: CLAIMS }, () => Math.floor(rand() * 50_000));
  const sourceOf = Array.from({ length: CLAIMS }, () => Math.floor(rand() * SOURCES));
  await db.$executeRawUnsafe(
    `INSERT INTO metrics (id, name, unit, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Bench metric ' || g, 'people', $1::uuid, now() FROM generate_series(1, ${METRICS}) g`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO sources (id, title, outlet, kind, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Bench source ' || g, 'Outlet ' || (g % 200), 'NEWS_ARTICLE', $1::uuid, now() FROM generate_series(1, ${SOURCES}) g`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM metrics WHERE name LIKE 'Bench metric %'),
          s AS (SELECT id, row_number() OVER (ORDER BY title) - 1 AS n FROM sources WHERE title LIKE 'Bench source %'),
          input AS MATERIALIZED (SELECT gen_random_uuid() AS id, t.* FROM unnest($2::int[], $3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS t(metric, status, low, source, i)),
          made AS (
            INSERT INTO claims (id, statement, kind, status, metric_id, value_low, value_high, unit, as_of, as_of_precision,
                                created_by_id, created_at, updated_at)
            SELECT input.id,
                   'Bench claim ' || input.i || ' about ' || (ARRAY['volunteers','soldiers killed','recognition','sanctions','builders',
                     'casualties','drones','refugees','grain exports','artillery shells'])[1 + input.i % 10]
                   || CASE WHEN input.i % 1000 = 0 THEN ' and a zeppelin' ELSE '' END, 'QUANTITY', input.status::"ClaimStatus", m.id, input.low, input.low + 5000,
                   'people', date '2022-02-24' + (input.i % 900)::int, 'DAY', $1::uuid,
                   now() - (input.i || ' seconds')::interval, now()
              FROM input JOIN m ON m.n = input.metric
            RETURNING id, statement)
     INSERT INTO citations (id, claim_id, source_id, quote, stance, created_by_id, updated_at)
     SELECT gen_random_uuid(), made.id, s.id, 'quote of ' || made.statement, 'SUPPORTS', $1::uuid, now()
       FROM made JOIN input ON input.id = made.id JOIN s ON s.n = input.source`,
    editor.id,
    metricOf,
    statusOf,
    lowOf,
    sourceOf,
  );
  // Every 50th claim is the editor's, for the "my claims" view.
  await db.$executeRawUnsafe(
    `UPDATE claims SET assignee_id = $1::uuid WHERE statement LIKE 'Bench claim %' AND (substring(statement from 'Bench claim ([0-9]+)'))::int % 50 = 0`,
    editor.id,
  );
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Generated ${(await db.claim.count()).toLocaleString("en-GB")} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { listClaims, getClaim, countClaims } = await import("../lib/server/claims");
  const actor = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };

  const first: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await listClaims(actor, { limit: 50 });
    first.push(performance.now() - t);
  }
  console.log(`claims list, first page of 50:  ${percentiles(first)}`);

  // Deep pages: walk 300 pages in, then time pages from cursors spread across the whole table.
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000 && (i === 0 || cursor); i++) {
    const page = await listClaims(actor, { limit: 100, cursor });
    cursor = page.nextCursor ?? undefined;
    if (cursor && i % 3 === 0) cursors.push(cursor);
  }
  const deep: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await listClaims(actor, { limit: 50, cursor: cursors[i % cursors.length] });
    deep.push(performance.now() - t);
  }
  console.log(`claims list, pages up to 100k deep: ${percentiles(deep)}`);

  const ids = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM claims ORDER BY md5(id::text) LIMIT ${SAMPLES}`)).map((r) => r.id);
  const detail: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    await getClaim(actor, id);
    detail.push(performance.now() - t);
  }
  console.log(`claim page data:                  ${percentiles(detail)}`);

  // Filtered views and search, first page of 50 each, plus the capped count the list shows.
  const aMetric = (await db.metric.findFirstOrThrow({ where: { name: "Bench metric 777" } })).id;
  const aSource = (await db.source.findFirstOrThrow({ where: { title: "Bench source 1234" } })).id;
  const views: [string, Record<string, string>][] = [
    ["status = in review", { status: "IN_REVIEW" }],
    ["assignee = me", { assignee: "me" }],
    ["unassigned", { assignee: "none" }],
    ["metric", { metric: aMetric }],
    ["source", { source: aSource }],
    ["search, common word (10%)", { q: "volunteers" }],
    ["search, rare word (0.1%)", { q: "zeppelin" }],
    ["search + status", { q: "drones", status: "VERIFIED" }],
    ["recently changed", { sort: "updated" }],
  ];
  const { claimFiltersSchema } = await import("../lib/schemas/claim-filters");
  for (const [label, query] of views) {
    const filters = claimFiltersSchema.parse(query);
    const times: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await listClaims(actor, filters);
      times.push(performance.now() - t);
      const c = performance.now();
      await countClaims(actor, filters);
      counts.push(performance.now() - c);
    }
    console.log(`view ${label.padEnd(28)} page: ${percentiles(times)}   count: ${percentiles(counts)}`);
  }

  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM claims WHERE (created_at, id) < (now(), '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY created_at DESC, id DESC LIMIT 51`,
  );
  console.log(`keyset plan: ${plan.map((p) => p["QUERY PLAN"].trim()).join(" | ")}`);
});
