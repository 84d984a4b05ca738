import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { Badge } from "@/components/ui/badge";

const tones: Record<ClaimStatus, string> = {
  UNVERIFIED: "text-[var(--status-unverified)] bg-[var(--status-unverified-bg)]",
  IN_REVIEW: "text-[var(--status-in-review)] bg-[var(--status-in-review-bg)]",
  VERIFIED: "text-[var(--status-verified)] bg-[var(--status-verified-bg)]",
  DISPUTED: "text-[var(--status-disputed)] bg-[var(--status-disputed-bg)]",
  FALSE: "text-[var(--status-false)] bg-[var(--status-false-bg)]",
  RETRACTED: "text-[var(--status-retracted)] bg-[var(--status-retracted-bg)]",
};

const marks: Record<ClaimStatus, string> = { UNVERIFIED: "○", IN_REVIEW: "◐", VERIFIED: "✓", DISPUTED: "!", FALSE: "✕", RETRACTED: "⊘" };

/** Status as text with a mark, never colour alone. */
export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <Badge className={tones[status]}>
      <span aria-hidden="true">{marks[status]}</span>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
