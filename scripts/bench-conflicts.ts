// npm run bench:conflicts: conflict detection at 100,000 claims over 2,000 metrics. Builds its own
// database on the test cluster (or DATABASE_URL's server), generates figures with a seeded random
// generator (most agree, some are outliers, some are rates), then times detection on save (the
// time it adds to saving one claim) and the full re-scan, and prints p50/p95/p99. Not a test.
import { performance } from "node:perf_hooks";
import { percentiles, random, withScratchDatabase } from "./lib/bench";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const METRICS = 2_000;
const SAMPLES = 500;

await withScratchDatabase("factdesk_bench_conflicts", async (db) => {
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });

  const started = performance.now();
  const rand = random(20261123);
  const months = ["2022-03-01", "2022-05-01", "2022-08-01", "2022-11-01", "2023-02-01", "2023-06-01"];
  const base = Array.from({ length: METRICS }, () => 1_000 + Math.floor(rand() * 100_000));
  const metric: number[] = [];
  const low: (number | null)[] = [];
  const high: (number | null)[] = [];
  const best: (number | null)[] = [];
  const rate: (string | null)[] = [];
  const asOf: string[] = [];
  for (let i = 0; i < CLAIMS; i++) {
    const m = Math.floor(rand() * METRICS);
    const b = base[m]!;
    const r = rand();
    metric.push(m);
    asOf.push(months[Math.floor(rand() * months.length)]!);
    if (r < 0.05) {
      // A rate: about the total over the months since the start, per day.
      rate.push("DAY");
      best.push(Math.max(1, Math.round((b / 200) * (0.6 + rand()))));
      low.push(null);
      high.push(null);
    } else if (r < 0.15) {
      rate.push(null); // an outlier: two to three times the others
      best.push(Math.round(b * (2 + rand())));
      low.push(null);
      high.push(null);
    } else {
      rate.push(null); // most agree: ranges around the metric's figure
      const spread = Math.round(b * 0.1 * rand());
      low.push(b - spread);
      high.push(b + spread);
      best.push(null);
    }
  }
  await db.$executeRawUnsafe(
    `INSERT INTO metrics (id, name, unit, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Conflict bench metric ' || g, 'people', $1::uuid, now() FROM generate_series(1, ${METRICS}) g`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM metrics WHERE name LIKE 'Conflict bench metric %')
     INSERT INTO claims (id, statement, kind, metric_id, value_low, value_high, value_best, unit, rate_period, as_of, as_of_precision, period_start,
                         created_by_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'Bench figure ' || t.i, 'QUANTITY', m.id, t.low, t.high, t.best, 'people', t.rate::"RatePeriod", t.as_of::date, 'MONTH',
            date '2022-02-24', $1::uuid, now() - (t.i || ' seconds')::interval, now()
       FROM unnest($2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::text[], $7::text[]) WITH ORDINALITY AS t(metric, low, high, best, rate, as_of, i)
       JOIN m ON m.n = t.metric`,
    editor.id,
    metric,
    low,
    high,
    best,
    rate,
    asOf,
  );
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Generated ${(await db.claim.count()).toLocaleString("en-GB")} claims over ${METRICS.toLocaleString("en-GB")} metrics in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { scanAllConflicts } = await import("../lib/server/conflicts/full-rescan");
  const { detectConflicts } = await import("../lib/server/conflicts/detect-on-save");
  const scanStarted = performance.now();
  const first = await scanAllConflicts(db);
  const firstSeconds = (performance.now() - scanStarted) / 1000;
  console.log(
    `full re-scan, first run:  ${firstSeconds.toFixed(1)} s for ${first.claims.toLocaleString("en-GB")} claims: ${first.found.toLocaleString("en-GB")} conflicts (${first.opened} opened)`,
  );
  const againStarted = performance.now();
  const again = await scanAllConflicts(db);
  console.log(`full re-scan, unchanged:  ${((performance.now() - againStarted) / 1000).toFixed(1)} s: ${again.opened} opened, ${again.reopened} reopened, ${again.cleared} cleared`);

  // Detection on save: in the saving transaction, after the claim's new figure is written.
  const ids = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM claims WHERE statement LIKE 'Bench figure %' ORDER BY md5(id::text) LIMIT ${SAMPLES}`)).map((r) => r.id);
  const detect: number[] = [];
  const save: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    await db.$transaction(async (tx) => {
      const c = await tx.claim.findUniqueOrThrow({ where: { id }, select: { valueLow: true, valueHigh: true, valueBest: true } });
      // Half the saves nudge the figure, half turn it into an outlier.
      const factor = rand() < 0.5 ? 1.01 : 3;
      const bump = (v: unknown) => (v === null ? null : Math.round(Number(String(v)) * factor));
      await tx.claim.update({ where: { id }, data: { valueLow: bump(c.valueLow), valueHigh: bump(c.valueHigh), valueBest: bump(c.valueBest), version: { increment: 1 } } });
      const t = performance.now();
      await detectConflicts(tx, [id], editor.id, () => {});
      detect.push(performance.now() - t);
    });
    save.push(performance.now() - t0);
  }
  console.log(`detection on save (added): ${percentiles(detect)}`);
  console.log(`whole save with detection: ${percentiles(save)}`);

  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM claims WHERE metric_id = (SELECT id FROM metrics LIMIT 1) AND kind = 'QUANTITY' AND status NOT IN ('FALSE', 'RETRACTED')`,
  );
  console.log(`peer lookup plan: ${plan.map((p) => p["QUERY PLAN"].trim()).join(" | ")}`);
});
