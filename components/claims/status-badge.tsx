import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { REVIEW_STATE_LABELS, type ReviewState } from "@/lib/review-state";
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
const reviewMarks: Record<ReviewState, string> = { WAITING: "◐", APPROVED: "☑", SENT_BACK: "↩" };

/**
 * Status as text with a mark, never colour alone. A claim in review says where it stands with
 * its reviewers when that is known: "Approved, ready to verify", "Sent back, needs changes".
 */
export function StatusBadge({ status, review }: { status: ClaimStatus; review?: ReviewState | null }) {
  const reviewed = status === "IN_REVIEW" && review && review !== "WAITING" ? review : null;
  return (
    <Badge className={tones[status]}>
      <span aria-hidden="true">{reviewed ? reviewMarks[reviewed] : marks[status]}</span>
      {reviewed ? REVIEW_STATE_LABELS[reviewed] : STATUS_LABELS[status]}
    </Badge>
  );
}
