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
  sourceId: string;
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
  /** The claim's basis version reviewed (lib/basis.ts): an approval counts only for it. */
  basisVersion: number;
  /** The order reviews were given in. */
  sequence: bigint | number;
  reviewerId: string;
  reviewerName?: string;
}

/** The claim as the approval rule reads it. */
export interface ApprovalSubject {
  basisVersion: number;
  createdById: string;
  /** Who last changed what the claim rests on; null when no one has since it was created. */
  basisEditorId: string | null;
}

export type ApprovalCheck = { ok: true; by: string } | { ok: false; message: string };

/** Why this person may not approve the claim, or null when they may: nobody approves their own work. */
export function approverConflict(claim: Pick<ApprovalSubject, "createdById" | "basisEditorId">, approverId: string): string | null {
  if (approverId === claim.createdById) return "You recorded this claim: someone else must approve it.";
  if (approverId === claim.basisEditorId) return "You last changed what this claim rests on: someone else must approve it.";
  return null;
}

/**
 * A second pair of eyes: verifying needs an approval of the claim as it rests now (its basis
 * version), given after the last send-back of that version (a send-back cancels every approval
 * before it), by someone who is neither the verifier, nor the claim's creator, nor its last
 * editor. Admins follow the same rule. `reviews` may come in any order: `sequence` orders them.
 */
export function checkApproval(reviews: readonly ReviewRecord[], claim: ApprovalSubject, verifierId: string): ApprovalCheck {
  const ordered = [...reviews].sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
  const current = ordered.filter((r) => r.basisVersion === claim.basisVersion);
  if (!current.length) {
    const earlier = ordered.some((r) => r.decision === "APPROVE");
    return {
      ok: false,
      message: earlier
        ? "The claim changed after it was approved: a reviewer must approve it again before it can be verified."
        : "A reviewer must approve the claim before it can be verified.",
    };
  }
  const lastSendBack = current.findLastIndex((r) => r.decision === "SEND_BACK");
  const standing = current.slice(lastSendBack + 1).filter((r) => r.decision === "APPROVE");
  if (!standing.length) return { ok: false, message: "A reviewer sent this claim back: address the review, then ask for approval again." };
  const approval = standing.find((r) => r.reviewerId !== verifierId && approverConflict(claim, r.reviewerId) === null);
  if (approval) return { ok: true, by: approval.reviewerName ?? "a reviewer" };
  if (standing.some((r) => r.reviewerId === verifierId)) {
    return { ok: false, message: "You approved this claim yourself: someone else must verify it, or another reviewer approve it." };
  }
  return { ok: false, message: "The only approval is by the claim's creator or last editor: another reviewer must approve it." };
}

export type Severity = "CONTRADICTION" | "TENSION" | "QUESTION";
export const MIN_ACKNOWLEDGEMENT = 20;

export type ConflictCheck = { ok: true; acknowledged: number } | { ok: false; field: "toStatus" | "acknowledgement"; message: string };

/**
 * Open conflicts and verification: an open contradiction blocks it until an editor decides it; an
 * open tension or question needs the verifier's written acknowledgement (kept on the record).
 */
export function checkConflicts(open: readonly { severity: Severity }[], acknowledgement?: string | null): ConflictCheck {
  const contradictions = open.filter((c) => c.severity === "CONTRADICTION").length;
  if (contradictions) {
    return {
      ok: false,
      field: "toStatus",
      message: `This claim has ${contradictions === 1 ? "an open contradiction" : `${contradictions} open contradictions`} with other claims: an editor must decide ${contradictions === 1 ? "it" : "them"} before verifying.`,
    };
  }
  const softer = open.length;
  if (softer && (acknowledgement ?? "").trim().length < MIN_ACKNOWLEDGEMENT) {
    return {
      ok: false,
      field: "acknowledgement",
      message: `This claim is in ${softer === 1 ? "an open tension or question" : `${softer} open tensions or questions`}: say in at least ${MIN_ACKNOWLEDGEMENT} characters why it can be verified anyway.`,
    };
  }
  return { ok: true, acknowledged: softer };
}

export type VerifiableCheck =
  | { ok: true; rule: "INDEPENDENT_ORIGINS" | "PRIMARY_SOURCE"; explanation: string; by: string; acknowledged: number }
  | { ok: false; field: "toStatus" | "justification" | "acknowledgement"; message: string };

/**
 * Everything "Verified" needs, checked in one order by the server and shown by the checklist:
 * the claim in review, the evidence (checkVerification), a standing approval (checkApproval), and
 * no open contradiction, with open tensions and questions acknowledged in writing (checkConflicts).
 * A refusal names the field the verifier can answer it in: the checklist offers the verify form
 * when what is missing is only words the verifier writes (field "acknowledgement").
 */
export function checkVerifiable(input: {
  status: ClaimStatus;
  citations: EvidenceCitation[];
  reviews: readonly ReviewRecord[];
  claim: ApprovalSubject;
  verifierId: string;
  openConflicts: readonly { severity: Severity }[];
  justification?: string | null;
  acknowledgement?: string | null;
}): VerifiableCheck {
  if (input.status !== "IN_REVIEW") return { ok: false, field: "toStatus", message: "Move the claim to In review first: a reviewer approves it there." };
  const evidence = checkVerification(input.citations, input.justification);
  if (!evidence.ok) return { ok: false, field: "justification", message: evidence.message };
  const approval = checkApproval(input.reviews, input.claim, input.verifierId);
  if (!approval.ok) return { ok: false, field: "toStatus", message: approval.message };
  const conflicts = checkConflicts(input.openConflicts, input.acknowledgement);
  if (!conflicts.ok) return conflicts;
  return { ok: true, rule: evidence.rule, explanation: evidence.explanation, by: approval.by, acknowledged: conflicts.acknowledged };
}
