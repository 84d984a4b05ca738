// What changed between two versions of a fact sheet: the corrections record a republish shows
// before it commits, and every later version page shows against the one before.
import type { SnapshotClaim } from "./snapshot";

export type DiffClaim = Pick<SnapshotClaim, "id" | "statement" | "status" | "valueText" | "position">;

export interface ClaimChange {
  id: string;
  statement: string;
  /** What changed, each with the old and new text. */
  changes: { field: "statement" | "value" | "status"; from: string | null; to: string | null }[];
}

export interface VersionDiff {
  added: DiffClaim[];
  removed: DiffClaim[];
  changed: ClaimChange[];
  /** True when the same claims appear in another order. */
  reordered: boolean;
}

/** Claims added, removed, and changed in statement, value or status, from `before` to `after`. */
export function diffVersions(before: readonly DiffClaim[], after: readonly DiffClaim[]): VersionDiff {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Set(after.map((c) => c.id));
  const added = after.filter((c) => !old.has(c.id));
  const removed = before.filter((c) => !now.has(c.id));
  const changed: ClaimChange[] = [];
  for (const c of after) {
    const was = old.get(c.id);
    if (!was) continue;
    const changes: ClaimChange["changes"] = [];
    if (was.statement !== c.statement) changes.push({ field: "statement", from: was.statement, to: c.statement });
    if ((was.valueText ?? null) !== (c.valueText ?? null)) changes.push({ field: "value", from: was.valueText ?? null, to: c.valueText ?? null });
    if (was.status !== c.status) changes.push({ field: "status", from: was.status, to: c.status });
    if (changes.length) changed.push({ id: c.id, statement: c.statement, changes });
  }
  const keptBefore = before.filter((c) => now.has(c.id)).map((c) => c.id);
  const keptAfter = after.filter((c) => old.has(c.id)).map((c) => c.id);
  const reordered = keptBefore.some((id, i) => keptAfter[i] !== id);
  return { added, removed, changed, reordered };
}

export const isEmptyDiff = (d: VersionDiff) => !d.added.length && !d.removed.length && !d.changed.length && !d.reordered;
