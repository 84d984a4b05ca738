import "server-only";
import { claimSignature, findConflicts, INACTIVE_STATUSES } from "@/lib/conflicts/detect";
import { Prisma } from "@/prisma/client";
import { loadComparable, readComparable, type Audit, type Loaded, type Tx } from "./comparable-claims";
import { reconcile } from "./store-and-reconcile";

type Scoped = { kind: string; metricId?: string | null; eventId?: string | null };

/** What a claim is compared within: its metric (a quantity), its event (a date), or nothing. */
function scopeOf(c: Scoped): { metricId: string } | { eventId: string } | null {
  if (c.kind === "QUANTITY" && c.metricId) return { metricId: c.metricId };
  if (c.kind === "DATE" && c.eventId) return { eventId: c.eventId };
  return null;
}
const scopeKey = (c: Scoped) => {
  const scope = scopeOf(c);
  return scope === null ? null : "metricId" in scope ? `metric:${scope.metricId}` : `event:${scope.eventId}`;
};

/** Claims on the same metrics (quantities) and events (dates) as `claims`, through their indexes. */
async function loadPeers(tx: Tx, claims: readonly Loaded[]): Promise<Loaded[]> {
  const scopes = claims.map(scopeOf);
  const metricIds = [...new Set(scopes.flatMap((s) => (s && "metricId" in s ? [s.metricId] : [])))];
  const eventIds = [...new Set(scopes.flatMap((s) => (s && "eventId" in s ? [s.eventId] : [])))];
  const or: Prisma.Sql[] = [];
  if (metricIds.length) or.push(Prisma.sql`(c.metric_id = ANY(${metricIds}::uuid[]) AND c.kind = 'QUANTITY')`);
  if (eventIds.length) or.push(Prisma.sql`(c.event_id = ANY(${eventIds}::uuid[]) AND c.kind = 'DATE')`);
  if (!or.length) return [];
  const name = metricIds.length && eventIds.length ? "comparable_peers" : metricIds.length ? "comparable_peers_metric" : "comparable_peers_event";
  return readComparable(tx, name, Prisma.sql`(${Prisma.join(or, " OR ")}) AND c.status <> ALL(${[...INACTIVE_STATUSES]}::"ClaimStatus"[])`);
}

/**
 * Finds the conflicts of the claims just saved and brings the stored ones in line, inside the
 * saving transaction: a new conflict opens, a decided one reopens only when one of its claims
 * now says something else, and an open one that no longer holds is cleared. Looks only at the
 * claims of the same metric or event (indexed), never at all claims. `created`: the claims were
 * inserted by this transaction, so no conflict names them yet and none is left behind.
 */
export async function detectConflicts(tx: Tx, claimIds: readonly string[], actorId: string | null, audit: Audit, { created = false } = {}) {
  if (!claimIds.length) return;
  const focus = await loadComparable(tx, claimIds);
  // A claim that moved to another metric or event leaves its open conflicts behind, and only its
  // old company can clear them: the claims it shares an open conflict with, on a metric or event
  // none of the saved claims is on now, are compared again too.
  const scopes = new Set(focus.map(scopeKey));
  const partners = created ? [] : await tx.$queryRaw<{ id: string; kind: string; metric_id: string | null; event_id: string | null }[]>`
    SELECT DISTINCT k.id::text, k.kind::text, k.metric_id::text, k.event_id::text FROM conflict_claims mine
      JOIN conflicts c ON c.id = mine.conflict_id AND c.kind <> 'MANUAL' AND c.status = 'OPEN'
      JOIN conflict_claims other ON other.conflict_id = mine.conflict_id
      JOIN claims k ON k.id = other.claim_id
     WHERE mine.claim_id = ANY(${[...claimIds]}::uuid[]) AND other.claim_id <> ALL(${[...claimIds]}::uuid[])`;
  const away = partners.filter((p) => !scopes.has(scopeKey({ kind: p.kind, metricId: p.metric_id, eventId: p.event_id })));
  if (away.length) focus.push(...(await loadComparable(tx, away.map((p) => p.id))));
  await lockScopes(tx, focus);
  // Peers are read under the locks: a save on the same metric that committed meanwhile is seen.
  const peers = await loadPeers(tx, focus);
  await reconcile(tx, focus, peers, findConflicts(focus, peers), actorId, audit);
}

/**
 * Serialises detection per metric and event (transaction-scoped advisory locks, taken in one
 * order): two saves on one metric at once cannot each miss the other's figure.
 */
export async function lockScopes(tx: Tx, claims: readonly Scoped[]) {
  const keys = [...new Set(claims.map(scopeKey).filter((k): k is string => k !== null))].sort();
  for (const key of keys) await tx.$executeRaw`/* prepared: scope_lock */ SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** What each claim says now, as far as conflicts go: stored with a decision, so only later changes reopen it. */
export async function currentSignatures(tx: Tx, claimIds: readonly string[]): Promise<Map<string, { signature: string; version: number }>> {
  const claims = await loadComparable(tx, claimIds);
  return new Map(claims.map((c) => [c.id, { signature: claimSignature(c), version: c.version }]));
}
