import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("append-only tables", () => {
  const { db } = useMigratedDatabase();

  it("the status log refuses UPDATE, DELETE and TRUNCATE but takes new rows", async () => {
    await seedDatabase(db());
    const change = await db().statusChange.findFirstOrThrow();
    await expect(db().statusChange.update({ where: { id: change.id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().statusChange.delete({ where: { id: change.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE status_changes CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`UPDATE status_changes SET reason = 'x'`).rejects.toThrow(/append-only/);
    const created = await db().statusChange.create({
      data: { claimId: change.claimId, fromStatus: "UNVERIFIED", toStatus: "IN_REVIEW", reason: "a new entry", actorId: change.actorId },
    });
    expect(created.reason).toBe("a new entry");
    expect((await db().statusChange.findUniqueOrThrow({ where: { id: change.id } })).reason).toBe(change.reason);
  });

  it("the audit log refuses UPDATE and DELETE", async () => {
    const entry = await db().auditLog.findFirstOrThrow();
    await expect(db().auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db().auditLog.count()).toBeGreaterThan(0);
  });

  it("a claim with a status history cannot be deleted out from under its log", async () => {
    const claim = await db().claim.findFirstOrThrow({ where: { statusChanges: { some: {} } } });
    await expect(db().claim.delete({ where: { id: claim.id } })).rejects.toThrow();
  });

  it("published fact-sheet snapshots are immutable", async () => {
    const editor = await db().user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const sheet = await db().factSheet.create({ data: { title: "North Korea and the war", slug: "nk-war", createdById: editor.id } });
    const snapshot = await db().factSheetSnapshot.create({
      data: { factSheetId: sheet.id, number: 1, title: sheet.title, content: { claims: [] }, contentHash: "0".repeat(64), publishedById: editor.id },
    });
    await expect(db().factSheetSnapshot.update({ where: { id: snapshot.id }, data: { title: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db().factSheetSnapshot.delete({ where: { id: snapshot.id } })).rejects.toThrow(/append-only/);
  });

  it("rules the database itself enforces: ordered ranges and offsets, an annotation target", async () => {
    const claim = await db().claim.findFirstOrThrow({ where: { kind: "QUANTITY" } });
    await expect(db().claim.update({ where: { id: claim.id }, data: { valueLow: 10, valueHigh: 5, valueBest: null } })).rejects.toThrow(/claims_range_ordered/);
    const author = await db().user.findFirstOrThrow();
    await expect(db().note.create({ data: { body: "floating", authorId: author.id } })).rejects.toThrow(/annotations_target/);
  });
});
