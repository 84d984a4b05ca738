import type { VersionDiff } from "@/lib/factsheets/diff";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";

const FIELD_LABELS = { statement: "Statement", value: "Value", status: "Status" } as const;
const shown = (field: keyof typeof FIELD_LABELS, text: string | null) => (field === "status" && text ? STATUS_LABELS[text as ClaimStatus] : (text ?? "none"));

/** A version's changes against the one before: claims added, removed, and changed in statement, value or status. */
export function DiffList({ diff, against }: { diff: VersionDiff; against: number }) {
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length;
  return (
    <div className="space-y-3 text-sm" data-testid="version-diff">
      {nothing ? <p>No claim added, removed or changed since version {against}{diff.reordered ? "; the order changed" : ""}.</p> : null}
      {diff.added.length ? (
        <div>
          <h4 className="font-semibold">Added ({diff.added.length})</h4>
          <ul className="list-disc space-y-1 pl-5">
            {diff.added.map((c) => (
              <li key={c.id}>{c.statement}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.removed.length ? (
        <div>
          <h4 className="font-semibold">Removed ({diff.removed.length})</h4>
          <ul className="list-disc space-y-1 pl-5">
            {diff.removed.map((c) => (
              <li key={c.id}>{c.statement}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.changed.length ? (
        <div>
          <h4 className="font-semibold">Changed ({diff.changed.length})</h4>
          <ul className="list-disc space-y-2 pl-5">
            {diff.changed.map((c) => (
              <li key={c.id}>
                {c.statement}
                <ul className="mt-1 space-y-0.5 text-muted-foreground">
                  {c.changes.map((ch) => (
                    <li key={ch.field}>
                      {FIELD_LABELS[ch.field]}: <del>{shown(ch.field, ch.from)}</del> → <ins className="no-underline">{shown(ch.field, ch.to)}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!nothing && diff.reordered ? <p>The order of the claims kept changed too.</p> : null}
    </div>
  );
}
