import "server-only";
import type { ActionResult } from "@/lib/action-result";
import type { Prisma } from "@/prisma/client";
import { writeAudit, type AuditEntry } from "./audit";
import type { SessionUser } from "./authorize";
import { db } from "./db";

export type { AuditEntry };

/** A transaction a caller already holds; every verb that writes takes one as its optional last parameter. */
export type Tx = Prisma.TransactionClient;

/** A refusal inside a transaction: thrown so everything written before it rolls back, caught where the transaction began. */
export class Refused extends Error {
  constructor(readonly result: ActionResult<never>) {
    super(result.ok ? "" : result.message);
    this.name = "Refused";
  }
}

/**
 * Runs a mutation in one transaction with its audit entries: both commit, or neither does. A
 * refusal returned by `work` rolls back whatever it wrote before refusing. Given a caller's `tx`,
 * the work joins it (its audit entries too): a refusal then rolls back the caller's whole
 * transaction, and the outermost `inTransaction` returns it.
 */
export async function inTransaction<T>(
  user: SessionUser,
  work: (tx: Tx, audit: (entry: AuditEntry) => void) => Promise<ActionResult<T>>,
  options: {
    tx?: Tx;
    /** For the rare mutation that may touch thousands of rows (a metric merge): more than Prisma's 5 s. */
    timeout?: number;
  } = {},
): Promise<ActionResult<T>> {
  const run = async (tx: Tx) => {
    const entries: AuditEntry[] = [];
    const result = await work(tx, (e) => entries.push(e));
    if (!result.ok) throw new Refused(result);
    await writeAudit(tx, user.id, entries);
    return result;
  };
  if (options.tx) return run(options.tx);
  try {
    return await db.$transaction(run, { timeout: options.timeout });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}
