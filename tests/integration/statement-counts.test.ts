// How many statements the busiest paths send. Each costs a round trip and Prisma's work on the
// app's one JS core (a save is bound by it: README, Performance), so a change that adds reads to
// them fails here, where no timing would catch it on a 15-claim database.
import { beforeAll, describe, expect, it } from "vitest";
import { claimSchema } from "@/lib/schemas/claim";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { createClaim } from "@/lib/server/claim-edits";
import { listClaims } from "@/lib/server/claims";
import { figureCitations, getMetric } from "@/lib/server/metrics";
import { activeSessionUser, openSession } from "@/lib/server/sessions";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { statementsOf } from "../support/statements";

describe("statements sent by the busiest paths", () => {
  const { db, actor } = useMigratedDatabase();
  beforeAll(async () => {
    await seedDatabase(db());
  });

  it("saves a tagged figure that opens a conflict in 14 statements (2 of them the tags), reading the claims it compares in one statement each and not the claim it just wrote, all prepared but the transaction's ends", async () => {
    const editor = await actor("editor@factdesk.test");
    const values = claimSchema.parse({
      statement: "Ukraine says 42,000 Russian soldiers were killed by mid-August.",
      kind: "QUANTITY",
      metricId: seedId("metric", "ru-deaths"),
      valueLow: "40,000",
      valueHigh: "45,000",
      unit: "soldiers killed",
      asOf: "2022-08-15",
      asOfPrecision: "DAY",
      tags: "russia, casualties",
    });
    const { result, statements, names } = await statementsOf(() => createClaim(editor, values));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : "";
    // The whole path ran: the figure conflicts with the 15,000–25,000 estimate on the same metric.
    expect(await db().conflictClaim.count({ where: { claimId: id, conflict: { status: "OPEN" } } })).toBe(1);
    // The comparator reads a claim, its metric and (attributed statements only) its citations in one statement.
    expect(statements.filter((s) => /\bFROM "public"\."(citations|metrics)"/.test(s)), statements.join("\n")).toEqual([]);
    expect(statements.filter((s) => /^SELECT .*\bFROM "public"\."claim_tags"/.test(s)), statements.join("\n")).toEqual([]);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(14);
    // Prepared (planned once a connection, not compiled by Prisma each time): the metric's check,
    // the claim with its status entry, its tags, the comparator's two reads around the metric's
    // lock, the stored conflicts' lock and read, the conflict it opens, that conflict's claims, and
    // the audit entries. Only the transaction's ends are not.
    expect(names.filter(Boolean)).toEqual(["metric_live", "claim_insert", "tags_make", "claim_tags_add", "comparable_by_id", "scope_lock", "comparable_peers_metric", "conflicts_lock", "conflicts_stored", "conflicts_open", "conflict_claims_save", "audit_entries"]);
    // The audit entry still holds what a read gives: figures as stored (decimal strings), tags sorted.
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.create" } });
    expect(audit.after).toMatchObject({ valueLow: "40000", valueHigh: "45000", valueBest: null, tags: ["casualties", "russia"], speakerName: null, version: 1 });
  });

  it("reads a page of the claims list in one statement, and a session with its user in one", async () => {
    const editor = await actor("editor@factdesk.test");
    const list = await statementsOf(() => listClaims(editor, claimFiltersSchema.parse({ status: "UNVERIFIED" })));
    expect(list.result.items.length).toBeGreaterThan(0);
    expect(list.statements, list.statements.join("\n")).toHaveLength(1);
    const sessionId = await openSession(editor.id, "127.0.0.1", "statement-counts");
    const session = await statementsOf(() => activeSessionUser(sessionId, editor.id));
    expect(session.result?.id).toBe(editor.id);
    expect(session.statements, session.statements.join("\n")).toHaveLength(1);
    // Prepared once a connection (prisma/client.ts): planned from PostgreSQL's cache after the first.
    expect(session.names).toEqual(["session_user"]);
  });

  it("reads a metric page in three statements: the metric, its figures with their sources, and the table page's citations with their chains", async () => {
    const reader = await actor("reviewer@factdesk.test");
    const { result, statements } = await statementsOf(() => getMetric(reader, seedId("metric", "ru-deaths")));
    expect(result?.claims.length).toBeGreaterThanOrEqual(2);
    expect(result?.claims.find((c) => c.id === seedId("claim", "ru-deaths-range"))?.citations[0]?.source.outlet).toBe("National Review");
    expect(statements, statements.join("\n")).toHaveLength(2);
    const ids = result!.claims.map((c) => c.id);
    const table = await statementsOf(() => figureCitations(reader, ids));
    expect(table.result.get(seedId("claim", "ru-deaths-range"))?.[0]?.chain.map((l) => l.actor.name)).toEqual(["Unnamed estimates", "National Review"]);
    expect(table.statements, table.statements.join("\n")).toHaveLength(1);
  });
});
