import "server-only";
import type { AssignValues } from "@/lib/schemas/workflow";
import { isRetracted } from "@/lib/status";
import { ASSIGNABLE_ROLES } from "@/lib/permissions";
import { authorize, type SessionUser } from "./authorize";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

/** Gives a claim to an editor (or to no one); the claim's version guards against a stale page. */
export async function assignClaim(user: SessionUser, input: AssignValues, tx?: Tx) {
  authorize(user, "claims:assign");
  return inTransaction(user, async (tx, audit) => {
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: { status: true, version: true, assigneeId: true, assignee: { select: { name: true } } },
    });
    if (!claim) return refuse("This claim does not exist.");
    if (isRetracted(claim)) return refuse("A retracted claim cannot be assigned.");
    if (claim.version !== input.version) return refuse(staleMessage("claim"), { stale: true });
    if (claim.assigneeId === input.assigneeId) return ok({ version: claim.version });
    const assignee = input.assigneeId
      ? await tx.user.findFirst({ where: { id: input.assigneeId, disabledAt: null, role: { in: ASSIGNABLE_ROLES } }, select: { id: true, name: true } })
      : null;
    if (input.assigneeId && !assignee) {
      return refuse("Claims can be assigned only to active editors and admins.", { fieldErrors: { assigneeId: ["Choose someone from the list."] } });
    }
    const updated = await tx.claim.updateMany({
      where: { id: input.claimId, version: input.version },
      data: { assigneeId: input.assigneeId, version: { increment: 1 } },
    });
    if (updated.count === 0) return refuse(staleMessage("claim"), { stale: true });
    audit({
      action: "claim.assign",
      entityType: "Claim",
      entityId: input.claimId,
      before: { assigneeId: claim.assigneeId, assignee: claim.assignee?.name ?? null, version: claim.version },
      after: { assigneeId: input.assigneeId, assignee: assignee?.name ?? null, version: claim.version + 1 },
    });
    return ok({ version: claim.version + 1 });
  }, { tx });
}
