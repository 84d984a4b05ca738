// npm run bench:factsheets: fact sheets at scale. Generates 100,000 claims (with citations and
// attribution chains) in a scratch database, then prints how long publishing a 1,000-claim sheet
// takes, and the watches ("needs a new version") over 500 published sheets, per sheet and for the
// dashboard, after some of their claims changed. Not a test: it only reports.
import { performance } from "node:perf_hooks";
import { percentiles, withScratchDatabase } from "./lib/bench";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const SHEETS = 500;
const PER_SHEET = 40;
const SAMPLES = 50;

await withScratchDatabase("factdesk_bench_factsheets", async (db) => {
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
  const actor = { id: editor.id, email: editor.email, name: editor.name, role: editor.role };
  const started = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO sources (id, title, outlet, kind, created_by_id, updated_at)
     SELECT gen_random_uuid(), 'Bench source ' || g, 'Outlet ' || (g % 200), 'NEWS_ARTICLE', $1::uuid, now() FROM generate_series(1, 2000) g`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO actors (id, name, name_key, kind, updated_at)
     SELECT gen_random_uuid(), 'Bench actor ' || g, 'bench actor ' || g, 'OUTLET', now() FROM generate_series(1, 300) g`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO claims (id, statement, kind, status, value_low, value_high, unit, as_of, as_of_precision, verification_rule, created_by_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'Bench claim ' || g || ' about ' || (ARRAY['volunteers','Мацегора','강제','grain'])[1 + g % 4], 'QUANTITY', 'VERIFIED', g, g + 500, 'people',
            date '2022-02-24' + (g % 900), 'DAY', 'INDEPENDENT_ORIGINS', $1::uuid, now() - (g || ' seconds')::interval, now()
     FROM generate_series(1, ${CLAIMS}) g`,
    editor.id,
  );
  // Two citations per claim from different sources, each with a two-link chain.
  await db.$executeRawUnsafe(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM claims WHERE statement LIKE 'Bench claim %'),
          s AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM sources WHERE title LIKE 'Bench source %')
     INSERT INTO citations (id, claim_id, source_id, quote, stance, created_by_id, updated_at)
     SELECT gen_random_uuid(), c.id, s.id, 'A quote for claim ' || c.n || ' from source ' || k, 'SUPPORTS', $1::uuid, now()
     FROM c CROSS JOIN generate_series(0, 1) k JOIN s ON s.n = (c.n * 7 + k * 13) % 2000`,
    editor.id,
  );
  await db.$executeRawUnsafe(
    `WITH a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM actors WHERE name LIKE 'Bench actor %'),
          ci AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM citations WHERE quote LIKE 'A quote for claim %')
     INSERT INTO attribution_links (id, citation_id, position, actor_id, relation)
     SELECT gen_random_uuid(), ci.id, p, a.id, CASE WHEN p = 0 THEN 'said' ELSE 'reported' END
     FROM ci CROSS JOIN generate_series(0, 1) p JOIN a ON a.n = (ci.n + p * 150) % 300`,
  );
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Generated ${(await db.claim.count()).toLocaleString("en-GB")} claims with citations and chains in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { createSheet } = await import("../lib/server/fact-sheets");
  const { publishSheet } = await import("../lib/server/fact-sheet-publishing");
  const { watchSheets } = await import("../lib/server/fact-sheet-watches");
  const ids = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM claims WHERE statement LIKE 'Bench claim %' ORDER BY id`)).map((r) => r.id);

  const sheetWith = async (title: string, claimIds: string[]) => {
    const made = await createSheet(actor, { title });
    if (!made.ok) throw new Error(made.message);
    await db.$executeRawUnsafe(
      `INSERT INTO fact_sheet_claims (fact_sheet_id, claim_id, position) SELECT $1::uuid, id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      made.value.id,
      claimIds,
    );
    return made.value.id;
  };
  const publish = async (sheetId: string, previousNumber = 0) => {
    const { version } = await db.factSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { version: true } });
    const result = await publishSheet(actor, { sheetId, version, previousNumber, changeNote: previousNumber ? "Benchmark republish." : undefined });
    if (!result.ok) throw new Error(result.message);
  };

  const big = await sheetWith("Bench sheet of 1,000 claims", ids.slice(0, 1000));
  const times: number[] = [];
  for (let n = 0; n < 5; n++) {
    const t = performance.now();
    await publish(big, n);
    times.push(performance.now() - t);
  }
  console.log(`publish a 1,000-claim sheet (2,000 citations, 4,000 chain links):  ${percentiles(times)}`);

  const t0 = performance.now();
  const sheets: string[] = [];
  for (let s = 0; s < SHEETS; s++) {
    const sheet = await sheetWith(`Bench sheet ${s}`, ids.slice(1000 + s * PER_SHEET, 1000 + (s + 1) * PER_SHEET));
    await publish(sheet);
    sheets.push(sheet);
  }
  console.log(`published ${SHEETS} sheets of ${PER_SHEET} claims in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // One claim in every tenth sheet changes afterwards: edited (version and audit entry) or disputed.
  for (let s = 0; s < SHEETS; s += 10) {
    const claimId = ids[1000 + s * PER_SHEET]!;
    await db.$executeRawUnsafe(`UPDATE claims SET version = version + 1, status = CASE WHEN $2 THEN 'DISPUTED'::"ClaimStatus" ELSE status END WHERE id = $1::uuid`, claimId, s % 20 === 0);
    await db.auditLog.create({ data: { actorId: editor.id, action: "claim.update", entityType: "Claim", entityId: claimId } });
  }
  await db.$executeRawUnsafe("ANALYZE");

  const all: number[] = [];
  let flagged = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    flagged = (await watchSheets(actor, { limit: 1000 })).length;
    all.push(performance.now() - t);
  }
  console.log(`watches over all ${SHEETS + 1} sheets (dashboard), ${flagged} flagged:  ${percentiles(all)}`);
  const one: number[] = [];
  for (let i = 0; i < SAMPLES * 4; i++) {
    const t = performance.now();
    await watchSheets(actor, { sheetId: sheets[i % SHEETS]! });
    one.push(performance.now() - t);
  }
  console.log(`watches of one sheet (its page):  ${percentiles(one)}`);
});
