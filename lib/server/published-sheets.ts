import "server-only";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";

const versionSelect = { number: true, title: true, publishedAt: true, contentHash: true, previousHash: true, changeNote: true } as const;

/** Sheets with at least one published version, in the order they were made, keyset by id. */
export async function listPublishedSheets(actor: SessionUser, options: { limit: number; cursor?: string }) {
  authorize(actor, "factsheets:read");
  const rows = await db.factSheet.findMany({
    where: { snapshots: { some: {} }, ...(options.cursor ? { id: { gt: options.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: options.limit + 1,
    select: { id: true, slug: true, title: true, snapshots: { orderBy: { number: "desc" }, take: 1, select: versionSelect } },
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(({ snapshots, ...sheet }) => {
      const v = snapshots[0]!;
      // The published title is the latest version's: a draft's new title is not public yet.
      return { ...sheet, title: v.title, latestVersion: { number: v.number, publishedAt: v.publishedAt.toISOString(), contentHash: v.contentHash } };
    }),
    nextCursor: rows.length > options.limit ? page.at(-1)!.id : null,
  };
}

/** One published sheet with every version's hash chain link, newest first; null when unpublished or unknown. */
export async function getPublishedSheet(actor: SessionUser, id: string) {
  authorize(actor, "factsheets:read");
  const sheet = await db.factSheet.findUnique({
    where: { id },
    select: { id: true, slug: true, snapshots: { orderBy: { number: "desc" }, take: 1000, select: versionSelect } },
  });
  if (!sheet || !sheet.snapshots.length) return null;
  return {
    id: sheet.id,
    slug: sheet.slug,
    title: sheet.snapshots[0]!.title,
    versions: sheet.snapshots.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  };
}
