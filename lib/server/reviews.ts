import "server-only";
import type { ReviewValues } from "@/lib/schemas/workflow";
import { authorize, type SessionUser } from "./authorize";
import { staleMessage } from "./claim-status";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

/**
 * A reviewer approves the claim as it stands, or sends it back with a note. The review pins the
 * claim's version: any later edit or new evidence needs a fresh approval (lib/status.ts checkApproval).
 */
export async function reviewClaim(user: SessionUser, input: ReviewValues, tx?: Tx) {
  authorize(user, "claims:review");
  return inTransaction(user, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { status: true, version: true } });
    if (!claim) return refuse("This claim does not exist.");
    if (claim.version !== input.version) return refuse(staleMessage("claim"), { stale: true });
    if (claim.status !== "IN_REVIEW") return refuse("Only a claim in review can be approved or sent back.");
    const review = await tx.review.create({
      data: { claimId: input.claimId, reviewerId: user.id, decision: input.decision, note: input.note ?? null, claimVersion: claim.version },
      select: { id: true },
    });
    audit({
      action: input.decision === "APPROVE" ? "claim.review.approve" : "claim.review.send-back",
      entityType: "Claim",
      entityId: input.claimId,
      after: { reviewId: review.id, decision: input.decision, note: input.note ?? null, claimVersion: claim.version },
    });
    return ok({ id: review.id });
  }, { tx });
}
