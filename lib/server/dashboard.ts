import "server-only";
import { conflictTitle, type TitleClaim } from "@/lib/conflicts/title";
import { REVIEW_FILTERS } from "@/lib/review-state";
import type { ClaimFilters } from "@/lib/schemas/claim-filters";
import { CLAIM_STATUSES } from "@/lib/status";
import type { ClaimStatus } from "@/lib/labels";
import { Prisma, type ConflictAction, type ReviewDecision } from "@/prisma/client";
import { weekStart, weeklySeries } from "@/lib/weeks";
import { authorize, type SessionUser } from "./authorize";
import { countClaims, listClaims } from "./claims";
import { db } from "./db";

/** How many weeks the "verified over time" chart shows. */
export const VERIFIED_WEEKS = 12;

/** What a conflict's title reads of a claim (lib/conflicts/title.ts), as SQL columns on `c` (claims), `m` (metrics) and `e` (events). */
const TITLE_CLAIM_COLUMNS = Prisma.sql`c.statement, c.kind::text AS kind, c.value_low AS "valueLow", c.value_high AS "valueHigh", c.value_best AS "valueBest",
  c.unit, c.rate_period::text AS "ratePeriod", c.event_date AS "eventDate", c.event_date_precision::text AS "eventDatePrecision",
  m.name AS "metricName", e.name AS "eventName"`;

type TitleClaimRow = Omit<TitleClaim, "metric" | "event"> & { metricName: string | null; eventName: string | null };

/**
 * The first four claims of each conflict (by claim id, the order its primary key gives), each with
 * what its title needs: one query for any number of conflicts, where Prisma's nested read took five.
 */
async function titlesOf(listed: { id: string; kind: string }[]): Promise<Map<string, string>> {
  const conflicts = [...new Map(listed.map((k) => [k.id, k])).values()];
  if (!conflicts.length) return new Map();
  const rows = await db.$queryRaw<(TitleClaimRow & { conflictId: string })[]>`
    SELECT k.id AS "conflictId", ${TITLE_CLAIM_COLUMNS}
    FROM unnest(${conflicts.map((k) => k.id)}::uuid[]) AS k(id)
    CROSS JOIN LATERAL (SELECT cc.claim_id FROM conflict_claims cc WHERE cc.conflict_id = k.id ORDER BY cc.claim_id LIMIT 4) cc
    JOIN claims c ON c.id = cc.claim_id LEFT JOIN metrics m ON m.id = c.metric_id LEFT JOIN events e ON e.id = c.event_id
    ORDER BY k.id, cc.claim_id`;
  const claimsOf = new Map<string, TitleClaim[]>();
  for (const { conflictId, metricName, eventName, ...claim } of rows) {
    const list = claimsOf.get(conflictId) ?? [];
    list.push({ ...claim, metric: metricName === null ? null : { name: metricName }, event: eventName === null ? null : { name: eventName } });
    claimsOf.set(conflictId, list);
  }
  return new Map(conflicts.map((k) => [k.id, conflictTitle(k.kind, claimsOf.get(k.id) ?? [])]));
}

/** The claims lists that ask something of the reader, each a claims-list view (its link shows them all). */
export const DASHBOARD_QUEUES = {
  waiting: { review: REVIEW_FILTERS.WAITING },
  ready: { review: REVIEW_FILTERS.APPROVED },
  sentBack: { review: REVIEW_FILTERS.SENT_BACK, assignee: "me" },
  mine: { assignee: "me" },
} as const satisfies Record<string, Partial<ClaimFilters>>;

type ActivityRow = { id: string; at: Date; who: string; claimId: string; statement: string; claimStatus: ClaimStatus; text: string | null } & (
  | { type: "status"; from: ClaimStatus | null; to: ClaimStatus }
  | { type: "comment" }
  | { type: "review"; decision: ReviewDecision }
);

function activityOf(r: ActivityRow) {
  const base = { at: r.at, who: r.who, claim: { id: r.claimId, statement: r.statement, status: r.claimStatus }, text: r.text, id: r.id };
  if (r.type === "status") return { ...base, type: r.type, from: r.from, to: r.to, text: r.text! };
  if (r.type === "review") return { ...base, type: r.type, decision: r.decision };
  return { ...base, type: r.type, text: r.text! };
}

/** Everything the home page shows; each part is a short indexed read. */
export async function getDashboard(user: SessionUser, take = 8) {
  authorize(user, "claims:read");
  const now = new Date();
  const since = new Date(weekStart(now).getTime() - (VERIFIED_WEEKS - 1) * 7 * 86_400_000);
  const queue = async (filters: Partial<ClaimFilters>) => {
    const [page, total] = await Promise.all([listClaims(user, { ...filters, limit: take }), countClaims(user, filters)]);
    return { items: page.items, ...total };
  };
  const [byStatus, waiting, ready, sentBack, mine, openConflicts, conflicts, recent, decisions, verified] = await Promise.all([
    // Kept by a trigger in every write's transaction (migration claim_status_counts): six rows, not a count of the claims.
    db.claimStatusCount.findMany({ select: { status: true, count: true } }),
    queue(DASHBOARD_QUEUES.waiting),
    queue(DASHBOARD_QUEUES.ready),
    queue(DASHBOARD_QUEUES.sentBack),
    queue(DASHBOARD_QUEUES.mine),
    db.conflict.count({ where: { status: "OPEN" } }),
    db.conflict.findMany({ where: { status: "OPEN" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 5, select: { id: true, kind: true, summary: true } }),
    // Status changes, comments and reviews, the newest of each (each on its created_at index), in one
    // round trip; each side takes its newest rows before joining, so no join runs over the whole table.
    db.$queryRaw<ActivityRow[]>`
      (SELECT 'status' AS type, sc.id, sc.created_at AS at, u.name AS who, c.id AS "claimId", c.statement, c.status::text AS "claimStatus",
              sc.from_status::text AS "from", sc.to_status::text AS "to", NULL AS decision, sc.reason AS text
         FROM (SELECT * FROM status_changes ORDER BY created_at DESC LIMIT ${take}) sc
         JOIN users u ON u.id = sc.actor_id JOIN claims c ON c.id = sc.claim_id)
      UNION ALL
      (SELECT 'comment', k.id, k.created_at, u.name, c.id, c.statement, c.status::text, NULL, NULL, NULL, k.body
         FROM (SELECT * FROM comments WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT ${take}) k
         JOIN users u ON u.id = k.author_id JOIN claims c ON c.id = k.claim_id)
      UNION ALL
      (SELECT 'review', r.id, r.created_at, u.name, c.id, c.statement, c.status::text, NULL, NULL, r.decision::text, r.note
         FROM (SELECT * FROM reviews ORDER BY created_at DESC LIMIT ${take}) r
         JOIN users u ON u.id = r.reviewer_id JOIN claims c ON c.id = r.claim_id)`,
    // Editors' decisions on conflicts (not Factdesk's own reopen and clear), on conflict_decisions_created_at_idx.
    db.$queryRaw<{ id: string; action: ConflictAction; note: string | null; createdAt: Date; who: string | null; conflictId: string; conflictKind: string }[]>`
      SELECT d.id, d.action::text AS action, d.note, d.created_at AS "createdAt", u.name AS who, k.id AS "conflictId", k.kind::text AS "conflictKind"
      FROM (SELECT * FROM conflict_decisions WHERE actor_id IS NOT NULL ORDER BY created_at DESC LIMIT ${take}) d
      JOIN conflicts k ON k.id = d.conflict_id LEFT JOIN users u ON u.id = d.actor_id
      ORDER BY d.created_at DESC`,
    // Claims verified per week (Monday, UTC): an index-only range read on status_changes_to_status_created_at_claim_id_idx.
    db.$queryRaw<{ week: Date; count: number }[]>`
      SELECT date_trunc('week', created_at AT TIME ZONE 'UTC') AS week, count(DISTINCT claim_id)::int AS count
      FROM status_changes
      WHERE created_at >= ${since} AND to_status = 'VERIFIED'
      GROUP BY 1`,
  ]);
  const titles = await titlesOf([...conflicts, ...decisions.map((d) => ({ id: d.conflictId, kind: d.conflictKind }))]);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of byStatus) counts[row.status] = row.count;
  const activity = [
    ...recent.map(activityOf),
    ...decisions.map((d) => ({
      type: "decision" as const,
      at: d.createdAt,
      who: d.who ?? "Factdesk",
      conflict: { id: d.conflictId, title: titles.get(d.conflictId)! },
      action: d.action,
      text: d.note,
      id: d.id,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, take + 2);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const verifiedByWeek = weeklySeries(verified, now, VERIFIED_WEEKS);
  const openConflictList = conflicts.map((c) => ({ id: c.id, summary: c.summary, title: titles.get(c.id)! }));
  return { counts, total, waiting, ready, sentBack, mine, openConflicts, conflicts: openConflictList, activity, verifiedByWeek };
}
export type DashboardActivity = Awaited<ReturnType<typeof getDashboard>>["activity"][number];
