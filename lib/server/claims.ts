import "server-only";
import { decodeCursor, encodeCursor, keysetPage } from "@/lib/pagination";
import { reviewStateOfFilter, type ReviewState } from "@/lib/review-state";
import type { ClaimFilters, ClaimSort } from "@/lib/schemas/claim-filters";
import { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { claimValueSelect } from "./claim-sources";
import { db } from "./db";

const ORDER: Record<ClaimSort, { column: Prisma.Sql; descending: boolean }> = {
  newest: { column: Prisma.sql`c.created_at`, descending: true },
  oldest: { column: Prisma.sql`c.created_at`, descending: false },
  updated: { column: Prisma.sql`c.updated_at`, descending: true },
};

/** Above this many matches the list says "10,000+": counting further would cost more than it tells. */
export const COUNT_CAP = 10_000;

/** The WHERE conditions for a view; every one is served by an index (see the migrations). */
function conditions(user: SessionUser, f: ClaimFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (f.status) where.push(Prisma.sql`c.status = ${f.status}::"ClaimStatus"`);
  if (f.kind) where.push(Prisma.sql`c.kind = ${f.kind}::"ClaimKind"`);
  if (f.metric) where.push(Prisma.sql`c.metric_id = ${f.metric}::uuid`);
  if (f.assignee === "none") where.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (f.assignee) where.push(Prisma.sql`c.assignee_id = ${f.assignee === "me" ? user.id : f.assignee}::uuid`);
  if (f.tag) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id AND t.name = ${f.tag})`);
  }
  if (f.source) where.push(Prisma.sql`EXISTS (SELECT 1 FROM citations ci WHERE ci.claim_id = c.id AND ci.source_id = ${f.source}::uuid)`);
  if (f.conflict === "open") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.status = 'OPEN')`);
  }
  if (f.review) where.push(reviewCondition(f.review));
  if (f.q) {
    // Statement and quotes in one stored vector (GIN claims_search_vector_idx, kept by triggers).
    where.push(Prisma.sql`c.search_vector @@ websearch_to_tsquery('english', ${f.q})`);
  }
  return where;
}

/**
 * Claims in review by where they stand: the stored review state (claims.review_state, kept by the
 * database's one rule, lib/review-state.ts), on claims_review_state_created_at_id_idx.
 */
function reviewCondition(review: string): Prisma.Sql {
  return Prisma.sql`c.review_state = ${reviewStateOfFilter(review) ?? "WAITING"}::"ReviewState"`;
}

/** Where each of these claims stands with its reviewers, for pages that list claims of their own. */
export async function reviewStatesOf(user: SessionUser, claimIds: string[]) {
  authorize(user, "claims:read");
  const ids = [...new Set(claimIds)];
  if (!ids.length) return new Map<string, ReviewState | null>();
  const claims = await db.claim.findMany({ where: { id: { in: ids }, reviewState: { not: null } }, select: { id: true, reviewState: true } });
  return new Map(claims.map((c) => [c.id, c.reviewState]));
}

const whereClause = (where: Prisma.Sql[]) => (where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty);

/** The WHERE clause (on `claims c`) of a claims-list view, for other queries over the same view (adding it to a fact sheet). */
export const claimViewWhere = (user: SessionUser, filters: ClaimFilters) => whereClause(conditions(user, filters));

/** The ORDER BY of a claims-list view, served by the same indexes as its pages. */
export function claimViewOrder(sort: ClaimSort): Prisma.Sql {
  const order = ORDER[sort];
  const direction = order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`ORDER BY ${order.column} ${direction}, c.id ${direction}`;
}

/** The claim columns a list row shows, as Prisma names them. */
const listScalars = {
  id: true,
  statement: true,
  kind: true,
  status: true,
  ...claimValueSelect,
  version: true,
  reviewState: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ClaimSelect;

type ListRow = Prisma.ClaimGetPayload<{ select: typeof listScalars }> & {
  metricId: string | null;
  metricName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  sourceCount: number;
  hasOpenConflict: boolean;
};

/**
 * One keyset page of the claims a view selects. The cursor holds the sort key of the last row
 * (created_at, or updated_at for "recently changed") and its id, so page 500 costs what page 1 does.
 * One round trip: the page's keys on the view's index, then per row its metric, assignee, number of
 * distinct sources and whether an open conflict names it (each an indexed probe).
 */
export async function listClaims(user: SessionUser, filters: Partial<ClaimFilters> & { limit: number }) {
  authorize(user, "claims:read");
  const f: ClaimFilters = { sort: "newest", ...filters };
  const order = ORDER[f.sort];
  const where = conditions(user, f);
  const after = decodeCursor(f.cursor);
  if (after) {
    where.push(
      order.descending
        ? Prisma.sql`(${order.column}, c.id) < (${after.createdAt}, ${after.id}::uuid)`
        : Prisma.sql`(${order.column}, c.id) > (${after.createdAt}, ${after.id}::uuid)`,
    );
  }
  const direction = order.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db.$queryRaw<ListRow[]>`
    WITH keys AS (
      SELECT c.id FROM claims c ${whereClause(where)}
      ORDER BY ${order.column} ${direction}, c.id ${direction} LIMIT ${f.limit + 1}
    )
    SELECT c.id, c.statement, c.kind::text AS kind, c.status::text AS status,
           c.value_low AS "valueLow", c.value_high AS "valueHigh", c.value_best AS "valueBest", c.unit,
           c.rate_period::text AS "ratePeriod", c.as_of AS "asOf", c.as_of_precision::text AS "asOfPrecision",
           c.period_start AS "periodStart", c.period_end AS "periodEnd",
           c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision",
           c.version, c.review_state::text AS "reviewState", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
           m.id AS "metricId", m.name AS "metricName", u.id AS "assigneeId", u.name AS "assigneeName",
           (SELECT count(DISTINCT q.source_id)::int FROM citations q WHERE q.claim_id = c.id) AS "sourceCount",
           -- A scalar subquery, not EXISTS: PostgreSQL may answer an EXISTS here with one hashed
           -- pass over every open conflict (8 ms at 5,000 conflicts, a page); this reads the
           -- page's own claims through conflict_claims(claim_id) instead (0.5 ms).
           coalesce((SELECT true FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.status = 'OPEN' LIMIT 1), false) AS "hasOpenConflict"
    FROM keys JOIN claims c ON c.id = keys.id
    LEFT JOIN metrics m ON m.id = c.metric_id
    LEFT JOIN users u ON u.id = c.assignee_id
    ORDER BY ${order.column} ${direction}, c.id ${direction}`;
  const { page, nextCursor } = keysetPage(rows, f.limit, (last) => encodeCursor({ createdAt: f.sort === "updated" ? last.updatedAt : last.createdAt, id: last.id }));
  return {
    items: page.map(({ metricId, metricName, assigneeId, assigneeName, sourceCount, hasOpenConflict, ...c }) => ({
      ...c,
      metric: metricId ? { id: metricId, name: metricName! } : null,
      assignee: assigneeId ? { id: assigneeId, name: assigneeName! } : null,
      sourceCount,
      hasOpenConflict,
    })),
    nextCursor,
  };
}

/** How many claims a view selects, counted up to COUNT_CAP + 1. */
export async function countClaims(user: SessionUser, filters: Partial<ClaimFilters>) {
  authorize(user, "claims:read");
  const where = conditions(user, { sort: "newest", limit: 1, ...filters });
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM claims c ${whereClause(where)} LIMIT ${COUNT_CAP + 1}) capped`;
  const n = row?.n ?? 0;
  return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

export type ClaimListItem = Awaited<ReturnType<typeof listClaims>>["items"][number];

/** One claim with everything its page shows, or null. */
export async function getClaim(user: SessionUser, id: string) {
  authorize(user, "claims:read");
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
      notes: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        include: { author: { select: { name: true } } },
      },
      reviews: { orderBy: { sequence: "desc" }, take: 50, include: { reviewer: { select: { name: true } } } },
      comments: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        take: 500,
        include: { author: { select: { name: true } }, resolvedBy: { select: { name: true } } },
      },
    },
  });
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaim>>>;

/** The names behind the ids a claims view filters on, for its "Metric: …" and "Source: …" chips. */
export async function filterNames(user: SessionUser, ids: { metric?: string; source?: string; assignee?: string }) {
  authorize(user, "claims:read");
  const [metric, source, assignee] = await Promise.all([
    ids.metric ? db.metric.findUnique({ where: { id: ids.metric }, select: { name: true } }) : null,
    ids.source ? db.source.findUnique({ where: { id: ids.source }, select: { title: true } }) : null,
    ids.assignee ? db.user.findUnique({ where: { id: ids.assignee }, select: { name: true } }) : null,
  ]);
  return { metric: metric?.name, source: source?.title, assignee: assignee?.name };
}
