// The verification workflow: which status changes are allowed, by whom, and when a claim may be
// called verified.
import { independentOrigins, type ChainLink } from "./independence";
import type { ClaimStatus } from "./labels";
import { can, type Role } from "./permissions";

/** A retracted claim is closed: it is not edited, cited, assigned, flagged or moved to another scope. */
export const isRetracted = (claim: { status: string }) => claim.status === "RETRACTED";

export const CLAIM_STATUSES = ["UNVERIFIED", "IN_REVIEW", "VERIFIED", "DISPUTED", "FALSE", "RETRACTED"] as const satisfies readonly ClaimStatus[];

/** unverified → in review → verified | disputed | false; back to review to reopen; retraction is separate. */
const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  UNVERIFIED: ["IN_REVIEW"],
  IN_REVIEW: ["VERIFIED", "DISPUTED", "FALSE", "UNVERIFIED"],
  VERIFIED: ["IN_REVIEW"],
  DISPUTED: ["IN_REVIEW"],
  FALSE: ["IN_REVIEW"],
  RETRACTED: [],
};

/** The statuses this role may move a claim to from `from`. */
export function allowedTransitions(from: ClaimStatus, role: Role): ClaimStatus[] {
  if (!can(role, "claims:change-status")) return [];
  const next: ClaimStatus[] = [...NEXT[from]];
  if (from !== "RETRACTED" && can(role, "claims:retract")) next.push("RETRACTED");
  return next;
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function checkTransition(from: ClaimStatus, to: ClaimStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, message: "The claim already has this status." };
  if (to === "RETRACTED" && !can(role, "claims:retract")) return { ok: false, message: "Only admins may retract a claim." };
  if (!allowedTransitions(from, role).includes(to)) {
    return { ok: false, message: `A claim cannot go from ${from.toLowerCase().replace("_", " ")} to ${to.toLowerCase().replace("_", " ")}.` };
  }
  return { ok: true };
}

export interface EvidenceCitation {
  stance: "SUPPORTS" | "CONTRADICTS" | "MENTIONS";
  isPrimary: boolean;
  chain: ChainLink[];
}

export const MIN_JUSTIFICATION = 20;

export type VerificationCheck =
  | { ok: true; rule: "INDEPENDENT_ORIGINS" | "PRIMARY_SOURCE"; explanation: string }
  | { ok: false; message: string };

/**
 * Verified needs support from two independent origins (supporting citations whose chains start
 * at different origins), or one primary source plus a written justification.
 */
export function checkVerification(citations: EvidenceCitation[], justification?: string | null): VerificationCheck {
  const supporting = citations.filter((c) => c.stance === "SUPPORTS");
  const origins = independentOrigins(supporting).length;
  if (origins >= 2) {
    return { ok: true, rule: "INDEPENDENT_ORIGINS", explanation: `Supported by ${origins} independent origins.` };
  }
  const hasPrimary = supporting.some((c) => c.isPrimary);
  const written = (justification ?? "").trim();
  if (hasPrimary && written.length >= MIN_JUSTIFICATION) {
    return { ok: true, rule: "PRIMARY_SOURCE", explanation: "Supported by a primary source, with a written justification." };
  }
  if (hasPrimary) {
    return { ok: false, message: `A primary source supports this claim: write a justification of at least ${MIN_JUSTIFICATION} characters to verify on it alone.` };
  }
  return {
    ok: false,
    message: `Verification needs support from two independent origins (this claim has ${origins}), or a primary source with a written justification.`,
  };
}

export interface ReviewRecord {
  decision: "APPROVE" | "SEND_BACK";
  claimVersion: number;
  reviewerId: string;
  reviewerName?: string;
}

export type ApprovalCheck = { ok: true; by: string } | { ok: false; message: string };

/**
 * A second pair of eyes: verifying needs a reviewer's approval of the claim as it stands now (an
 * approval of an earlier version does not carry over edits or new evidence), given by someone
 * other than the person verifying. `reviews` is newest first; a later send-back cancels an approval.
 */
export function checkApproval(reviews: ReviewRecord[], currentVersion: number, verifierId: string): ApprovalCheck {
  const current = reviews.filter((r) => r.claimVersion === currentVersion);
  const latest = current[0];
  if (!latest) {
    const earlier = reviews.some((r) => r.decision === "APPROVE");
    return {
      ok: false,
      message: earlier
        ? "The claim changed after it was approved: a reviewer must approve it again before it can be verified."
        : "A reviewer must approve the claim before it can be verified.",
    };
  }
  if (latest.decision === "SEND_BACK") return { ok: false, message: "A reviewer sent this claim back: address the review, then ask for approval again." };
  const approval = current.find((r) => r.decision === "APPROVE" && r.reviewerId !== verifierId);
  if (!approval) return { ok: false, message: "You approved this claim yourself: someone else must verify it, or another reviewer approve it." };
  return { ok: true, by: approval.reviewerName ?? "a reviewer" };
}
