import "server-only";
import { findAllConflicts } from "@/lib/conflicts/detect";
import { Prisma, type PrismaClient } from "@/prisma/client";
import { writeAudit, type AuditEntry } from "../audit";
import { loadComparable, readComparable, type Audit, type Tx } from "./comparable-claims";
import { lockScopes } from "./detect-on-save";
import { reconcile } from "./store-and-reconcile";

/** Audit entries written by Factdesk itself (the re-scan), with no actor. */
async function asSystem(db: PrismaClient, work: (tx: Tx, audit: Audit) => Promise<void>) {
  await db.$transaction(
    async (tx) => {
      const entries: AuditEntry[] = [];
      await work(tx, (e) => entries.push(e));
      await writeAudit(tx, null, entries);
    },
    { timeout: 120_000 },
  );
}

export interface ScanReport {
  metrics: number;
  events: number;
  statements: number;
  claims: number;
  found: number;
  opened: number;
  reopened: number;
  cleared: number;
}

/**
 * The full re-scan (`npm run conflicts:scan`): every metric, every event and every attributed
 * statement, a batch at a time in keyset order, each batch in its own transaction. Idempotent:
 * a second run opens nothing.
 */
export async function scanAllConflicts(
  db: PrismaClient,
  options: { batch?: number; log?: (line: string) => void; /** After each batch, with the report so far (the re-scan job shows it). */ onProgress?: (report: ScanReport) => Promise<void> | void } = {},
): Promise<ScanReport> {
  const batch = options.batch ?? 200;
  const report: ScanReport = { metrics: 0, events: 0, statements: 0, claims: 0, found: 0, opened: 0, reopened: 0, cleared: 0 };
  const count = (e: AuditEntry) => {
    if (e.action === "conflict.detect") report.opened++;
    else if (e.action === "conflict.reopen") report.reopened++;
    else if (e.action === "conflict.clear") report.cleared++;
  };

  const groups = async (table: "metrics" | "events", kind: "QUANTITY" | "DATE", column: "metricId" | "eventId") => {
    let after: string | null = null;
    for (;;) {
      const ids: { id: string }[] =
        table === "metrics"
          ? await db.metric.findMany({ where: { mergedIntoId: null, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: batch, select: { id: true } })
          : await db.event.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: batch, select: { id: true } });
      if (!ids.length) break;
      after = ids.at(-1)!.id;
      await asSystem(db, async (tx, audit) => {
        await lockScopes(tx, ids.map((i) => (kind === "QUANTITY" ? { kind, metricId: i.id } : { kind, eventId: i.id })));
        const scope = column === "metricId" ? Prisma.sql`c.metric_id` : Prisma.sql`c.event_id`;
        const loaded = await readComparable(tx, `comparable_scan_${table}`, Prisma.sql`${scope} = ANY(${ids.map((i) => i.id)}::uuid[]) AND c.kind = ${kind}::"ClaimKind"`);
        const findings = findAllConflicts(loaded);
        report.claims += loaded.length;
        report.found += findings.length;
        await reconcile(tx, loaded, [], findings, null, (e) => (count(e), audit(e)));
      });
      if (table === "metrics") report.metrics += ids.length;
      else report.events += ids.length;
      options.log?.(`${table}: ${table === "metrics" ? report.metrics : report.events} scanned`);
      await options.onProgress?.(report);
    }
  };
  await groups("metrics", "QUANTITY", "metricId");
  await groups("events", "DATE", "eventId");

  let after: string | null = null;
  for (;;) {
    const ids: { id: string }[] = await db.claim.findMany({
      where: { kind: "ATTRIBUTED_STATEMENT", ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true },
    });
    if (!ids.length) break;
    after = ids.at(-1)!.id;
    await asSystem(db, async (tx, audit) => {
      const loaded = await loadComparable(tx, ids.map((i) => i.id));
      const findings = findAllConflicts(loaded);
      report.claims += loaded.length;
      report.statements += loaded.length;
      report.found += findings.length;
      await reconcile(tx, loaded, [], findings, null, (e) => (count(e), audit(e)));
    });
    await options.onProgress?.(report);
  }
  return report;
}
