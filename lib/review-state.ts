// Where a claim in review stands with its reviewers, said the same way in lists, the dashboard and
// the claim page. Only the newest review of the claim's current version counts (lib/status.ts).
import type { ClaimStatus } from "./labels";

export const REVIEW_STATES = ["WAITING", "APPROVED", "SENT_BACK"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  WAITING: "Waiting for review",
  APPROVED: "Approved, ready to verify",
  SENT_BACK: "Sent back, needs changes",
};

/** The claims-list filter values (`/claims?review=approved`), one per state. */
export const REVIEW_FILTERS: Record<ReviewState, string> = { WAITING: "waiting", APPROVED: "approved", SENT_BACK: "sent-back" };

export interface LatestReview {
  decision: "APPROVE" | "SEND_BACK";
  claimVersion: number;
}

/**
 * In review and not yet reviewed as it stands (never reviewed, or changed since): waiting.
 * Otherwise the newest review of this version decides. Claims not in review have no review state.
 */
export function reviewState(status: ClaimStatus, version: number, latest: LatestReview | null | undefined): ReviewState | null {
  if (status !== "IN_REVIEW") return null;
  if (!latest || latest.claimVersion !== version) return "WAITING";
  return latest.decision === "APPROVE" ? "APPROVED" : "SENT_BACK";
}
