// Where a claim in review stands with its reviewers, said the same way in lists, the dashboard and
// the claim page. The rule (the newest review of the claim as it rests now, its basis version, the
// same reviews lib/status.ts checkApproval reads) lives in one place: the database function
// claim_review_state, which keeps claims.review_state current in the same transaction as every
// write that changes it (migration claim_review_state). Pages read the stored column.
export const REVIEW_STATES = ["WAITING", "APPROVED", "SENT_BACK"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  WAITING: "Waiting for review",
  APPROVED: "Approved, ready to verify",
  SENT_BACK: "Sent back, needs changes",
};

/** The claims-list filter values (`/claims?review=approved`), one per state. */
export const REVIEW_FILTERS: Record<ReviewState, string> = { WAITING: "waiting", APPROVED: "approved", SENT_BACK: "sent-back" };

/** The review state a claims-list filter value selects. */
export const reviewStateOfFilter = (filter: string): ReviewState | undefined => REVIEW_STATES.find((s) => REVIEW_FILTERS[s] === filter);
