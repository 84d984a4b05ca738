import "server-only";
import { conflictTitle, sourceGroup } from "@/lib/conflicts/title";
import { decodeCursor, encodeCursor, keysetPage } from "@/lib/pagination";
import type { ConflictListQuery, DecideConflictValues, FlagConflictValues } from "@/lib/schemas/conflict";
import type { Prisma } from "@/prisma/client";
import { splitScopeOf } from "@/lib/conflicts/split-scope";
import { isRetracted } from "@/lib/status";
import { authorize, type SessionUser } from "./authorize";
import { changesSince } from "./changes";
import { lockClaims, reviseClaim, reviseClaims } from "./claim-revision";
import { currentSignatures, detectConflicts, lockScopes } from "./conflicts/detect-on-save";
import { applyRanks, saveLinks } from "./conflicts/store-and-reconcile";
import { db } from "./db";
import { isUniqueViolation } from "./named-rows";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

const listSelect = {
  id: true, kind: true, severity: true, status: true, summary: true, createdAt: true, updatedAt: true, detail: true,
  claims: {
    select: {
      claim: {
        select: {
          id: true, statement: true, status: true, rank: true, kind: true, valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true,
          eventDate: true, eventDatePrecision: true, metric: { select: { name: true } }, event: { select: { name: true } },
        },
      },
    },
  },
} satisfies Prisma.ConflictSelect;

type ListedConflict = Prisma.ConflictGetPayload<{ select: typeof listSelect }>;

/**
 * A list's view of conflicts: each titled by what it is about, and a statement-date question
 * keyed by the sources that date it, so the questions one pair of articles raises group together.
 */
async function titled(rows: ListedConflict[]) {
  const citationIds = rows.flatMap((r) => (r.kind === "STATEMENT_DATE" ? ((r.detail as { dates?: { citationId: string }[] } | null)?.dates ?? []).map((d) => d.citationId) : []));
  const citations = citationIds.length
    ? await db.citation.findMany({ where: { id: { in: citationIds } }, select: { id: true, source: { select: { id: true, title: true } } } })
    : [];
  const sourceOf = new Map(citations.map((c) => [c.id, c.source]));
  return rows.map(({ detail, ...r }) => {
    const dates = r.kind === "STATEMENT_DATE" ? ((detail as { dates?: { citationId: string }[] } | null)?.dates ?? []) : [];
    return {
      ...r,
      title: conflictTitle(r.kind, r.claims.map((c) => c.claim)),
      group: sourceGroup(dates.flatMap((d) => sourceOf.get(d.citationId) ?? [])),
    };
  });
}

/** One page of conflicts in one status (and kind), newest first, keyset-paged. */
export async function listConflicts(user: SessionUser, q: ConflictListQuery) {
  authorize(user, "claims:read");
  const cursor = decodeCursor(q.cursor);
  const rows = await db.conflict.findMany({
    where: {
      status: q.status,
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: listSelect,
  });
  const { page, nextCursor } = keysetPage(rows, q.limit, (last) => encodeCursor({ createdAt: last.createdAt, id: last.id }));
  return { items: await titled(page), nextCursor };
}
export type ConflictListItem = Awaited<ReturnType<typeof listConflicts>>["items"][number];

/** How many conflicts each status holds, for the tabs and the dashboard. */
export async function countConflicts(user: SessionUser, kind?: ConflictListQuery["kind"], severity?: ConflictListQuery["severity"]) {
  authorize(user, "claims:read");
  const groups = await db.conflict.groupBy({ by: ["status"], where: { ...(kind ? { kind } : {}), ...(severity ? { severity } : {}) }, _count: { _all: true } });
  const counts = { OPEN: 0, RESOLVED: 0, DISMISSED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

export async function getConflict(user: SessionUser, id: string) {
  authorize(user, "claims:read");
  return db.conflict.findUnique({
    where: { id },
    include: {
      createdBy: { select: { name: true } },
      claims: {
        orderBy: { claimId: "asc" },
        include: {
          claim: {
            include: {
              metric: { select: { id: true, name: true, unit: true } },
              event: { select: { id: true, name: true } },
              speaker: { select: { id: true, name: true } },
              citations: {
                orderBy: { createdAt: "asc" },
                include: {
                  source: { select: { id: true, title: true, outlet: true, url: true, kind: true, publishedAt: true, publishedPrecision: true, publishedApprox: true } },
                  chain: { orderBy: { position: "asc" }, include: { actor: { select: { id: true, name: true, kind: true, description: true } } } },
                },
              },
            },
          },
        },
      },
      decisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, include: { actor: { select: { name: true } }, preferredClaim: { select: { id: true, statement: true } } } },
      acknowledgements: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50, include: { actor: { select: { name: true } } } },
    },
  });
}
export type ConflictDetail = NonNullable<Awaited<ReturnType<typeof getConflict>>>;

/** The conflicts a claim is in, open first, for its page. */
export async function conflictsOfClaim(user: SessionUser, claimId: string) {
  authorize(user, "claims:read");
  const rows = await db.conflict.findMany({
    where: { claims: { some: { claimId } } },
    // Open first (the enum's order), so an open conflict is never pushed off the page by decided ones.
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { ...listSelect, decisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { action: true, note: true, preferredClaimId: true } } },
  });
  return rows;
}

/** Any editor or reviewer may say that claims cannot all hold, with a reason. */
export async function flagConflict(user: SessionUser, input: FlagConflictValues, tx?: Tx) {
  authorize(user, "conflicts:flag");
  return inTransaction(user, async (tx, audit) => {
    // Serialised with verification of the same claims: a flag lands before a verification or after it.
    await lockClaims(tx, input.claimIds);
    const found = await currentSignatures(tx, input.claimIds);
    if (found.size !== input.claimIds.length) return refuse("A chosen claim no longer exists.", { fieldErrors: { claimIds: ["Choose claims from the list."] } });
    const conflict = await tx.conflict.create({
      data: {
        kind: "MANUAL",
        summary: input.reason,
        createdById: user.id,
      },
      select: { id: true },
    });
    await saveLinks(tx, conflict.id, input.claimIds.map((claimId) => ({ claimId, claimVersion: found.get(claimId)!.version, signature: found.get(claimId)!.signature })));
    audit({ action: "conflict.flag", entityType: "Conflict", entityId: conflict.id, after: { kind: "MANUAL", claimIds: input.claimIds, reason: input.reason } });
    return ok({ id: conflict.id });
  }, { tx });
}

const STATUS_AFTER = { PREFER: "RESOLVED", DIFFERENT_SCOPES: "RESOLVED", SETTLE: "RESOLVED", DISMISS: "DISMISSED", REOPEN: "OPEN" } as const;

/**
 * An editor's decision on a conflict: prefer one claim (the others are deprecated), mark them as
 * different scopes (optionally moving some claims to a new metric or event), settle a question,
 * dismiss it, or reopen it. Each decision is a new row: the record keeps every earlier one, and a
 * later decision reverses an earlier one.
 */
export async function decideConflict(user: SessionUser, input: DecideConflictValues, tx?: Tx) {
  authorize(user, "conflicts:resolve");
  return inTransaction(user, async (tx, audit) => {
    // Claim rows first, as every save takes them: then scopes, then the conflict row.
    await lockClaims(tx, (await tx.conflictClaim.findMany({ where: { conflictId: input.conflictId }, select: { claimId: true } })).map((c) => c.claimId));
    const conflict = await tx.conflict.findUnique({
      where: { id: input.conflictId },
      select: {
        id: true, kind: true, status: true, version: true,
        claims: { select: { claim: { select: { id: true, kind: true, status: true, version: true, metricId: true, eventId: true, metric: { select: { name: true, unit: true } }, event: { select: { name: true } } } } } },
      },
    });
    if (!conflict) return refuse("This conflict does not exist.");
    // The same order of locks as detection on save takes: scopes first, then the conflict row.
    await lockScopes(tx, conflict.claims.map((c) => c.claim));
    if (conflict.version !== input.version) {
      return refuse(staleMessage("conflict"), { stale: true, changes: await changesSince(tx, "Conflict", conflict.id, input.version) });
    }
    const claims = conflict.claims.map((c) => c.claim);
    const ids = new Set(claims.map((c) => c.id));
    const field = (name: string, message: string) => refuse(message, { fieldErrors: { [name]: [message] } });
    if (input.action === "REOPEN" && conflict.status === "OPEN") return field("action", "This conflict is already open.");
    if (input.action === "PREFER") {
      if (claims.length < 2) return field("action", "This conflict has one claim: settle it or dismiss it.");
      if (!ids.has(input.preferredClaimId!)) return field("preferredClaimId", "Choose one of this conflict's claims.");
    }

    const scope: { metricId?: string; eventId?: string; moved: string[] } = { moved: [] };
    if (input.action === "DIFFERENT_SCOPES" && input.scopeName) {
      const moving = claims.filter((c) => input.movingClaimIds.includes(c.id));
      if (moving.length !== input.movingClaimIds.length) return field("movingClaimIds", "Choose claims of this conflict.");
      if (moving.length === claims.length) return field("movingClaimIds", "Leave at least one claim where it is: move only the claims that measure something else.");
      const first = moving[0]!;
      const splitBy = splitScopeOf(moving);
      const byMetric = splitBy === "metric";
      if (!splitBy) return field("movingClaimIds", "Only claims on one metric or one event can move to a new scope.");
      try {
        if (byMetric) {
          const metric = await tx.metric.create({
            data: { name: input.scopeName!, unit: first.metric!.unit, description: `Split from “${first.metric!.name}”: ${input.note}`, createdById: user.id },
            select: { id: true, name: true, unit: true },
          });
          audit({ action: "metric.create", entityType: "Metric", entityId: metric.id, after: { ...metric, splitFrom: first.metricId, conflictId: conflict.id } });
          scope.metricId = metric.id;
        } else {
          const event = await tx.event.create({
            data: { name: input.scopeName!, description: `Split from “${first.event!.name}”: ${input.note}`, createdById: user.id },
            select: { id: true, name: true },
          });
          audit({ action: "event.create", entityType: "Event", entityId: event.id, after: { ...event, splitFrom: first.eventId, conflictId: conflict.id } });
          scope.eventId = event.id;
        }
      } catch (e) {
        if (isUniqueViolation(e)) return field("scopeName", `A ${byMetric ? "metric" : "event"} with this name already exists: choose another name.`);
        throw e;
      }
      for (const c of moving) {
        if (isRetracted(c)) return field("movingClaimIds", "A retracted claim cannot be moved: leave it where it is.");
        const data = byMetric ? { metricId: scope.metricId } : { eventId: scope.eventId };
        const revised = await reviseClaim(tx, user.id, c, c.version, data, { type: byMetric ? "metric.split" : "event.split" }, "The claim moved to a new scope when a conflict was resolved: back to review.");
        if (!revised) return refuse(staleMessage("claim"), { stale: true });
        audit({
          action: byMetric ? "claim.metric.split" : "claim.event.split",
          entityType: "Claim",
          entityId: c.id,
          before: { ...(byMetric ? { metricId: c.metricId } : { eventId: c.eventId }), version: c.version, status: c.status },
          after: { ...data, version: revised.version, status: revised.status, conflictId: conflict.id },
        });
        scope.moved.push(c.id);
      }
    }

    const status = STATUS_AFTER[input.action];
    const updated = await tx.conflict.updateMany({ where: { id: conflict.id, version: conflict.version }, data: { status, version: { increment: 1 } } });
    if (updated.count === 0) return refuse(staleMessage("conflict"), { stale: true });
    const decision = await tx.conflictDecision.create({
      data: {
        conflictId: conflict.id,
        action: input.action,
        preferredClaimId: input.action === "PREFER" ? input.preferredClaimId : null,
        scopeMetricId: scope.metricId ?? null,
        scopeEventId: scope.eventId ?? null,
        note: input.note,
        actorId: user.id,
      },
      select: { id: true },
    });
    // A decision changes what its claims rest on: their approvals lapse, and a decided one is reviewed again.
    await reviseClaims(tx, user.id, [...ids].filter((id) => !scope.moved.includes(id)), { type: "conflict.decision" }, "A conflict about the claim was decided: back to review.", audit);
    // Later changes are measured from what the claims say now.
    const signatures = await currentSignatures(tx, [...ids]);
    await saveLinks(tx, conflict.id, [...signatures].map(([claimId, s]) => ({ claimId, claimVersion: s.version, signature: s.signature })));
    await applyRanks(tx, [...ids]);
    // After a split, the claims that stayed and those that moved are compared again in their new company.
    if (scope.moved.length) await detectConflicts(tx, [...ids], user.id, audit);
    audit({
      action: "conflict.decide",
      entityType: "Conflict",
      entityId: conflict.id,
      before: { status: conflict.status, version: conflict.version },
      after: {
        status, version: conflict.version + 1, action: input.action, decisionId: decision.id, note: input.note,
        preferredClaimId: input.action === "PREFER" ? input.preferredClaimId : null, scopeMetricId: scope.metricId, scopeEventId: scope.eventId, movedClaimIds: scope.moved,
      },
    });
    return ok({ id: conflict.id, status, version: conflict.version + 1 });
  }, { tx });
}

