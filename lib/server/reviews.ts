import "server-only";
import type { ReviewValues } from "@/lib/schemas/workflow";
import { approverConflict } from "@/lib/status";
import { authorize, type SessionUser } from "./authorize";
import { lockClaims } from "./claim-revision";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

/**
 * A reviewer approves the claim as it rests now, or sends it back with a note. The review pins the
 * claim's basis version (lib/basis.ts): a later change to what it rests on needs a fresh approval,
 * and a send-back cancels the approvals before it (lib/status.ts checkApproval). Nobody approves a
 * claim they recorded or last changed.
 */
export async function reviewClaim(user: SessionUser, input: ReviewValues, tx?: Tx) {
  authorize(user, "claims:review");
  return inTransaction(user, async (tx, audit) => {
    await lockClaims(tx, [input.claimId]);
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: { status: true, version: true, basisVersion: true, createdById: true, basisEditorId: true },
    });
    if (!claim) return refuse("This claim does not exist.");
    if (claim.version !== input.version) return refuse(staleMessage("claim"), { stale: true });
    if (claim.status !== "IN_REVIEW") return refuse("Only a claim in review can be approved or sent back.");
    if (input.decision === "APPROVE") {
      const conflict = approverConflict(claim, user.id);
      if (conflict) return refuse(conflict, { fieldErrors: { decision: [conflict] } });
    }
    const review = await tx.review.create({
      data: {
        claimId: input.claimId, reviewerId: user.id, decision: input.decision, note: input.note ?? null,
        claimVersion: claim.version, basisVersion: claim.basisVersion,
      },
      select: { id: true, sequence: true },
    });
    audit({
      action: input.decision === "APPROVE" ? "claim.review.approve" : "claim.review.send-back",
      entityType: "Claim",
      entityId: input.claimId,
      after: { reviewId: review.id, sequence: review.sequence.toString(), decision: input.decision, note: input.note ?? null, claimVersion: claim.version, basisVersion: claim.basisVersion },
    });
    return ok({ id: review.id });
  }, { tx });
}
