import { Badge } from "@/components/ui/badge";
import { CONFLICT_KIND_LABELS, CONFLICT_STATUS_LABELS, RANK_LABELS } from "@/lib/labels";

const statusTones = {
  OPEN: "text-[var(--status-disputed)] bg-[var(--status-disputed-bg)]",
  RESOLVED: "text-[var(--status-verified)] bg-[var(--status-verified-bg)]",
  DISMISSED: "text-[var(--status-unverified)] bg-[var(--status-unverified-bg)]",
} as const;
const statusMarks = { OPEN: "⚡", RESOLVED: "✓", DISMISSED: "–" } as const;

/** A conflict's status as a word and a mark, never colour alone. */
export function ConflictStatusBadge({ status }: { status: keyof typeof CONFLICT_STATUS_LABELS }) {
  return (
    <Badge className={statusTones[status]}>
      <span aria-hidden="true">{statusMarks[status]}</span>
      {CONFLICT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function ConflictKindLabel({ kind }: { kind: keyof typeof CONFLICT_KIND_LABELS }) {
  return <span className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{CONFLICT_KIND_LABELS[kind]}</span>;
}

/** Wikidata-style rank, shown only when a resolution set one. */
export function RankBadge({ rank }: { rank: keyof typeof RANK_LABELS }) {
  if (rank === "NORMAL") return null;
  return (
    <Badge
      tone="outline"
      className={rank === "PREFERRED" ? "border-[var(--status-verified)] text-[var(--status-verified)]" : "border-dashed border-muted-foreground text-muted-foreground"}
    >
      <span aria-hidden="true">{rank === "PREFERRED" ? "★" : "↓"}</span>
      {RANK_LABELS[rank]}
    </Badge>
  );
}
