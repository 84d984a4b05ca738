import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { authorize, type Actor } from "./authorize";
import { db } from "./db";

const listSelect = {
  id: true,
  statement: true,
  kind: true,
  status: true,
  valueLow: true,
  valueHigh: true,
  valueBest: true,
  unit: true,
  ratePeriod: true,
  asOf: true,
  asOfPrecision: true,
  periodStart: true,
  periodEnd: true,
  eventDate: true,
  eventDatePrecision: true,
  createdAt: true,
  updatedAt: true,
  metric: { select: { id: true, name: true } },
} as const;

/** Newest first, one keyset page; `sourceCount` counts distinct sources cited. */
export async function listClaims(actor: Actor, options: { limit: number; cursor?: string }) {
  authorize(actor, "claims:read");
  const after = decodeCursor(options.cursor);
  // A row comparison walks the (created_at, id) index straight to the page, however deep it is.
  const keys = after
    ? await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM claims WHERE (created_at, id) < (${after.createdAt}, ${after.id}::uuid)
        ORDER BY created_at DESC, id DESC LIMIT ${options.limit + 1}`
    : await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM claims ORDER BY created_at DESC, id DESC LIMIT ${options.limit + 1}`;
  const found = await db.claim.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: listSelect });
  const byId = new Map(found.map((c) => [c.id, c]));
  const rows = keys.flatMap((k) => byId.get(k.id) ?? []);
  const page = rows.slice(0, options.limit);
  const pairs = page.length
    ? await db.citation.groupBy({ by: ["claimId", "sourceId"], where: { claimId: { in: page.map((c) => c.id) } } })
    : [];
  const sourceCounts = new Map<string, number>();
  for (const p of pairs) sourceCounts.set(p.claimId, (sourceCounts.get(p.claimId) ?? 0) + 1);
  const last = page.at(-1);
  return {
    items: page.map((c) => ({ ...c, sourceCount: sourceCounts.get(c.id) ?? 0 })),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null,
  };
}

export type ClaimListItem = Awaited<ReturnType<typeof listClaims>>["items"][number];

/** One claim with everything its page shows, or null. */
export async function getClaim(actor: Actor, id: string) {
  authorize(actor, "claims:read");
  return db.claim.findUnique({
    where: { id },
    include: {
      metric: { select: { id: true, name: true, unit: true } },
      event: { select: { id: true, name: true } },
      speaker: { select: { id: true, name: true, description: true } },
      assignee: { select: { id: true, name: true } },
      contentClaim: { select: { id: true, statement: true, status: true } },
      statementsOf: { select: { id: true, statement: true, status: true } },
      tags: { select: { tag: { select: { name: true } } } },
      citations: {
        orderBy: { createdAt: "asc" },
        include: {
          source: { select: { id: true, title: true, outlet: true, url: true, kind: true, publishedAt: true, publishedPrecision: true, publishedApprox: true } },
          chain: { orderBy: { position: "asc" }, include: { actor: { select: { id: true, name: true, kind: true, description: true } } } },
        },
      },
      statusChanges: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
      annotations: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        include: { author: { select: { name: true } } },
      },
    },
  });
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaim>>>;
