import "server-only";
import { changesBasis, DECIDED_STATUSES, statusAfter, type ClaimEvent } from "@/lib/basis";
import type { ClaimStatus } from "@/lib/labels";
import { isRetracted } from "@/lib/status";
import { Prisma } from "@/prisma/client";
import { changesSince } from "./changes";
import { refuse, staleMessage, type ActionResult } from "@/lib/action-result";
import type { AuditEntry } from "./mutations";

type Tx = Prisma.TransactionClient;

/** The refusal for a change to a claim that is retracted or changed since `version`; null when it may change. */
export async function refusalToRevise(tx: Tx, claimId: string, claim: { status: ClaimStatus; version: number }, version: number): Promise<ActionResult<never> | null> {
  if (isRetracted(claim)) return refuse("A retracted claim cannot be edited.");
  if (claim.version !== version) return staleClaim(tx, claimId, version);
  return null;
}

export const staleClaim = async (tx: Tx, claimId: string, version: number) =>
  refuse(staleMessage("claim"), { stale: true, changes: await changesSince(tx, "Claim", claimId, version) });

/**
 * Serialises everything that decides a claim's standing (verify, review, flag, decide, edit): a
 * row lock on each claim, taken in id order, held until the transaction ends.
 */
export async function lockClaims(tx: Tx, claimIds: readonly string[]) {
  if (!claimIds.length) return;
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ANY(${[...new Set(claimIds)].sort()}::uuid[]) ORDER BY id FOR UPDATE`;
}

/**
 * Writes a change to a claim and bumps its version. When the change is to what the claim rests on
 * (lib/basis.ts), its basis version moves too (voiding its approvals), the actor becomes its last
 * editor, and a decided claim goes back to review, on the record with `reason`. Null when someone
 * else changed the claim first.
 */
export async function reviseClaim(
  tx: Tx,
  actorId: string,
  claim: { id: string; status: ClaimStatus },
  version: number,
  data: Prisma.ClaimUncheckedUpdateManyInput,
  event: ClaimEvent,
  reason: string,
): Promise<{ status: ClaimStatus; version: number; reopened: boolean } | null> {
  const basis = changesBasis(event);
  const status = statusAfter(claim.status, event);
  const reopened = status !== claim.status;
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, version },
    data: {
      ...data,
      version: { increment: 1 },
      ...(basis ? { basisVersion: { increment: 1 }, basisEditorId: actorId } : {}),
      ...(reopened ? { status, verificationRule: null, verificationNote: null } : {}),
    },
  });
  if (updated.count === 0) return null;
  if (reopened) {
    await tx.statusChange.create({ data: { claimId: claim.id, fromStatus: claim.status, toStatus: status, reason, actorId } });
  }
  return { status, version: version + 1, reopened };
}

export interface Revised {
  id: string;
  version: number;
  fromStatus: ClaimStatus;
  status: ClaimStatus;
}

/**
 * The same for many claims at once, when what they rest on changed elsewhere (a cited source's
 * text, a metric merge or split, a conflict decision, an actor alias): one statement however many
 * claims, retracted claims left as they are. `set` may move them (a metric merge).
 */
export async function reviseClaims(
  tx: Tx,
  actorId: string,
  claimIds: readonly string[],
  event: ClaimEvent,
  reason: string,
  audit: (e: AuditEntry) => void,
  set: { metricId?: string; eventId?: string } = {},
): Promise<Revised[]> {
  if (!claimIds.length || !changesBasis(event)) return [];
  const decided = DECIDED_STATUSES.map((s) => s);
  const rows = await tx.$queryRaw<{ id: string; version: number; fromStatus: ClaimStatus }[]>`
    WITH target AS (
      SELECT id, status FROM claims WHERE id = ANY(${[...new Set(claimIds)]}::uuid[]) AND status <> 'RETRACTED' ORDER BY id FOR UPDATE)
    UPDATE claims c
       SET version = c.version + 1, basis_version = c.basis_version + 1, basis_editor_id = ${actorId}::uuid, updated_at = now(),
           metric_id = COALESCE(${set.metricId ?? null}::uuid, c.metric_id), event_id = COALESCE(${set.eventId ?? null}::uuid, c.event_id),
           status = CASE WHEN t.status::text = ANY(${decided}::text[]) THEN 'IN_REVIEW'::"ClaimStatus" ELSE c.status END,
           verification_rule = CASE WHEN t.status::text = ANY(${decided}::text[]) THEN NULL ELSE c.verification_rule END,
           verification_note = CASE WHEN t.status::text = ANY(${decided}::text[]) THEN NULL ELSE c.verification_note END
      FROM target t WHERE c.id = t.id
    RETURNING c.id::text AS id, c.version, t.status::text AS "fromStatus"`;
  const revised = rows.map((r) => ({ ...r, status: statusAfter(r.fromStatus, event) }));
  const reopened = revised.filter((r) => r.status !== r.fromStatus);
  if (reopened.length) {
    await tx.statusChange.createMany({ data: reopened.map((r) => ({ claimId: r.id, fromStatus: r.fromStatus, toStatus: r.status, reason, actorId })) });
    for (const r of reopened) {
      audit({ action: "claim.status.reopen", entityType: "Claim", entityId: r.id, before: { status: r.fromStatus, version: r.version - 1 }, after: { status: r.status, version: r.version, reason } });
    }
  }
  return revised;
}
