import { describe, expect, it } from "vitest";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { ForbiddenError } from "@/lib/server/authorize";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { changeStatus } from "@/lib/server/claim-status";
import { reviewClaim } from "@/lib/server/reviews";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("creating and editing claims", () => {
  const { db, actor } = useMigratedDatabase();
  const form = {
    statement: "Ukraine says 42,000 Russian soldiers were killed by mid-August.",
    kind: "QUANTITY",
    metricId: seedId("metric", "ru-deaths"),
    valueLow: "40,000",
    valueHigh: "45,000",
    valueBest: "42000",
    unit: "soldiers killed",
    asOf: "2022-08-15",
    asOfPrecision: "DAY",
    periodStart: "2022-02-24",
    tags: "Russia, casualties, ukraine-claims",
  };
  let id = "";

  it("creates a claim with its first status entry, tags and an audit entry, in one transaction", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const result = await createClaim(editor, claimSchema.parse(form));
    expect(result.ok).toBe(true);
    id = result.ok ? result.value.id : "";
    const claim = await db().claim.findUniqueOrThrow({ where: { id }, include: { tags: { include: { tag: true } }, statusChanges: true } });
    expect([claim.valueLow?.toString(), claim.valueHigh?.toString(), claim.valueBest?.toString(), claim.version]).toEqual(["40000", "45000", "42000", 1]);
    expect(claim.tags.map((t) => t.tag.name).sort()).toEqual(["casualties", "russia", "ukraine-claims"]);
    expect(claim.statusChanges).toMatchObject([{ fromStatus: null, toStatus: "UNVERIFIED", actorId: editor.id }]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.create" } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.after).toMatchObject({ statement: form.statement, tags: ["casualties", "russia", "ukraine-claims"], version: 1 });
  });

  const editableSelect = {
    statement: true, kind: true, metricId: true, valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true, asOf: true, asOfPrecision: true,
    periodStart: true, periodEnd: true, periodText: true, approximate: true, eventId: true, eventDate: true, eventDatePrecision: true, version: true,
  } as const;

  it("stores every kind of claim as written, and its audit entries (made and edited) hold what a read of it gives", async () => {
    const editor = await actor("editor@factdesk.test");
    const forms = [
      { ...form, valueLow: "0.25", valueHigh: "1,234,567.123456", valueBest: "", ratePeriod: "WEEK", asOf: "2022-03-01", asOfPrecision: "MONTH", periodEnd: "2022-12-31", periodText: "over the war's first year", approximate: true, tags: "" },
      { ...form, metricId: "", valueLow: "", valueHigh: "", valueBest: "3.5", unit: "degrees", asOf: "", periodStart: "2023-01-01", tags: "Weather" },
      { statement: "Russia recognised the two republics on 21 February 2022.", kind: "DATE", eventId: seedId("event", "ru-recognises"), eventDate: "2022-02-21", eventDatePrecision: "DAY", tags: "" },
      { statement: "The minister said the bridge would reopen within the month.", kind: "ATTRIBUTED_STATEMENT", speakerName: "A Minister Of Bridges", periodText: "this month" },
      { statement: "The two leaders met in Geneva for the first time.", kind: "EVENT", eventId: seedId("event", "ru-recognises") },
    ];
    for (const values of forms) {
      const result = await createClaim(editor, claimSchema.parse(values));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const id = result.ok ? result.value.id : "";
      const claim = await db().claim.findUniqueOrThrow({
        where: { id },
        select: {
          ...editableSelect,
          status: true, rank: true, createdById: true, createdAt: true, updatedAt: true, speaker: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } },
          statusChanges: { select: { fromStatus: true, toStatus: true, reason: true, actorId: true, createdAt: true } },
        },
      });
      const { speaker, tags, status, rank, createdById, createdAt, updatedAt, statusChanges, ...editable } = claim;
      expect({ status, rank, createdById, version: editable.version }).toEqual({ status: "UNVERIFIED", rank: "NORMAL", createdById: editor.id, version: 1 });
      expect(updatedAt).toEqual(createdAt);
      expect(statusChanges).toEqual([{ fromStatus: null, toStatus: "UNVERIFIED", reason: "Recorded.", actorId: editor.id, createdAt }]);
      const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.create" } });
      expect(audit.after).toStrictEqual(JSON.parse(JSON.stringify({ ...editable, speakerName: speaker?.name ?? null, tags: tags.map((t) => t.tag.name).sort() })));

      // An edit's entry holds the claim as it was and as it is, with its status, read the same way.
      const edit = await updateClaim(editor, editClaimSchema.parse({ ...values, id, version: 1, statement: `${values.statement} (edited)`, tags: "zulu, Alpha, ukraine-claims, ukraine2" }));
      expect(edit.ok, JSON.stringify(edit)).toBe(true);
      const edited = await db().claim.findUniqueOrThrow({ where: { id }, select: { ...editableSelect, status: true, speaker: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } } } });
      const { speaker: speakerNow, tags: tagsNow, ...columnsNow } = edited;
      const entry = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.update" } });
      expect(entry.before).toStrictEqual({ ...(audit.after as object), status: "UNVERIFIED" });
      expect(entry.after).toStrictEqual(JSON.parse(JSON.stringify({ ...columnsNow, speakerName: speakerNow?.name ?? null, tags: tagsNow.map((t) => t.tag.name).sort() })));
      expect((entry.after as { tags: string[] }).tags).toEqual(["alpha", "ukraine-claims", "ukraine2", "zulu"]);
    }
  });

  it("stamps the rows a save and an edit write by SQL (claim, status entry, conflicts opened and cleared, decisions) with the app's clock, as Prisma stamps its own, not with the transaction's start", async () => {
    const editor = await actor("editor@factdesk.test");
    await db().$transaction(async (tx) => {
      const [began] = await tx.$queryRaw<{ start: Date }[]>`SELECT now() AS start`;
      while (Date.now() <= began!.start.getTime() + 5); // the transaction began at least 5 ms ago
      const before = new Date();
      // 10,000 killed disagrees with the seeded estimates of the same metric: the save opens a conflict.
      const result = await createClaim(editor, claimSchema.parse({ ...form, valueLow: "", valueHigh: "", valueBest: "10,000", tags: "" }), tx);
      expect(result.ok).toBe(true);
      const id = result.ok ? result.value.id : "";
      const claim = await tx.claim.findUniqueOrThrow({ where: { id }, select: { createdAt: true, statusChanges: { select: { createdAt: true } }, conflicts: { select: { conflict: { select: { createdAt: true, updatedAt: true } } } } } });
      const stamps = [claim.createdAt, ...claim.statusChanges.map((s) => s.createdAt), ...claim.conflicts.flatMap((c) => [c.conflict.createdAt, c.conflict.updatedAt])];
      expect(claim.conflicts.length).toBeGreaterThan(0);
      // An edit that takes the figure off the metric clears the conflict it opened, on the record.
      const edited = await updateClaim(editor, editClaimSchema.parse({ id, version: 1, statement: "Not a figure after all: the report was of an event.", kind: "EVENT" }), tx);
      expect(edited.ok, JSON.stringify(edited)).toBe(true);
      const cleared = await tx.conflict.findMany({ where: { claims: { some: { claimId: id } } }, select: { status: true, updatedAt: true, decisions: { select: { action: true, createdAt: true } } } });
      expect(cleared.map((c) => [c.status, c.decisions.map((d) => d.action)])).toEqual(claim.conflicts.map(() => ["RESOLVED", ["CLEAR"]]));
      stamps.push(...cleared.flatMap((c) => [c.updatedAt, ...c.decisions.map((d) => d.createdAt)]));
      for (const at of stamps) expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    });
  });

  it("tags a claim with a tag another save is making at the same moment, once that save commits", async () => {
    const editor = await actor("editor@factdesk.test");
    let saved: Promise<Awaited<ReturnType<typeof createClaim>>> | undefined;
    await db().$transaction(async (other) => {
      // The other save has made the tag and not yet committed...
      await other.$executeRaw`INSERT INTO tags (id, name) VALUES (gen_random_uuid(), 'made-meanwhile')`;
      // ...when this save, tagging with it, waits on that row.
      saved = createClaim(editor, claimSchema.parse({ ...form, statement: "A figure tagged while its tag was being made elsewhere.", tags: "made-meanwhile, casualties" }));
      await expect
        .poll(async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%prepared: tags_make%'`)[0]!.n, { timeout: 8_000 })
        .toBe(1);
    });
    const result = await saved!;
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : "";
    const tags = await db().claimTag.findMany({ where: { claimId: id }, select: { tag: { select: { name: true } } } });
    expect(tags.map((t) => t.tag.name).sort()).toEqual(["casualties", "made-meanwhile"]);
  });

  it("refuses reviewers in the data layer", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    await expect(createClaim(reviewer, claimSchema.parse(form))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateClaim(reviewer, editClaimSchema.parse({ ...form, id, version: 1 }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a metric that does not exist, writing nothing", async () => {
    const before = await db().claim.count();
    const result = await createClaim(await actor("editor@factdesk.test"), claimSchema.parse({ ...form, metricId: "00000000-0000-4000-8000-000000000000" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { metricId: ["Choose a metric from the list."] } });
    expect(await db().claim.count()).toBe(before);
  });

  it("updates with the current version, clearing the fields of a kind the claim no longer has", async () => {
    const editor = await actor("editor@factdesk.test");
    const result = await updateClaim(editor, editClaimSchema.parse({ ...form, id, version: 1, valueBest: "43,000" }));
    expect(result).toEqual({ ok: true, value: { id, version: 2 } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.update" } });
    expect(audit.before).toMatchObject({ valueBest: "42000", version: 1 });
    expect(audit.after).toMatchObject({ valueBest: "43000", version: 2 });
  });

  it("refuses a stale edit, changes nothing, and says who changed what", async () => {
    const admin = await actor("admin@factdesk.test");
    const moved = await changeStatus(admin, { claimId: id, version: 2, toStatus: "IN_REVIEW", reason: "Ready" });
    expect(moved.ok).toBe(true);
    const before = await db().claim.findUniqueOrThrow({ where: { id } });
    const auditCount = await db().auditLog.count();

    const result = await updateClaim(await actor("editor@factdesk.test"), editClaimSchema.parse({ ...form, id, version: 2, statement: "A rewrite on an old copy of the claim." }));
    expect(result).toMatchObject({ ok: false, stale: true });
    if (result.ok) return;
    expect(result.changes).toEqual([{ by: "Ada Admin", at: expect.any(String), fields: [{ field: "status", from: "UNVERIFIED", to: "IN_REVIEW" }] }]);
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db().auditLog.count()).toBe(auditCount);
  });

  it("sends a decided claim back to review when its content is edited, and refuses to edit a retracted one", async () => {
    const editor = await actor("editor@factdesk.test");
    const admin = await actor("admin@factdesk.test");
    const id = seedId("claim", "ru-recognition-date");
    const citation = await db().citation.findFirstOrThrow({ where: { claimId: id } });
    await db().citation.update({ where: { id: citation.id }, data: { isPrimary: true } });
    expect((await changeStatus(editor, { claimId: id, version: 1, toStatus: "IN_REVIEW", reason: "Ready" })).ok).toBe(true);
    expect((await reviewClaim(await actor("reviewer@factdesk.test"), { claimId: id, version: 2, decision: "APPROVE" })).ok).toBe(true);
    const verified = await changeStatus(editor, { claimId: id, version: 2, toStatus: "VERIFIED", reason: "Decree", justification: "The decree itself is dated 21 February 2022." });
    expect(verified.ok).toBe(true);

    const edit = {
      statement: "Russia recognised the independence of the two republics on 21 February 2022.",
      kind: "DATE",
      eventDate: "2022-02-21",
      eventDatePrecision: "DAY",
    };
    const result = await updateClaim(editor, editClaimSchema.parse({ ...edit, id, version: 3 }));
    expect(result).toEqual({ ok: true, value: { id, version: 4 } });
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "IN_REVIEW", verificationRule: null, verificationNote: null });
    const last = await db().statusChange.findFirstOrThrow({ where: { claimId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ fromStatus: "VERIFIED", toStatus: "IN_REVIEW", actorId: editor.id });

    expect((await changeStatus(admin, { claimId: id, version: 4, toStatus: "RETRACTED", reason: "Withdrawn" })).ok).toBe(true);
    expect(await updateClaim(editor, editClaimSchema.parse({ ...edit, id, version: 5 }))).toEqual({ ok: false, message: "A retracted claim cannot be edited." });
  });
});
