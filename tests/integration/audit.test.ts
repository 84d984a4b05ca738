// writeAudit: one prepared statement however many entries, written in their order, snapshots as JSON.
import { beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/server/audit";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { statementsOf } from "../support/statements";

describe("audit entries", () => {
  const { db } = useMigratedDatabase();
  beforeAll(async () => {
    await seedDatabase(db());
  });

  it("are written in their order in one prepared statement, snapshots as JSON and a missing one as null", async () => {
    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    const entityId = "0193a0a0-0000-7000-8000-00000000a0d1";
    const entries = [
      { action: "test.first", entityType: "Claim", entityId, after: { statement: "Fünf “quoted” words", valueLow: "40000", sequence: 12n, tags: ["a", "b"], asOf: new Date("2022-08-15T00:00:00Z") } },
      { action: "test.second", entityType: "Claim", entityId, before: { status: "UNVERIFIED" }, after: { status: "IN_REVIEW", note: null } },
      { action: "test.third", entityType: "Claim", entityId, before: null },
    ];
    const { statements, names } = await statementsOf(() => db().$transaction((tx) => writeAudit(tx, editor.id, entries)));
    expect(names.filter(Boolean)).toEqual(["audit_entries"]);
    expect(statements.filter((s) => s.includes("audit_log"))).toHaveLength(1);
    const rows = await db().auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.actorId, r.action, r.entityType, r.before, r.after])).toEqual([
      [editor.id, "test.first", "Claim", null, { statement: "Fünf “quoted” words", valueLow: "40000", sequence: "12", tags: ["a", "b"], asOf: "2022-08-15T00:00:00.000Z" }],
      [editor.id, "test.second", "Claim", { status: "UNVERIFIED" }, { status: "IN_REVIEW", note: null }],
      [editor.id, "test.third", "Claim", null, null],
    ]);
    // Factdesk itself (the re-scan, seeding) writes with no actor.
    await db().$transaction((tx) => writeAudit(tx, null, [{ action: "test.system", entityType: "Claim", entityId }]));
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId, action: "test.system" } })).actorId).toBeNull();
  });
});
