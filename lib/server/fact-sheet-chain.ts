import "server-only";
import { contentHash, type SnapshotContent } from "@/lib/factsheets/snapshot";
import type { Db } from "@/prisma/client";

export interface ChainProblem {
  sheetId: string;
  slug: string;
  number: number;
  problem: string;
}

/**
 * Recomputes every sheet's hash chain from the stored content: a version whose content, number or
 * order was changed behind the application's back no longer hashes to its recorded hash, or no
 * longer links to the version before it. Reads one sheet's versions at a time, in number order.
 */
export async function verifyChains(db: Db): Promise<{ sheets: number; versions: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let sheets = 0;
  let versions = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.factSheet.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: 100, select: { id: true, slug: true } });
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    for (const sheet of batch) {
      sheets++;
      const rows = await db.factSheetSnapshot.findMany({
        where: { factSheetId: sheet.id },
        orderBy: { number: "asc" },
        select: { number: true, content: true, contentHash: true, previousHash: true },
      });
      let previous: string | null = null;
      rows.forEach((row, i) => {
        versions++;
        const report = (problem: string) => problems.push({ sheetId: sheet.id, slug: sheet.slug, number: row.number, problem });
        if (row.number !== i + 1) report(`is numbered ${row.number} but is version ${i + 1} in order`);
        if (row.previousHash !== previous) report("does not link to the hash of the version before it");
        const content = row.content as unknown as SnapshotContent;
        if (content?.number !== row.number) report(`holds content numbered ${String(content?.number)}`);
        const expected = contentHash(content, previous);
        if (expected !== row.contentHash) report("content does not match its recorded hash (changed after publication)");
        previous = row.contentHash;
      });
    }
  }
  return { sheets, versions, problems };
}
