import "server-only";
import { conflictTitle } from "@/lib/conflicts/title";
import { REVIEW_FILTERS } from "@/lib/review-state";
import type { ClaimFilters } from "@/lib/schemas/claim-filters";
import { CLAIM_STATUSES } from "@/lib/status";
import type { ClaimStatus } from "@/lib/labels";
import { weekStart, weeklySeries } from "@/lib/weeks";
import { authorize, type SessionUser } from "./authorize";
import { countClaims, listClaims } from "./claims";
import { db } from "./db";

/** How many weeks the "verified over time" chart shows. */
export const VERIFIED_WEEKS = 12;

const claimLink = { select: { id: true, statement: true, status: true } } as const;
const titleClaim = {
  select: { statement: true, kind: true, valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true, eventDate: true, eventDatePrecision: true, metric: { select: { name: true } }, event: { select: { name: true } } },
} as const;

/** The claims lists that ask something of the reader, each a claims-list view (its link shows them all). */
export const DASHBOARD_QUEUES = {
  waiting: { review: REVIEW_FILTERS.WAITING },
  ready: { review: REVIEW_FILTERS.APPROVED },
  sentBack: { review: REVIEW_FILTERS.SENT_BACK, assignee: "me" },
  mine: { assignee: "me" },
} as const satisfies Record<string, Partial<ClaimFilters>>;

/** Everything the home page shows; each part is a short indexed read. */
export async function getDashboard(user: SessionUser, take = 8) {
  authorize(user, "claims:read");
  const now = new Date();
  const since = new Date(weekStart(now).getTime() - (VERIFIED_WEEKS - 1) * 7 * 86_400_000);
  const queue = async (filters: Partial<ClaimFilters>) => {
    const [page, total] = await Promise.all([listClaims(user, { ...filters, limit: take }), countClaims(user, filters)]);
    return { items: page.items, ...total };
  };
  const [byStatus, waiting, ready, sentBack, mine, openConflicts, conflicts, changes, comments, reviews, decisions, verified] = await Promise.all([
    db.claim.groupBy({ by: ["status"], _count: { _all: true } }),
    queue(DASHBOARD_QUEUES.waiting),
    queue(DASHBOARD_QUEUES.ready),
    queue(DASHBOARD_QUEUES.sentBack),
    queue(DASHBOARD_QUEUES.mine),
    db.conflict.count({ where: { status: "OPEN" } }),
    db.conflict.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, kind: true, summary: true, claims: { take: 4, select: { claim: { select: { id: true, ...titleClaim.select } } } } },
    }),
    db.statusChange.findMany({
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, fromStatus: true, toStatus: true, reason: true, createdAt: true, actor: { select: { name: true } }, claim: claimLink },
    }),
    db.comment.findMany({
      where: { deletedAt: null },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } }, claim: claimLink },
    }),
    // Approvals and send-backs, newest first on reviews_created_at_idx.
    db.review.findMany({
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, decision: true, note: true, createdAt: true, reviewer: { select: { name: true } }, claim: claimLink },
    }),
    // Editors' decisions on conflicts (not Factdesk's own reopen and clear), on conflict_decisions_created_at_idx.
    db.conflictDecision.findMany({
      where: { actorId: { not: null } },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        action: true,
        note: true,
        createdAt: true,
        actor: { select: { name: true } },
        conflict: { select: { id: true, kind: true, claims: { take: 4, select: { claim: titleClaim } } } },
      },
    }),
    // Claims verified per week (Monday, UTC): a range read on the created_at index.
    db.$queryRaw<{ week: Date; count: number }[]>`
      SELECT date_trunc('week', created_at AT TIME ZONE 'UTC') AS week, count(DISTINCT claim_id)::int AS count
      FROM status_changes
      WHERE created_at >= ${since} AND to_status = 'VERIFIED'
      GROUP BY 1`,
  ]);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of byStatus) counts[row.status] = row._count._all;
  const activity = [
    ...changes.map((c) => ({ type: "status" as const, at: c.createdAt, who: c.actor.name, claim: c.claim, from: c.fromStatus, to: c.toStatus, text: c.reason, id: c.id })),
    ...comments.map((c) => ({ type: "comment" as const, at: c.createdAt, who: c.author.name, claim: c.claim, text: c.body, id: c.id })),
    ...reviews.map((r) => ({ type: "review" as const, at: r.createdAt, who: r.reviewer.name, claim: r.claim, decision: r.decision, text: r.note, id: r.id })),
    ...decisions.map((d) => ({
      type: "decision" as const,
      at: d.createdAt,
      who: d.actor?.name ?? "Factdesk",
      conflict: { id: d.conflict.id, title: conflictTitle(d.conflict.kind, d.conflict.claims.map((c) => c.claim)) },
      action: d.action,
      text: d.note,
      id: d.id,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, take + 2);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const verifiedByWeek = weeklySeries(verified, now, VERIFIED_WEEKS);
  const openConflictList = conflicts.map((c) => ({ id: c.id, summary: c.summary, title: conflictTitle(c.kind, c.claims.map((x) => x.claim)), claims: c.claims.map((x) => x.claim) }));
  return { counts, total, waiting, ready, sentBack, mine, openConflicts, conflicts: openConflictList, activity, verifiedByWeek };
}
export type DashboardActivity = Awaited<ReturnType<typeof getDashboard>>["activity"][number];
