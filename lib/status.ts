// The verification workflow: which status changes are allowed, by whom, and when a claim may be
// called verified.
import { independentOrigins, type ChainLink } from "./independence";
import type { ClaimStatus } from "./labels";
import { can, type Role } from "./permissions";

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
