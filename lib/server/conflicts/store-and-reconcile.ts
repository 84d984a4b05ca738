import "server-only";
import { claimSignature, fingerprint, type Finding } from "@/lib/conflicts/detect";
import { newId } from "@/lib/ids";
import type { Audit, Loaded, Tx } from "./comparable-claims";

type Stored = { id: string; kind: string; severity: string; status: string; fingerprint: string | null; summary: string; version: number; claims: { claimId: string; signature: string }[] };

/**
 * Stored automatic conflicts of these claims, and those the findings name, locked (in id order)
 * so that an editor's decision committing meanwhile is read, not overwritten. Two statements: the
 * lock, then the read. One would not do: a statement reads the rows it did not lock as they were
 * when it began, before it waited for a lock, so the read comes after.
 */
async function storedConflicts(tx: Tx, claimIds: readonly string[], fingerprints: readonly string[]): Promise<Stored[]> {
  // Found by the claim index and the fingerprint index (a UNION, not an OR, so both are used), locked in id order...
  const locked = await tx.$queryRaw<{ id: string }[]>`/* prepared: conflicts_lock */
    SELECT id::text FROM conflicts
     WHERE id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id = ANY(${[...claimIds]}::uuid[])
                  UNION SELECT id FROM conflicts WHERE fingerprint = ANY(${[...fingerprints]}::text[]))
       AND kind <> 'MANUAL'
     ORDER BY id FOR UPDATE`;
  if (!locked.length) return [];
  // ...then read with their claims' signatures.
  return tx.$queryRaw<Stored[]>`/* prepared: conflicts_stored */
    SELECT k.id::text, k.kind::text, k.severity::text, k.status::text, k.fingerprint, k.summary, k.version,
           coalesce((SELECT json_agg(json_build_object('claimId', l.claim_id, 'signature', l.signature)) FROM conflict_claims l WHERE l.conflict_id = k.id), '[]') AS claims
      FROM conflicts k WHERE k.id = ANY(${locked.map((l) => l.id)}::uuid[])`;
}

type Link = { conflictId: string; claimId: string; claimVersion: number; signature: string };

/**
 * Brings stored conflicts in line with what was found, in a fixed number of statements however
 * many conflicts a save touches: creates, refreshes, reopenings and clearings are each written
 * in one batch, a prepared statement from arrays (Prisma compiles a `createMany` anew on every
 * call; new rows get their ids here, as Prisma's `uuid(7)` default would).
 */
export async function reconcile(tx: Tx, focus: readonly Loaded[], peers: readonly Loaded[], findings: readonly Finding[], actorId: string | null, audit: Audit) {
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
      if (changed.length || existing.summary !== finding.summary || existing.severity !== finding.severity) {
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

  const at = new Date(); // The app's clock, as Prisma stamps rows (lib/ids.ts, newId).
  if (toCreate.length) {
    const created = toCreate.map(([print, finding]) => ({ id: newId(), print, finding }));
    await tx.$executeRaw`/* prepared: conflicts_open */
      INSERT INTO conflicts (id, kind, severity, summary, detail, fingerprint, created_at, updated_at)
      SELECT n.id, n.kind::"ConflictKind", n.severity::"ConflictSeverity", n.summary, n.detail::jsonb, n.fingerprint, ${at}::timestamptz, ${at}::timestamptz
        FROM unnest(${created.map((c) => c.id)}::uuid[], ${created.map((c) => c.finding.kind)}::text[], ${created.map((c) => c.finding.severity)}::text[],
                    ${created.map((c) => c.finding.summary)}::text[], ${created.map((c) => JSON.stringify(c.finding.detail))}::text[],
                    ${created.map((c) => c.print)}::text[]) AS n(id, kind, severity, summary, detail, fingerprint)`;
    for (const { id, finding: f } of created) {
      links.push(...linksOf(id, f.claimIds));
      audit({ action: "conflict.detect", entityType: "Conflict", entityId: id, after: { kind: f.kind, claimIds: f.claimIds, summary: f.summary } });
    }
  }
  if (toRefresh.length) {
    await tx.$executeRaw`/* prepared: conflicts_refresh */
      UPDATE conflicts c
         SET summary = u.summary, detail = u.detail::jsonb, severity = u.severity::"ConflictSeverity", version = c.version + 1, updated_at = ${at}::timestamptz,
             status = CASE WHEN u.reopen THEN 'OPEN'::"ConflictStatus" ELSE c.status END
        FROM unnest(${toRefresh.map((r) => r.id)}::uuid[], ${toRefresh.map((r) => r.finding.summary)}::text[],
                    ${toRefresh.map((r) => JSON.stringify(r.finding.detail))}::text[], ${toRefresh.map((r) => r.reopen)}::boolean[],
                    ${toRefresh.map((r) => r.finding.severity)}::text[]) AS u(id, summary, detail, reopen, severity)
       WHERE c.id = u.id`;
  }
  if (toClear.length) {
    await tx.$executeRaw`/* prepared: conflicts_clear */
      UPDATE conflicts SET status = 'RESOLVED', version = version + 1, updated_at = ${at}::timestamptz WHERE id = ANY(${toClear}::uuid[])`;
  }
  if (decisions.length) {
    await tx.$executeRaw`/* prepared: conflict_decisions_add */
      INSERT INTO conflict_decisions (id, conflict_id, action, note, actor_id, created_at)
      SELECT d.id, d.conflict_id, d.action::"ConflictAction", d.note, d.actor_id, ${at}::timestamptz
        FROM unnest(${decisions.map(() => newId())}::uuid[], ${decisions.map((d) => d.conflictId)}::uuid[], ${decisions.map((d) => d.action)}::text[],
                    ${decisions.map((d) => d.note)}::text[], ${decisions.map((d) => d.actorId)}::uuid[]) AS d(id, conflict_id, action, note, actor_id)`;
  }
  await saveLinksMany(tx, links);
  if (touchedClaims.size) await applyRanks(tx, [...touchedClaims]);
}

/** Writes conflicts' claims with what each said when compared, in one statement. */
async function saveLinksMany(tx: Tx, links: readonly Link[]) {
  if (!links.length) return;
  await tx.$executeRaw`/* prepared: conflict_claims_save */
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
