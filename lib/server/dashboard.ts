import "server-only";
import { CLAIM_STATUSES } from "@/lib/status";
import type { ClaimStatus } from "@/lib/labels";
import { weekStart, weeklySeries } from "@/lib/weeks";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";

/** How many weeks the "verified over time" chart shows. */
export const VERIFIED_WEEKS = 12;

const claimLink = { select: { id: true, statement: true, status: true } } as const;

/** Everything the home page shows; each part is a short indexed read. */
export async function getDashboard(user: SessionUser, take = 8) {
  authorize(user, "claims:read");
  const now = new Date();
  const since = new Date(weekStart(now).getTime() - (VERIFIED_WEEKS - 1) * 7 * 86_400_000);
  const [byStatus, waiting, mine, openConflicts, conflicts, changes, comments, verified] = await Promise.all([
    db.claim.groupBy({ by: ["status"], _count: { _all: true } }),
    db.claim.findMany({
      where: { status: "IN_REVIEW" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, statement: true, status: true, assignee: { select: { name: true } } },
    }),
    db.claim.findMany({
      where: { assigneeId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, statement: true, status: true },
    }),
    db.conflict.count({ where: { status: "OPEN" } }),
    db.conflict.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, kind: true, summary: true, claims: { take: 3, select: { claim: claimLink } } },
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
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, take + 2);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const verifiedByWeek = weeklySeries(verified, now, VERIFIED_WEEKS);
  return { counts, total, waiting, mine, openConflicts, conflicts, activity, verifiedByWeek };
}
