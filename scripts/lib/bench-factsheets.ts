// npm run bench, fact sheets (npm run bench:factsheets runs this part alone): how long publishing
// a large sheet takes, and the watches ("needs a new version") over hundreds of published sheets,
// per sheet and for the dashboard, after some of their claims changed. Runs on the benchmark's
// newsroom, with claims of its own that publishing accepts (scripts/lib/newsroom.ts).
import { performance } from "node:perf_hooks";
import type { Db } from "../../prisma/client";
import type { SessionUser } from "../../lib/server/authorize";
import { percentiles } from "./bench";
import { addPublishableClaims, publishNext, sheetOf } from "./newsroom";

export const FACTSHEETS_FULL = { bigClaims: 1000, sheets: 500, perSheet: 40, samples: 50 };
export const FACTSHEETS_QUICK = { bigClaims: 200, sheets: 20, perSheet: 10, samples: 10 };

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
};

export async function benchFactSheets(db: Db, actor: SessionUser, size: typeof FACTSHEETS_FULL) {
  const started = performance.now();
  const ids = await addPublishableClaims(db, actor.id, { claims: size.bigClaims + size.sheets * size.perSheet });
  console.log(`fact sheets: ${ids.length.toLocaleString("en-GB")} publishable claims with citations and chains added in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const big = await sheetOf(db, actor, `Bench sheet of ${size.bigClaims.toLocaleString("en-GB")} claims`, ids.slice(0, size.bigClaims));
  const times: number[] = [];
  for (let n = 0; n < 5; n++) {
    const t = performance.now();
    await publishNext(db, actor, big, n);
    times.push(performance.now() - t);
  }
  console.log(`publish a ${size.bigClaims.toLocaleString("en-GB")}-claim sheet (${(size.bigClaims * 2).toLocaleString("en-GB")} citations, ${(size.bigClaims * 4).toLocaleString("en-GB")} chain links):  ${percentiles(times)}`);

  const t0 = performance.now();
  const sheets: string[] = [];
  for (let s = 0; s < size.sheets; s++) {
    const from = size.bigClaims + s * size.perSheet;
    const sheet = await sheetOf(db, actor, `Bench sheet ${s}`, ids.slice(from, from + size.perSheet));
    await publishNext(db, actor, sheet);
    sheets.push(sheet);
  }
  const publishedSeconds = (performance.now() - t0) / 1000;
  console.log(`published ${size.sheets} sheets of ${size.perSheet} claims in ${publishedSeconds.toFixed(1)} s`);
  // One claim in every tenth sheet changes afterwards: edited (version and audit entry) or disputed.
  for (let s = 0; s < size.sheets; s += 10) {
    const claimId = ids[size.bigClaims + s * size.perSheet]!;
    await db.$executeRawUnsafe(`UPDATE claims SET version = version + 1, status = CASE WHEN $2 THEN 'DISPUTED'::"ClaimStatus" ELSE status END WHERE id = $1::uuid`, claimId, s % 20 === 0);
    await db.auditLog.create({ data: { actorId: actor.id, action: "claim.update", entityType: "Claim", entityId: claimId } });
  }
  await db.$executeRawUnsafe("ANALYZE");

  const { watchSheets } = await import("../../lib/server/fact-sheet-watches");
  const all: number[] = [];
  let flagged = 0;
  for (let i = 0; i < size.samples; i++) {
    const t = performance.now();
    flagged = (await watchSheets(actor, { limit: 1000 })).length;
    all.push(performance.now() - t);
  }
  console.log(`watches over all published sheets (dashboard), ${flagged} flagged:  ${percentiles(all)}`);
  const one: number[] = [];
  for (let i = 0; i < size.samples * 4; i++) {
    const t = performance.now();
    await watchSheets(actor, { sheetId: sheets[i % size.sheets]! });
    one.push(performance.now() - t);
  }
  console.log(`watches of one sheet (its page):  ${percentiles(one)}`);
  return { size, publishBigSheetMs: stats(times), publishedSheetsSeconds: Math.round(publishedSeconds * 10) / 10, watchesAllMs: { ...stats(all), flagged }, watchesOneMs: stats(one) };
}
