import "server-only";
import { jsonDate, jsonDateOrNull, type AsJson } from "@/lib/json-rows";
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

/**
 * What a claim's page shows with the claim, as a Prisma include: the shape its cards were written
 * against. `getClaim` reads it in one statement; tests/integration/claim-detail.test.ts holds that
 * read equal to Prisma's reading of this include.
 */
export const claimDetailInclude = {
  metric: { select: { id: true, name: true, unit: true } },
  event: { select: { id: true, name: true } },
  speaker: { select: { id: true, name: true, description: true } },
  assignee: { select: { id: true, name: true } },
  contentClaim: { select: { id: true, statement: true, status: true } },
  statementsOf: { select: { id: true, statement: true, status: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
  citations: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      source: { select: { id: true, title: true, outlet: true, url: true, kind: true, publishedAt: true, publishedPrecision: true, publishedApprox: true } },
      chain: { orderBy: { position: "asc" }, include: { actor: { select: { id: true, name: true, kind: true, description: true } } } },
    },
  },
  statusChanges: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
  notes: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
  reviews: { orderBy: { sequence: "desc" }, take: 50, include: { reviewer: { select: { name: true } } } },
  comments: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    include: { author: { select: { name: true } }, resolvedBy: { select: { name: true } } },
  },
} satisfies Prisma.ClaimInclude;

export type ClaimDetail = Prisma.ClaimGetPayload<{ include: typeof claimDetailInclude }>;

type ClaimDetailRow = Omit<ClaimDetail, "citations" | "statusChanges" | "notes" | "reviews" | "comments"> &
  AsJson<Pick<ClaimDetail, "citations" | "statusChanges" | "notes" | "reviews" | "comments">>;

/**
 * One claim with everything its page shows, or null. One statement, each relation gathered in SQL
 * through its index: Prisma's nested read of `claimDetailInclude` sent 22 (one a relation, empty
 * ones included), the largest part of the claim page's cost.
 */
export async function getClaim(user: SessionUser, id: string): Promise<ClaimDetail | null> {
  authorize(user, "claims:read");
  const [row] = await db.$queryRaw<ClaimDetailRow[]>`/* prepared: claim_detail */
    SELECT c.id, c.statement, c.kind::text AS kind, c.status::text AS status, c.rank::text AS rank,
           c.metric_id AS "metricId", c.value_low AS "valueLow", c.value_high AS "valueHigh", c.value_best AS "valueBest", c.unit,
           c.rate_period::text AS "ratePeriod", c.as_of AS "asOf", c.as_of_precision::text AS "asOfPrecision",
           c.period_start AS "periodStart", c.period_end AS "periodEnd", c.period_text AS "periodText", c.approximate,
           c.event_id AS "eventId", c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision",
           c.speaker_id AS "speakerId", c.content_claim_id AS "contentClaimId", c.assignee_id AS "assigneeId",
           c.verification_rule::text AS "verificationRule", c.verification_note AS "verificationNote",
           c.created_by_id AS "createdById", c.basis_version AS "basisVersion", c.basis_editor_id AS "basisEditorId",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.version, c.review_state::text AS "reviewState",
           (SELECT json_build_object('id', m.id, 'name', m.name, 'unit', m.unit) FROM metrics m WHERE m.id = c.metric_id) AS metric,
           (SELECT json_build_object('id', e.id, 'name', e.name) FROM events e WHERE e.id = c.event_id) AS event,
           (SELECT json_build_object('id', a.id, 'name', a.name, 'description', a.description) FROM actors a WHERE a.id = c.speaker_id) AS speaker,
           (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = c.assignee_id) AS assignee,
           (SELECT json_build_object('id', k.id, 'statement', k.statement, 'status', k.status) FROM claims k WHERE k.id = c.content_claim_id) AS "contentClaim",
           coalesce((SELECT json_agg(json_build_object('id', k.id, 'statement', k.statement, 'status', k.status) ORDER BY k.created_at, k.id)
                       FROM claims k WHERE k.content_claim_id = c.id), '[]') AS "statementsOf",
           coalesce((SELECT json_agg(json_build_object('tag', json_build_object('name', t.name)) ORDER BY t.name)
                       FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id), '[]') AS tags,
           coalesce((SELECT json_agg(json_build_object(
                       'id', q.id, 'claimId', q.claim_id, 'sourceId', q.source_id, 'quote', q.quote,
                       'startOffset', q.start_offset, 'endOffset', q.end_offset, 'stance', q.stance, 'isPrimary', q.is_primary,
                       'saidOn', q.said_on, 'saidPrecision', q.said_precision, 'saidText', q.said_text, 'note', q.note,
                       'createdById', q.created_by_id, 'createdAt', q.created_at, 'updatedAt', q.updated_at, 'version', q.version,
                       'source', (SELECT json_build_object('id', s.id, 'title', s.title, 'outlet', s.outlet, 'url', s.url, 'kind', s.kind,
                                                           'publishedAt', s.published_at, 'publishedPrecision', s.published_precision, 'publishedApprox', s.published_approx)
                                    FROM sources s WHERE s.id = q.source_id),
                       'chain', coalesce((SELECT json_agg(json_build_object(
                                            'id', l.id, 'citationId', l.citation_id, 'position', l.position, 'actorId', l.actor_id, 'relation', l.relation,
                                            'actor', json_build_object('id', a.id, 'name', a.name, 'kind', a.kind, 'description', a.description)) ORDER BY l.position)
                                            FROM attribution_links l JOIN actors a ON a.id = l.actor_id WHERE l.citation_id = q.id), '[]')
                     ) ORDER BY q.created_at, q.id) FROM citations q WHERE q.claim_id = c.id), '[]') AS citations,
           coalesce((SELECT json_agg(json_build_object(
                       'id', x.id, 'claimId', x.claim_id, 'fromStatus', x.from_status, 'toStatus', x.to_status, 'reason', x.reason,
                       'rule', x.rule, 'actorId', x.actor_id, 'createdAt', x.created_at, 'actor', json_build_object('name', u.name)) ORDER BY x.created_at, x.id)
                       FROM status_changes x JOIN users u ON u.id = x.actor_id WHERE x.claim_id = c.id), '[]') AS "statusChanges",
           coalesce((SELECT json_agg(json_build_object(
                       'id', n.id, 'claimId', n.claim_id, 'sourceId', n.source_id, 'body', n.body, 'quote', n.quote,
                       'startOffset', n.start_offset, 'endOffset', n.end_offset, 'authorId', n.author_id, 'deletedAt', n.deleted_at,
                       'createdAt', n.created_at, 'updatedAt', n.updated_at, 'version', n.version, 'author', json_build_object('name', u.name)) ORDER BY n.created_at, n.id)
                       FROM annotations n JOIN users u ON u.id = n.author_id WHERE n.claim_id = c.id AND n.deleted_at IS NULL), '[]') AS notes,
           coalesce((SELECT json_agg(json_build_object(
                       'id', r.id, 'sequence', r.sequence::text, 'claimId', r.claim_id, 'reviewerId', r.reviewer_id, 'decision', r.decision,
                       'note', r.note, 'claimVersion', r.claim_version, 'basisVersion', r.basis_version, 'createdAt', r.created_at,
                       'reviewer', json_build_object('name', u.name)) ORDER BY r.sequence DESC)
                       FROM (SELECT * FROM reviews WHERE claim_id = c.id ORDER BY sequence DESC LIMIT 50) r JOIN users u ON u.id = r.reviewer_id), '[]') AS reviews,
           coalesce((SELECT json_agg(json_build_object(
                       'id', o.id, 'claimId', o.claim_id, 'parentId', o.parent_id, 'body', o.body, 'authorId', o.author_id,
                       'resolvedAt', o.resolved_at, 'resolvedById', o.resolved_by_id, 'deletedAt', o.deleted_at,
                       'createdAt', o.created_at, 'updatedAt', o.updated_at, 'version', o.version,
                       'author', json_build_object('name', u.name),
                       'resolvedBy', (SELECT json_build_object('name', v.name) FROM users v WHERE v.id = o.resolved_by_id)) ORDER BY o.created_at, o.id)
                       FROM (SELECT * FROM comments WHERE claim_id = c.id AND deleted_at IS NULL ORDER BY created_at, id LIMIT 500) o JOIN users u ON u.id = o.author_id), '[]') AS comments
      FROM claims c
     WHERE c.id = ${id}::uuid`;
  if (!row) return null;
  return {
    ...row,
    citations: row.citations.map((q) => ({
      ...q,
      saidOn: jsonDateOrNull(q.saidOn),
      createdAt: jsonDate(q.createdAt),
      updatedAt: jsonDate(q.updatedAt),
      source: { ...q.source, publishedAt: jsonDateOrNull(q.source.publishedAt) },
    })),
    statusChanges: row.statusChanges.map((x) => ({ ...x, createdAt: jsonDate(x.createdAt) })),
    notes: row.notes.map((n) => ({ ...n, deletedAt: jsonDateOrNull(n.deletedAt), createdAt: jsonDate(n.createdAt), updatedAt: jsonDate(n.updatedAt) })),
    reviews: row.reviews.map((r) => ({ ...r, sequence: BigInt(r.sequence), createdAt: jsonDate(r.createdAt) })),
    comments: row.comments.map((o) => ({
      ...o,
      resolvedAt: jsonDateOrNull(o.resolvedAt),
      deletedAt: jsonDateOrNull(o.deletedAt),
      createdAt: jsonDate(o.createdAt),
      updatedAt: jsonDate(o.updatedAt),
    })),
  };
}

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
