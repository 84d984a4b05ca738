import "server-only";
import type { ChangeStatusValues } from "@/lib/schemas/status";
import { checkTransition, checkVerifiable } from "@/lib/status";
import { authorize, type SessionUser } from "./authorize";
import { lockClaims } from "./claim-revision";
import { detectConflicts } from "./conflicts/detect-on-save";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

/** Moves a claim through the workflow, writing the append-only log in the same transaction. */
export async function changeStatus(user: SessionUser, input: ChangeStatusValues, tx?: Tx) {
  authorize(user, "claims:change-status");
  if (input.toStatus === "RETRACTED") authorize(user, "claims:retract");
  return inTransaction(user, async (tx, audit) => {
    // Reviews, flags and decisions on this claim wait for this transaction, and it for them.
    await lockClaims(tx, [input.claimId]);
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: {
        id: true,
        status: true,
        version: true,
        basisVersion: true,
        createdById: true,
        basisEditorId: true,
        citations: { select: { sourceId: true, stance: true, isPrimary: true, chain: { select: { actorId: true, position: true } } } },
        reviews: { orderBy: { sequence: "desc" }, take: 100, select: { decision: true, basisVersion: true, sequence: true, reviewerId: true } },
      },
    });
    if (!claim) return refuse("This claim does not exist.");
    if (claim.version !== input.version) return refuse(staleMessage("claim"), { stale: true });
    const transition = checkTransition(claim.status, input.toStatus, user.role);
    if (!transition.ok) return refuse(transition.message, { fieldErrors: { toStatus: [transition.message] } });

    let rule: "INDEPENDENT_ORIGINS" | "PRIMARY_SOURCE" | null = null;
    let acknowledge: { id: string }[] = [];
    if (input.toStatus === "VERIFIED") {
      const open = await tx.conflict.findMany({ where: { status: "OPEN", claims: { some: { claimId: claim.id } } }, select: { id: true, severity: true } });
      // The one rule the checklist shows too (lib/status.ts checkVerifiable).
      const check = checkVerifiable({ ...claim, claim, verifierId: user.id, openConflicts: open, justification: input.justification, acknowledgement: input.acknowledgement });
      if (!check.ok) return refuse(check.message, { fieldErrors: { [check.field]: [check.message] } });
      rule = check.rule;
      acknowledge = open;
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
    for (const c of acknowledge) {
      const ack = await tx.conflictAcknowledgement.create({
        data: { conflictId: c.id, claimId: claim.id, basisVersion: claim.basisVersion, note: input.acknowledgement!, actorId: user.id },
        select: { id: true },
      });
      audit({ action: "conflict.acknowledge", entityType: "Conflict", entityId: c.id, after: { acknowledgementId: ack.id, claimId: claim.id, basisVersion: claim.basisVersion, note: input.acknowledgement } });
    }
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
