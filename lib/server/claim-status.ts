import "server-only";
import type { ChangeStatusValues } from "@/lib/schemas/status";
import { checkApproval, checkTransition, checkVerification } from "@/lib/status";
import { authorize, type SessionUser } from "./authorize";
import { detectConflicts } from "./conflicts/detect-on-save";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

export const staleMessage = (what: string) =>
  `Someone else changed this ${what} after you opened it. Nothing was overwritten: reload to see their change, then try again.`;

/** Moves a claim through the workflow, writing the append-only log in the same transaction. */
export async function changeStatus(user: SessionUser, input: ChangeStatusValues, tx?: Tx) {
  authorize(user, "claims:change-status");
  if (input.toStatus === "RETRACTED") authorize(user, "claims:retract");
  return inTransaction(user, async (tx, audit) => {
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: {
        id: true,
        status: true,
        version: true,
        citations: { select: { stance: true, isPrimary: true, chain: { select: { actorId: true, position: true } } } },
        reviews: { orderBy: { createdAt: "desc" }, take: 50, select: { decision: true, claimVersion: true, reviewerId: true } },
      },
    });
    if (!claim) return refuse("This claim does not exist.");
    if (claim.version !== input.version) return refuse(staleMessage("claim"), { stale: true });
    const transition = checkTransition(claim.status, input.toStatus, user.role);
    if (!transition.ok) return refuse(transition.message, { fieldErrors: { toStatus: [transition.message] } });

    let rule: "INDEPENDENT_ORIGINS" | "PRIMARY_SOURCE" | null = null;
    if (input.toStatus === "VERIFIED") {
      const verification = checkVerification(claim.citations, input.justification);
      if (!verification.ok) return refuse(verification.message, { fieldErrors: { justification: [verification.message] } });
      rule = verification.rule;
      const approval = checkApproval(claim.reviews, claim.version, user.id);
      if (!approval.ok) return refuse(approval.message, { fieldErrors: { toStatus: [approval.message] } });
      const open = await tx.conflictClaim.count({ where: { claimId: claim.id, conflict: { status: "OPEN" } } });
      if (open > 0) {
        const message = `This claim has ${open === 1 ? "an open conflict" : `${open} open conflicts`} with other claims: resolve ${open === 1 ? "it" : "them"} before verifying.`;
        return refuse(message, { fieldErrors: { toStatus: [message] } });
      }
    }
    const note = rule === "PRIMARY_SOURCE" ? (input.justification ?? null) : null;
    const updated = await tx.claim.updateMany({
      where: { id: claim.id, version: claim.version },
      data: { status: input.toStatus, verificationRule: rule, verificationNote: note, version: { increment: 1 } },
    });
    if (updated.count === 0) return refuse(staleMessage("claim"), { stale: true });
    const change = await tx.statusChange.create({
      data: { claimId: claim.id, fromStatus: claim.status, toStatus: input.toStatus, reason: input.reason, rule, actorId: user.id },
    });
    audit({
      action: "claim.status.change",
      entityType: "Claim",
      entityId: claim.id,
      before: { status: claim.status, version: claim.version },
      after: { status: input.toStatus, version: claim.version + 1, rule, verificationNote: note, statusChangeId: change.id },
    });
    // A claim found false or retracted no longer conflicts; one brought back may again.
    await detectConflicts(tx, [claim.id], user.id, audit);
    return ok({ status: input.toStatus, version: claim.version + 1 });
  }, { tx });
}

