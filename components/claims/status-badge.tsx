import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { REVIEW_STATE_LABELS, type ReviewState } from "@/lib/review-state";

/** Each status's colours (app/globals.css). */
const tones: Record<ClaimStatus, string> = {
  UNVERIFIED: "badge tone-unverified",
  IN_REVIEW: "badge tone-in-review",
  VERIFIED: "badge tone-verified",
  DISPUTED: "badge tone-disputed",
  FALSE: "badge tone-false",
  RETRACTED: "badge tone-retracted",
};

const marks: Record<ClaimStatus, string> = { UNVERIFIED: "○", IN_REVIEW: "◐", VERIFIED: "✓", DISPUTED: "!", FALSE: "✕", RETRACTED: "⊘" };
const reviewMarks: Record<ReviewState, string> = { WAITING: "◐", APPROVED: "☑", SENT_BACK: "↩" };

/**
 * Status as text with a mark, never colour alone. A claim in review says where it stands with
 * its reviewers when that is known: "Approved, ready to verify", "Sent back, needs changes". A
 * badge (components/ui/badge.tsx) drawn without its helper: lists show one on every row.
 */
export function StatusBadge({ status, review }: { status: ClaimStatus; review?: ReviewState | null }) {
  const reviewed = status === "IN_REVIEW" && review && review !== "WAITING" ? review : null;
  return (
    <span className={tones[status]}>
      <span aria-hidden="true">{reviewed ? reviewMarks[reviewed] : marks[status]}</span>
      {reviewed ? REVIEW_STATE_LABELS[reviewed] : STATUS_LABELS[status]}
    </span>
  );
}
