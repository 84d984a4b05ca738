import "server-only";
import type { Prisma } from "@/prisma/client";

/** One audit-log row in the making: what changed, on which entity, before and after. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const asJson = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue);

/** Writes audit entries in the caller's transaction; a null actor is Factdesk itself (seeding, the re-scan). */
export async function writeAudit(tx: Prisma.TransactionClient, actorId: string | null, entries: readonly AuditEntry[]) {
  if (!entries.length) return;
  await tx.auditLog.createMany({
    data: entries.map((e) => ({ actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: asJson(e.before), after: asJson(e.after) })),
  });
}
