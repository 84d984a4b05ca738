import "server-only";
import { claimSignature, findAllConflicts, findConflicts, fingerprint, INACTIVE_STATUSES, type DetectableClaim, type Finding } from "@/lib/conflicts/detect";
import type { Prisma, PrismaClient } from "@/prisma/client";
import { writeAudit, type AuditEntry } from "./audit";

type Tx = Prisma.TransactionClient;
type Audit = (entry: AuditEntry) => void;

/** The columns the comparator reads; citations only for attributed statements. */
const comparableSelect = {
  id: true, kind: true, status: true, version: true, metricId: true, eventId: true, valueLow: true, valueHigh: true, valueBest: true, unit: true,
  ratePeriod: true, asOf: true, asOfPrecision: true, periodStart: true, periodEnd: true, eventDate: true, eventDatePrecision: true,
} as const;

const citationSelect = {
  id: true, saidOn: true, saidPrecision: true, saidText: true,
  source: { select: { title: true, outlet: true, publishedAt: true, publishedPrecision: true } },
} as const;

type Loaded = DetectableClaim & { version: number };

const asDetectable = (c: Prisma.ClaimGetPayload<{ select: typeof comparableSelect }> & { citations?: DetectableClaim["citations"] }): Loaded => ({
  ...c,
  valueLow: c.valueLow?.toString() ?? null,
  valueHigh: c.valueHigh?.toString() ?? null,
  valueBest: c.valueBest?.toString() ?? null,
});

async function loadWithCitations(tx: Tx, where: Prisma.ClaimWhereInput): Promise<Loaded[]> {
  const claims = await tx.claim.findMany({ where, select: { ...comparableSelect, citations: { select: citationSelect } } });
  return claims.map((c) => ({ ...asDetectable(c), citations: c.kind === "ATTRIBUTED_STATEMENT" ? c.citations : undefined }));
}

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
  const or: Prisma.ClaimWhereInput[] = [];
  if (metricIds.length) or.push({ metricId: { in: metricIds }, kind: "QUANTITY" });
  if (eventIds.length) or.push({ eventId: { in: eventIds }, kind: "DATE" });
  if (!or.length) return [];
  const peers = await tx.claim.findMany({ where: { OR: or, status: { notIn: [...INACTIVE_STATUSES] } }, select: comparableSelect });
  return peers.map(asDetectable);
}

/**
 * Finds the conflicts of the claims just saved and brings the stored ones in line, inside the
 * saving transaction: a new conflict opens, a decided one reopens only when one of its claims
 * now says something else, and an open one that no longer holds is cleared. Looks only at the
 * claims of the same metric or event (indexed), never at all claims.
 */
export async function detectConflicts(tx: Tx, claimIds: readonly string[], actorId: string | null, audit: Audit) {
  if (!claimIds.length) return;
  const focus = await loadWithCitations(tx, { id: { in: [...claimIds] } });
  // A claim that moved to another metric or event leaves its open conflicts behind, and only its
  // old company can clear them: the claims it shares an open conflict with, on a metric or event
  // none of the saved claims is on now, are compared again too.
  const scopes = new Set(focus.map(scopeKey));
  const partners = await tx.$queryRaw<{ id: string; kind: string; metric_id: string | null; event_id: string | null }[]>`
    SELECT DISTINCT k.id::text, k.kind::text, k.metric_id::text, k.event_id::text FROM conflict_claims mine
      JOIN conflicts c ON c.id = mine.conflict_id AND c.kind <> 'MANUAL' AND c.status = 'OPEN'
      JOIN conflict_claims other ON other.conflict_id = mine.conflict_id
      JOIN claims k ON k.id = other.claim_id
     WHERE mine.claim_id = ANY(${[...claimIds]}::uuid[]) AND other.claim_id <> ALL(${[...claimIds]}::uuid[])`;
  const away = partners.filter((p) => !scopes.has(scopeKey({ kind: p.kind, metricId: p.metric_id, eventId: p.event_id })));
  if (away.length) focus.push(...(await loadWithCitations(tx, { id: { in: away.map((p) => p.id) } })));
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
  for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** What each claim says now, as far as conflicts go: stored with a decision, so only later changes reopen it. */
export async function currentSignatures(tx: Tx, claimIds: readonly string[]): Promise<Map<string, { signature: string; version: number }>> {
  const claims = await loadWithCitations(tx, { id: { in: [...claimIds] } });
  return new Map(claims.map((c) => [c.id, { signature: claimSignature(c), version: c.version }]));
}

/**
 * Stored automatic conflicts of these claims, and those the findings name, locked (in id order)
 * so that an editor's decision committing meanwhile is read, not overwritten.
 */
async function storedConflicts(tx: Tx, claimIds: readonly string[], fingerprints: readonly string[]) {
  // Ids first, by the claim index and the fingerprint index (a UNION, not an OR, so both are used)...
  const found = await tx.$queryRaw<{ id: string }[]>`
    SELECT conflict_id::text AS id FROM conflict_claims WHERE claim_id = ANY(${[...claimIds]}::uuid[])
    UNION
    SELECT id::text FROM conflicts WHERE fingerprint = ANY(${[...fingerprints]}::text[])`;
  if (!found.length) return [];
  // ...then the rows, locked in id order.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM conflicts WHERE id = ANY(${found.map((f) => f.id)}::uuid[]) AND kind <> 'MANUAL' ORDER BY id FOR UPDATE`;
  return tx.conflict.findMany({
    where: { id: { in: locked.map((l) => l.id) } },
    select: { id: true, kind: true, status: true, fingerprint: true, summary: true, version: true, claims: { select: { claimId: true, signature: true } } },
  });
}

type Link = { conflictId: string; claimId: string; claimVersion: number; signature: string };

/**
 * Brings stored conflicts in line with what was found, in a fixed number of statements however
 * many conflicts a save touches: creates, refreshes, reopenings and clearings are each written
 * in one batch.
 */
async function reconcile(tx: Tx, focus: readonly Loaded[], peers: readonly Loaded[], findings: readonly Finding[], actorId: string | null, audit: Audit) {
  const claims = new Map<string, Loaded>();
  for (const c of [...peers, ...focus]) claims.set(c.id, c);
  const signatures = new Map<string, string>();
  const signature = (id: string) => {
    let sig = signatures.get(id);
    if (sig === undefined) signatures.set(id, (sig = claimSignature(claims.get(id)!)));
    return sig;
  };
  const focusIds = new Set(focus.map((c) => c.id));
  const byPrint = new Map(findings.map((f) => [fingerprint(f.kind, f.claimIds), f]));
  const involved = new Set([...focusIds, ...findings.flatMap((f) => f.claimIds)]);
  const stored = await storedConflicts(tx, [...involved], [...byPrint.keys()]);
  const storedByPrint = new Map(stored.filter((s) => s.fingerprint).map((s) => [s.fingerprint!, s]));
  const linksOf = (conflictId: string, claimIds: readonly string[]): Link[] =>
    claimIds.map((claimId) => ({ conflictId, claimId, claimVersion: claims.get(claimId)!.version, signature: signature(claimId) }));

  const toCreate: [string, Finding][] = [];
  const toRefresh: { id: string; finding: Finding; reopen: boolean }[] = [];
  const decisions: { conflictId: string; action: "REOPEN" | "CLEAR"; actorId: string | null; note: string }[] = [];
  const links: Link[] = [];
  const touchedClaims = new Set<string>();

  for (const [print, finding] of byPrint) {
    const existing = storedByPrint.get(print);
    if (!existing) {
      toCreate.push([print, finding]);
      continue;
    }
    const changed = existing.claims.filter((l) => signature(l.claimId) !== l.signature).map((l) => l.claimId);
    if (existing.status === "OPEN") {
      if (changed.length || existing.summary !== finding.summary) {
        toRefresh.push({ id: existing.id, finding, reopen: false });
        links.push(...linksOf(existing.id, finding.claimIds));
        audit({ action: "conflict.update", entityType: "Conflict", entityId: existing.id, before: { summary: existing.summary }, after: { summary: finding.summary, changedClaimIds: changed } });
      }
      continue;
    }
    if (!changed.length) continue; // Decided, and nothing it was decided on has changed.
    toRefresh.push({ id: existing.id, finding, reopen: true });
    links.push(...linksOf(existing.id, finding.claimIds));
    decisions.push({ conflictId: existing.id, action: "REOPEN", actorId, note: `Reopened: ${changed.length === 1 ? "a claim" : `${changed.length} claims`} changed after the decision.` });
    audit({ action: "conflict.reopen", entityType: "Conflict", entityId: existing.id, before: { status: existing.status }, after: { status: "OPEN", changedClaimIds: changed, summary: finding.summary } });
    existing.claims.forEach((l) => touchedClaims.add(l.claimId));
  }

  const toClear: string[] = [];
  for (const s of stored) {
    if (s.fingerprint && byPrint.has(s.fingerprint)) continue;
    // Only what was compared again can be said to no longer hold: a value group when its metric was
    // (all its claims loaded), a pair when one of its claims was saved.
    const compared = s.claims.every((l) => claims.has(l.claimId)) && (s.kind === "VALUE" || s.claims.some((l) => focusIds.has(l.claimId)));
    if (!compared || s.status !== "OPEN") continue;
    toClear.push(s.id);
    links.push(...linksOf(s.id, s.claims.map((l) => l.claimId)));
    decisions.push({ conflictId: s.id, action: "CLEAR", actorId, note: "Cleared: after a change to its claims they no longer conflict." });
    audit({ action: "conflict.clear", entityType: "Conflict", entityId: s.id, before: { status: "OPEN" }, after: { status: "RESOLVED" } });
  }

  if (toCreate.length) {
    const created = await tx.conflict.createManyAndReturn({
      data: toCreate.map(([print, f]) => ({ kind: f.kind, summary: f.summary, detail: f.detail as Prisma.InputJsonValue, fingerprint: print })),
      select: { id: true, fingerprint: true },
    });
    const idOf = new Map(created.map((c) => [c.fingerprint!, c.id]));
    for (const [print, f] of toCreate) {
      const id = idOf.get(print)!;
      links.push(...linksOf(id, f.claimIds));
      audit({ action: "conflict.detect", entityType: "Conflict", entityId: id, after: { kind: f.kind, claimIds: f.claimIds, summary: f.summary } });
    }
  }
  if (toRefresh.length) {
    await tx.$executeRaw`
      UPDATE conflicts c
         SET summary = u.summary, detail = u.detail::jsonb, version = c.version + 1, updated_at = now(),
             status = CASE WHEN u.reopen THEN 'OPEN'::"ConflictStatus" ELSE c.status END
        FROM unnest(${toRefresh.map((r) => r.id)}::uuid[], ${toRefresh.map((r) => r.finding.summary)}::text[],
                    ${toRefresh.map((r) => JSON.stringify(r.finding.detail))}::text[], ${toRefresh.map((r) => r.reopen)}::boolean[]) AS u(id, summary, detail, reopen)
       WHERE c.id = u.id`;
  }
  if (toClear.length) await tx.conflict.updateMany({ where: { id: { in: toClear } }, data: { status: "RESOLVED", version: { increment: 1 } } });
  if (decisions.length) await tx.conflictDecision.createMany({ data: decisions });
  await saveLinksMany(tx, links);
  if (touchedClaims.size) await applyRanks(tx, [...touchedClaims]);
}

/** Writes conflicts' claims with what each said when compared, in one statement. */
async function saveLinksMany(tx: Tx, links: readonly Link[]) {
  if (!links.length) return;
  await tx.$executeRaw`
    INSERT INTO conflict_claims (conflict_id, claim_id, claim_version, signature)
    SELECT l.conflict_id, l.claim_id, l.claim_version, l.signature
      FROM unnest(${links.map((l) => l.conflictId)}::uuid[], ${links.map((l) => l.claimId)}::uuid[], ${links.map((l) => l.claimVersion)}::int[],
                  ${links.map((l) => l.signature)}::text[]) AS l(conflict_id, claim_id, claim_version, signature)
    ON CONFLICT (conflict_id, claim_id) DO UPDATE SET claim_version = EXCLUDED.claim_version, signature = EXCLUDED.signature`;
}

/** Writes one conflict's claims with what each said when compared (a decision, a flag). */
export async function saveLinks(tx: Tx, conflictId: string, links: readonly { claimId: string; claimVersion: number; signature: string }[]) {
  await saveLinksMany(tx, links.map((l) => ({ ...l, conflictId })));
}

/**
 * Wikidata-style ranks from the decisions in force: a claim preferred by a resolved conflict is
 * PREFERRED, one passed over is DEPRECATED (that wins), others are NORMAL. A rank is a reading of
 * decisions, not an edit: it does not change the claim's version.
 */
export async function applyRanks(tx: Tx, claimIds: readonly string[]) {
  if (!claimIds.length) return;
  await tx.$executeRaw`
    WITH decided AS (
      SELECT cc.claim_id, d.preferred_claim_id
        FROM conflict_claims cc
        JOIN conflicts c ON c.id = cc.conflict_id AND c.status = 'RESOLVED'
        JOIN LATERAL (SELECT action, preferred_claim_id FROM conflict_decisions WHERE conflict_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) d
          ON d.action = 'PREFER'
       WHERE cc.claim_id = ANY(${[...claimIds]}::uuid[])),
    ranked AS (
      SELECT id,
             CASE WHEN EXISTS (SELECT 1 FROM decided WHERE decided.claim_id = claims.id AND decided.preferred_claim_id <> claims.id) THEN 'DEPRECATED'
                  WHEN EXISTS (SELECT 1 FROM decided WHERE decided.claim_id = claims.id) THEN 'PREFERRED'
                  ELSE 'NORMAL' END::"ClaimRank" AS rank
        FROM claims WHERE id = ANY(${[...claimIds]}::uuid[]))
    UPDATE claims SET rank = ranked.rank FROM ranked WHERE claims.id = ranked.id AND claims.rank <> ranked.rank`;
}

/** Audit entries written by Factdesk itself (the re-scan), with no actor. */
async function asSystem(db: PrismaClient, work: (tx: Tx, audit: Audit) => Promise<void>) {
  await db.$transaction(
    async (tx) => {
      const entries: AuditEntry[] = [];
      await work(tx, (e) => entries.push(e));
      await writeAudit(tx, null, entries);
    },
    { timeout: 120_000 },
  );
}

export interface ScanReport {
  metrics: number;
  events: number;
  statements: number;
  claims: number;
  found: number;
  opened: number;
  reopened: number;
  cleared: number;
}

/**
 * The full re-scan (`npm run conflicts:scan`): every metric, every event and every attributed
 * statement, a batch at a time in keyset order, each batch in its own transaction. Idempotent:
 * a second run opens nothing.
 */
export async function scanAllConflicts(
  db: PrismaClient,
  options: { batch?: number; log?: (line: string) => void; /** After each batch, with the report so far (the re-scan job shows it). */ onProgress?: (report: ScanReport) => Promise<void> | void } = {},
): Promise<ScanReport> {
  const batch = options.batch ?? 200;
  const report: ScanReport = { metrics: 0, events: 0, statements: 0, claims: 0, found: 0, opened: 0, reopened: 0, cleared: 0 };
  const count = (e: AuditEntry) => {
    if (e.action === "conflict.detect") report.opened++;
    else if (e.action === "conflict.reopen") report.reopened++;
    else if (e.action === "conflict.clear") report.cleared++;
  };

  const groups = async (table: "metrics" | "events", kind: "QUANTITY" | "DATE", column: "metricId" | "eventId") => {
    let after: string | null = null;
    for (;;) {
      const ids: { id: string }[] =
        table === "metrics"
          ? await db.metric.findMany({ where: { mergedIntoId: null, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: batch, select: { id: true } })
          : await db.event.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: batch, select: { id: true } });
      if (!ids.length) break;
      after = ids.at(-1)!.id;
      await asSystem(db, async (tx, audit) => {
        await lockScopes(tx, ids.map((i) => (kind === "QUANTITY" ? { kind, metricId: i.id } : { kind, eventId: i.id })));
        const claims = await tx.claim.findMany({ where: { [column]: { in: ids.map((i) => i.id) }, kind }, select: comparableSelect });
        const loaded = claims.map(asDetectable);
        const findings = findAllConflicts(loaded);
        report.claims += loaded.length;
        report.found += findings.length;
        await reconcile(tx, loaded, [], findings, null, (e) => (count(e), audit(e)));
      });
      if (table === "metrics") report.metrics += ids.length;
      else report.events += ids.length;
      options.log?.(`${table}: ${table === "metrics" ? report.metrics : report.events} scanned`);
      await options.onProgress?.(report);
    }
  };
  await groups("metrics", "QUANTITY", "metricId");
  await groups("events", "DATE", "eventId");

  let after: string | null = null;
  for (;;) {
    const ids: { id: string }[] = await db.claim.findMany({
      where: { kind: "ATTRIBUTED_STATEMENT", ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true },
    });
    if (!ids.length) break;
    after = ids.at(-1)!.id;
    await asSystem(db, async (tx, audit) => {
      const loaded = await loadWithCitations(tx, { id: { in: ids.map((i) => i.id) } });
      const findings = findAllConflicts(loaded);
      report.claims += loaded.length;
      report.statements += loaded.length;
      report.found += findings.length;
      await reconcile(tx, loaded, [], findings, null, (e) => (count(e), audit(e)));
    });
    await options.onProgress?.(report);
  }
  return report;
}
