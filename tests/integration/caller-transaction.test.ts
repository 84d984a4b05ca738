import { describe, expect, it } from "vitest";
import { ok, refuse } from "@/lib/action-result";
import { claimSchema } from "@/lib/schemas/claim";
import { sourceSchema } from "@/lib/schemas/source";
import type { SessionUser } from "@/lib/server/authorize";
import { createClaim } from "@/lib/server/claim-edits";
import { inTransaction } from "@/lib/server/mutations";
import { createSource } from "@/lib/server/sources";
import { findActiveUser } from "@/lib/server/users";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

// Verbs that write take a caller's transaction, so a source and its claims can be saved atomically.
describe("verbs inside a caller's transaction", () => {
  const { db } = useMigratedDatabase();
  const editor = async (): Promise<SessionUser> => (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } })).id))!;
  const counts = async () => ({ sources: await db().source.count(), claims: await db().claim.count(), audit: await db().auditLog.count() });
  const source = sourceSchema.parse({ title: "A report saved with its claims", outlet: "Caller Tx Times", kind: "NEWS_ARTICLE" });
  const claim = (statement: string) => claimSchema.parse({ statement, kind: "QUANTITY", valueBest: "1200", unit: "volunteers", asOf: "2024-05-01", asOfPrecision: "DAY" });

  it("rolls every verb back with the caller's transaction when the caller refuses afterwards", async () => {
    await seedDatabase(db());
    const user = await editor();
    const before = await counts();
    const result = await inTransaction(user, async (tx) => {
      const s = await createSource(user, source, tx);
      const c = await createClaim(user, claim("Twelve hundred volunteers arrived in May 2024."), tx);
      expect(s.ok && c.ok).toBe(true);
      // The writes are visible inside the transaction, not outside it.
      expect(await tx.source.count()).toBe(before.sources + 1);
      expect(await db().source.count()).toBe(before.sources);
      return refuse("The caller changed its mind.");
    });
    expect(result).toEqual({ ok: false, message: "The caller changed its mind." });
    expect(await counts()).toEqual(before);
  });

  it("rolls the caller's earlier writes back when a verb inside refuses", async () => {
    const user = await editor();
    const before = await counts();
    const result = await inTransaction(user, async (tx) => {
      await createSource(user, source, tx);
      await createClaim(user, claim("Twelve hundred volunteers arrived in May 2024, again."), tx);
      return createClaim(user, { ...claim("A claim pointing at a metric that does not exist."), metricId: "00000000-0000-4000-8000-000000000000" }, tx);
    });
    expect(result.ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("rolls back with a plain Prisma transaction that throws", async () => {
    const user = await editor();
    const before = await counts();
    await expect(
      db().$transaction(async (tx) => {
        await createSource(user, source, tx);
        throw new Error("outage");
      }),
    ).rejects.toThrow("outage");
    expect(await counts()).toEqual(before);
  });

  it("commits a source and two claims together, each with its audit entries", async () => {
    const user = await editor();
    const before = await counts();
    const result = await inTransaction(user, async (tx) => {
      const s = await createSource(user, source, tx);
      const a = await createClaim(user, claim("Twelve hundred volunteers arrived in May 2024 (first)."), tx);
      const b = await createClaim(user, claim("Twelve hundred volunteers arrived in May 2024 (second)."), tx);
      if (!s.ok || !a.ok || !b.ok) return refuse("unexpected");
      return ok({ source: s.value.id, claims: [a.value.id, b.value.id] });
    });
    expect(result.ok).toBe(true);
    const after = await counts();
    expect(after.sources).toBe(before.sources + 1);
    expect(after.claims).toBe(before.claims + 2);
    const ids = result.ok ? [result.value.source, ...result.value.claims] : [];
    expect(await db().auditLog.count({ where: { entityId: { in: ids } } })).toBeGreaterThanOrEqual(3);
  });
});
