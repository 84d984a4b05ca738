import "server-only";
import type { Prisma } from "@/prisma/client";
import type { StaleChange } from "@/lib/action-result";

type Tx = Prisma.TransactionClient;

/** Who changed what on a row since `version`, from the audit log, so a refused editor sees what moved. */
export async function changesSince(tx: Tx, entityType: string, entityId: string, version: number): Promise<StaleChange[]> {
  const entries = await tx.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  return entries
    .filter((e) => Number((e.after as { version?: number } | null)?.version ?? 0) > version)
    .reverse()
    .map((e) => {
      const before = (e.before ?? {}) as Record<string, unknown>;
      const after = (e.after ?? {}) as Record<string, unknown>;
      const fields = Object.keys(after)
        .filter((k) => k !== "version" && k !== "statusChangeId" && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
        .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
      return { by: e.actor?.name ?? "System", at: e.createdAt.toISOString(), fields };
    });
}
