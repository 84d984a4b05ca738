import "server-only";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { Prisma } from "@/prisma/client";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";

/** A claim in a sheet's latest version that changed since: why the sheet needs a new version. */
export interface WatchedClaim {
  claimId: string;
  position: number;
  statement: string;
  /** "edited", "disputed", "marked false", "retracted", "open conflict"… */
  changes: string[];
}

export interface SheetWatch {
  sheetId: string;
  title: string;
  number: number;
  claims: WatchedClaim[];
}

const STATUS_CHANGE: Partial<Record<ClaimStatus, string>> = { DISPUTED: "disputed", FALSE: "marked false", RETRACTED: "retracted" };

/**
 * Sheets whose latest version published a claim that has since been edited, disputed, marked
 * false, retracted or given an open conflict. One indexed query: each sheet's latest version (the
 * (fact_sheet_id, number) key), its published claims (fact_sheet_snapshot_claims' key) joined to
 * live claims by id, kept only where version, status or an open conflict differ; then the audit
 * log (by entity and time) says which of the changed versions were edits and not, say, assignments.
 */
export async function watchSheets(user: SessionUser, options: { sheetId?: string; limit?: number } = {}): Promise<SheetWatch[]> {
  authorize(user, "factsheets:read");
  const only = options.sheetId ? Prisma.sql`WHERE s.fact_sheet_id = ${options.sheetId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<
    { sheet_id: string; title: string; number: number; published_at: Date; claim_id: string; position: number; statement: string; was: ClaimStatus; status: ClaimStatus; edited_version: boolean; open_conflict: boolean }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON (s.fact_sheet_id) s.id, s.fact_sheet_id, s.number, s.published_at
      FROM fact_sheet_snapshots s ${only}
      ORDER BY s.fact_sheet_id, s.number DESC
    ), watched AS (
      SELECT l.fact_sheet_id, l.number, l.published_at, p.claim_id, p.position, p.status AS was, p.claim_version, c.status, c.statement, c.version,
             EXISTS (SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.status = 'OPEN') AS open_conflict
      FROM latest l
      JOIN fact_sheet_snapshot_claims p ON p.snapshot_id = l.id
      JOIN claims c ON c.id = p.claim_id
    )
    SELECT w.fact_sheet_id AS sheet_id, f.title, w.number, w.published_at, w.claim_id, w.position, w.statement, w.was, w.status,
           w.version <> w.claim_version AS edited_version, w.open_conflict
    FROM watched w JOIN fact_sheets f ON f.id = w.fact_sheet_id
    WHERE w.version <> w.claim_version OR w.status <> w.was OR w.open_conflict
    ORDER BY f.updated_at DESC, w.fact_sheet_id, w.position`;
  if (!rows.length) return [];

  // Which changed versions were edits of content or evidence (an assignment also bumps the version).
  const candidates = rows.filter((r) => r.edited_version);
  const edits = candidates.length
    ? await db.$queryRaw<{ entity_id: string; action: string; created_at: Date }[]>`
        SELECT a.entity_id, a.action, a.created_at FROM audit_log a
        JOIN unnest(${candidates.map((r) => r.claim_id)}::text[], ${candidates.map((r) => r.published_at)}::timestamptz[]) AS w(claim_id, since)
          ON a.entity_type = 'Claim' AND a.entity_id = w.claim_id AND a.created_at > w.since
        WHERE a.action IN ('claim.update', 'claim.evidence.change')`
    : [];
  const editedSince = (claimId: string, since: Date, action: string) => edits.some((e) => e.entity_id === claimId && e.action === action && e.created_at > since);

  const sheets = new Map<string, SheetWatch>();
  for (const r of rows) {
    const changes: string[] = [];
    if (editedSince(r.claim_id, r.published_at, "claim.update")) changes.push("edited");
    if (editedSince(r.claim_id, r.published_at, "claim.evidence.change")) changes.push("citations changed");
    if (r.status !== r.was) changes.push(STATUS_CHANGE[r.status] ?? `now ${STATUS_LABELS[r.status].toLowerCase()}`);
    if (r.open_conflict) changes.push("open conflict");
    if (!changes.length) continue;
    const sheet = sheets.get(r.sheet_id) ?? { sheetId: r.sheet_id, title: r.title, number: r.number, claims: [] };
    sheet.claims.push({ claimId: r.claim_id, position: r.position, statement: r.statement, changes });
    sheets.set(r.sheet_id, sheet);
  }
  return [...sheets.values()].slice(0, options.limit ?? 50);
}
