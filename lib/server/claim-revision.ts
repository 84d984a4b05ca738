import "server-only";
import type { ClaimStatus } from "@/lib/labels";
import { isRetracted } from "@/lib/status";
import type { Prisma } from "@/prisma/client";
import { changesSince } from "./changes";
import { staleMessage } from "./claim-status";
import { refuse, type ActionResult } from "@/lib/action-result";

type Tx = Prisma.TransactionClient;

const DECIDED: readonly ClaimStatus[] = ["VERIFIED", "DISPUTED", "FALSE"];

/** The refusal for a change to a claim that is retracted or changed since `version`; null when it may change. */
export async function refusalToRevise(tx: Tx, claimId: string, claim: { status: ClaimStatus; version: number }, version: number): Promise<ActionResult<never> | null> {
  if (isRetracted(claim)) return refuse("A retracted claim cannot be edited.");
  if (claim.version !== version) return staleClaim(tx, claimId, version);
  return null;
}

export const staleClaim = async (tx: Tx, claimId: string, version: number) =>
  refuse(staleMessage("claim"), { stale: true, changes: await changesSince(tx, "Claim", claimId, version) });

/**
 * Writes a change to a claim's content or evidence and bumps its version. A decided claim whose
 * content or evidence changes must be checked again: back to review, on the record with `reason`.
 * Null when someone else changed the claim first.
 */
export async function reviseClaim(
  tx: Tx,
  actorId: string,
  claim: { id: string; status: ClaimStatus },
  version: number,
  data: Prisma.ClaimUncheckedUpdateManyInput,
  reason: string,
): Promise<{ status: ClaimStatus; version: number; reopened: boolean } | null> {
  const reopened = DECIDED.includes(claim.status);
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, version },
    data: { ...data, version: { increment: 1 }, ...(reopened ? { status: "IN_REVIEW" as const, verificationRule: null, verificationNote: null } : {}) },
  });
  if (updated.count === 0) return null;
  if (reopened) {
    await tx.statusChange.create({ data: { claimId: claim.id, fromStatus: claim.status, toStatus: "IN_REVIEW", reason, actorId } });
  }
  return { status: reopened ? "IN_REVIEW" : claim.status, version: version + 1, reopened };
}
