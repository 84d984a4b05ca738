import "server-only";
import type { Prisma } from "@/prisma/client";
import { writeAudit, type AuditEntry } from "./audit";
import { ForbiddenError, type Actor } from "./authorize";
import { db } from "./db";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";

/** What every mutation returns: errors a user can cause are values, not exceptions. */
/** What someone else changed since the version an editor started from, read from the audit log. */
export interface StaleChange {
  by: string;
  at: string;
  fields: { field: string; from: unknown; to: unknown }[];
}

export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined>; stale?: boolean; changes?: StaleChange[] };

export const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });
export const refuse = (
  message: string,
  extra: { fieldErrors?: Record<string, string[]>; stale?: boolean; changes?: StaleChange[] } = {},
): ActionResult<never> => ({
  ok: false,
  message,
  ...extra,
});

export type { AuditEntry };

type Tx = Prisma.TransactionClient;

class Refused extends Error {
  constructor(readonly result: ActionResult<never>) {
    super(result.ok ? "" : result.message);
  }
}

/**
 * Runs a mutation in one transaction with its audit entries: both commit, or neither does. A
 * refusal returned by `work` rolls back whatever it wrote before refusing.
 */
export async function inTransaction<T>(
  actor: Actor,
  work: (tx: Tx, audit: (entry: AuditEntry) => void) => Promise<ActionResult<T>>,
  /** For the rare mutation that may touch thousands of rows (a metric merge): more than Prisma's 5 s. */
  options: { timeout?: number } = {},
): Promise<ActionResult<T>> {
  try {
    return await db.$transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      const result = await work(tx, (e) => entries.push(e));
      if (!result.ok) throw new Refused(result);
      await writeAudit(tx, actor.id, entries);
      return result;
    }, options);
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}

/** For server actions: a refused role or a database outage becomes a message instead of an error page. */
export async function asAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ForbiddenError) return { ok: false, message: e.message };
    if (isDatabaseUnavailable(e)) return { ok: false, message: OUTAGE_MESSAGE };
    throw e;
  }
}
