import pg from "pg";
import { describe, expect, it } from "vitest";
import { contentHash, snapshotContentSchema } from "@/lib/factsheets/snapshot";
import { ForbiddenError } from "@/lib/server/authorize";
import { changeStatus } from "@/lib/server/claim-status";
import { updateClaim } from "@/lib/server/claim-edits";
import { createCitation, searchClaimsToCite } from "@/lib/server/citations";
import { citationSchema } from "@/lib/schemas/citation";
import { verifyChains } from "@/lib/server/fact-sheet-chain";
import { createLink, openPublicLink, revokeLink } from "@/lib/server/fact-sheet-links";
import { draftChanges, previewPublication, publishSheet, readVersion, versionDiff } from "@/lib/server/fact-sheet-publishing";
import { watchSheets } from "@/lib/server/fact-sheet-watches";
import { addFilteredClaims, addSheetClaims, arrangeSheet, createSheet, getSheet, getSheetAlone, updateSheet } from "@/lib/server/fact-sheets";
import { reviewClaim } from "@/lib/server/reviews";
import { flagConflict } from "@/lib/server/conflicts";
import { flagConflictSchema } from "@/lib/schemas/conflict";
import { editClaimSchema } from "@/lib/schemas/claim";
import { sheetFilterSchema } from "@/lib/schemas/factsheet";
import { seedDatabase, seedId } from "@/seeds/load";
import { SEED_SHEET_SLUG, seedPublication } from "@/seeds/publication";
import { useMigratedDatabase } from "../support/database";

describe("fact sheets", () => {
  const { db, url, actor } = useMigratedDatabase();
  const version = async (id: string) => (await db().claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const sheetVersion = async (id: string) => (await db().factSheet.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const against = seedId("claim", "un-vote-against");
  const range = seedId("claim", "ru-deaths-range");
  const recognition = seedId("claim", "ru-recognition-date");
  let sheetId = "";
  /** What the sheet's page says changed since the latest version (from keys, without building the draft). */
  const changes = async () => {
    const editor = await actor("editor@factdesk.test");
    return draftChanges(editor, (await getSheet(editor, sheetId))!);
  };
  const unchanged = (number: number) => ({ number, added: 0, removed: 0, reordered: false, sheetEdited: false });

  async function verify(claimId: string) {
    const editor = await actor("editor@factdesk.test");
    const reviewer = await actor("reviewer@factdesk.test");
    expect((await changeStatus(editor, { claimId, version: await version(claimId), toStatus: "IN_REVIEW", reason: "Ready" })).ok).toBe(true);
    expect((await reviewClaim(reviewer, { claimId, version: await version(claimId), decision: "APPROVE", note: undefined })).ok).toBe(true);
    const verified = await changeStatus(editor, { claimId, version: await version(claimId), toStatus: "VERIFIED", reason: "Two origins" });
    expect(verified).toMatchObject({ ok: true });
  }

  it("creates a sheet, adds claims by pick and by a claims-list view, and reorders them with sections", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const created = await createSheet(editor, { title: "North Korea: the figures", summary: "Short **summary**." });
    expect(created.ok).toBe(true);
    sheetId = created.ok ? created.value.id : "";
    const sheet = await db().factSheet.findUniqueOrThrow({ where: { id: sheetId } });
    expect(sheet).toMatchObject({ slug: "north-korea-the-figures", version: 1, status: "DRAFT" });

    expect(await addSheetClaims(editor, { sheetId, version: 1, claimIds: [range, against] })).toMatchObject({ ok: true, value: { added: 2, version: 2 } });
    // A stale version changes nothing.
    expect(await addSheetClaims(editor, { sheetId, version: 1, claimIds: [recognition] })).toMatchObject({ ok: false, stale: true });

    // The claims list's "dates" view: every DATE claim, in the list's order, those on the sheet skipped.
    const added = await addFilteredClaims(editor, { sheetId, filters: sheetFilterSchema.parse({ kind: "DATE" }) });
    expect(added).toMatchObject({ ok: true, value: { added: 3, capped: false } });
    const again = await addFilteredClaims(editor, { sheetId, filters: sheetFilterSchema.parse({ kind: "DATE" }) });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("already on the sheet") });
    const onSheet = await db().factSheetClaim.findMany({ where: { factSheetId: sheetId }, orderBy: { position: "asc" }, include: { claim: true } });
    expect(onSheet.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
    expect(onSheet.slice(2).every((c) => c.claim.kind === "DATE")).toBe(true);

    // Reorder: `against` first under a heading, drop one date claim.
    const order = [against, range, ...onSheet.slice(2, 4).map((c) => c.claimId)];
    const arranged = await arrangeSheet(editor, {
      sheetId,
      version: await sheetVersion(sheetId),
      items: order.map((claimId, i) => ({ claimId, section: i === 0 ? "At the UN" : "Elsewhere" })),
    });
    expect(arranged).toMatchObject({ ok: true, value: { count: 4 } });
    const detail = (await getSheet(editor, sheetId))!;
    expect(detail.claims.map((c) => c.id)).toEqual(order);
    expect(detail.claims[0]).toMatchObject({ section: "At the UN", reasons: ["NOT_VERIFIED"] });
    expect(detail.claims.find((c) => c.id === range)!.reasons).toEqual(["NOT_VERIFIED", "OPEN_CONFLICT"]);
    expect(await db().auditLog.count({ where: { entityType: "FactSheet", entityId: sheetId } })).toBe(4);
  });

  it("refuses reviewers at the server: they read sheets but cannot change or publish them", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    expect(await getSheet(reviewer, sheetId)).not.toBeNull();
    // The edit form's read: the sheet's own fields, no claims; an unknown id is null.
    const alone = (await getSheetAlone(reviewer, sheetId))!;
    expect(Object.keys(alone).sort()).toEqual(["description", "id", "slug", "status", "title", "version"]);
    expect(alone.title).toBe((await getSheet(reviewer, sheetId))!.title);
    expect(await getSheetAlone(reviewer, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(createSheet(reviewer, { title: "Mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSheet(reviewer, { id: sheetId, version: 1, title: "Renamed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(arrangeSheet(reviewer, { sheetId, version: await sheetVersion(sheetId), items: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishSheet(reviewer, { sheetId, version: await sheetVersion(sheetId), previousNumber: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createLink(reviewer, { sheetId })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("publishes version 1 with only the publishable claims, everything frozen, and the omitted listed", async () => {
    const editor = await actor("editor@factdesk.test");
    expect(await publishSheet(editor, { sheetId, version: await sheetVersion(sheetId), previousNumber: 0 })).toMatchObject({ ok: false, message: expect.stringContaining("No claim") });
    await verify(against);
    const preview = (await previewPublication(editor, sheetId))!;
    expect(preview).toMatchObject({ previousNumber: 0, nextNumber: 1, claimCount: 1, diff: null });
    expect(preview.omitted.map((o) => o.id)).toContain(range);

    expect(await changes()).toBeNull();
    const published = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: 0 });
    expect(published).toMatchObject({ ok: true, value: { number: 1, omitted: 3 } });
    expect(await changes()).toEqual(unchanged(1));
    const v1 = (await readVersion({ factSheetId: sheetId, number: 1 }))!;
    expect(v1.previousHash).toBeNull();
    expect(v1.contentHash).toBe(contentHash(v1.content, null));
    const [claim] = v1.content.claims;
    expect(claim).toMatchObject({ id: against, position: 1, section: "At the UN", status: "VERIFIED", valueText: "5 countries, as of 2 Mar 2022" });
    expect(claim!.verification).toMatchObject({ rule: "INDEPENDENT_ORIGINS", verifiedBy: "Eddie Editor", approvedBy: [{ name: "Rita Reviewer" }] });
    expect(claim!.citations.map((c) => c.chain[0]!.actor).sort()).toEqual(["National Review", "United Nations General Assembly"]);
    expect(claim!.citations.find((c) => c.isPrimary)!.source).toMatchObject({ title: expect.stringContaining("ES-11/1"), publishedAt: "2022-03-02" });
    expect(v1.content.omitted.find((o) => o.id === range)!.reasons).toEqual(["not verified", "open conflict"]);
    expect(await db().factSheetSnapshotClaim.findMany({ where: { snapshot: { factSheetId: sheetId } } })).toEqual([
      expect.objectContaining({ claimId: against, position: 1, status: "VERIFIED", claimVersion: await version(against) }),
    ]);
  });

  it("republishes only with a change note, after showing the diff; a publish in between is refused", async () => {
    const editor = await actor("editor@factdesk.test");
    await updateSheet(editor, { id: sheetId, version: await sheetVersion(sheetId), title: "North Korea: the figures", summary: "Now with dates." });
    expect(await changes()).toEqual({ ...unchanged(1), sheetEdited: true });
    // A second, independent origin for the date: the Kremlin's own announcement.
    const kremlin = await db().source.create({ data: { title: "Address by the President of the Russian Federation", outlet: "Kremlin", kind: "OFFICIAL_STATEMENT", createdById: editor.id } });
    const cited = await createCitation(
      editor,
      citationSchema.parse({
        claimId: recognition,
        claimVersion: await version(recognition),
        sourceId: kremlin.id,
        quote: "to immediately recognise the independence and sovereignty of the Donetsk People’s Republic and the Lugansk People’s Republic",
        stance: "SUPPORTS",
        chain: [{ actorName: "Vladimir Putin", actorKind: "PERSON", relation: "announced" }],
      }),
    );
    expect(cited.ok).toBe(true);
    await verify(recognition);
    expect(await changes()).toEqual({ ...unchanged(1), added: 1, sheetEdited: true });
    const preview = (await previewPublication(editor, sheetId))!;
    expect(preview).toMatchObject({ previousNumber: 1, nextNumber: 2, summaryChanged: true });
    expect(preview.diff!.added.map((c) => c.id)).toContain(recognition);

    const noNote = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: 1 });
    expect(noNote).toMatchObject({ ok: false, fieldErrors: { changeNote: [expect.stringContaining("Say what changed")] } });
    const stale = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: 0, changeNote: "Added the date of recognition." });
    expect(stale).toMatchObject({ ok: false, stale: true });
    // The preview's hash is stable while nothing changes; a publish against another preview is refused.
    expect((await previewPublication(editor, sheetId))!.draftHash).toBe(preview.draftHash);
    const changedSince = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: 1, draftHash: "0".repeat(64), changeNote: "Added the date of recognition." });
    expect(changedSince).toMatchObject({ ok: false, stale: true, message: expect.stringContaining("changed after you looked") });
    const v2 = await publishSheet(editor, { sheetId, version: preview.sheetVersion, previousNumber: 1, draftHash: preview.draftHash, changeNote: "Added the date of recognition." });
    expect(v2).toMatchObject({ ok: true, value: { number: 2 } });
    const stored = (await readVersion({ factSheetId: sheetId }))!;
    const first = (await readVersion({ factSheetId: sheetId, number: 1 }))!;
    expect(stored).toMatchObject({ number: 2, previousHash: first.contentHash, changeNote: "Added the date of recognition." });
    expect(stored.contentHash).toBe(contentHash(stored.content, first.contentHash));
    expect(stored.content.claims.map((c) => c.id)).toEqual([against, recognition]);
    // What the publish page showed is what the version records against the one before.
    expect(await versionDiff(stored)).toEqual(preview.diff);
    expect(await changes()).toEqual(unchanged(2));
  });

  it("refuses UPDATE and DELETE of a published version in the database itself", async () => {
    const row = await db().factSheetSnapshot.findFirstOrThrow({ where: { factSheetId: sheetId, number: 1 } });
    await expect(db().factSheetSnapshot.update({ where: { id: row.id }, data: { changeNote: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().factSheetSnapshot.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db().factSheetSnapshotClaim.deleteMany({ where: { snapshotId: row.id } })).rejects.toThrow(/append-only/);
    expect(await db().factSheetSnapshot.count({ where: { factSheetId: sheetId } })).toBe(2);
  });

  it("flags the sheet when a claim of its latest version is edited, disputed or gains an open conflict, and not for an assignment", async () => {
    const editor = await actor("editor@factdesk.test");
    expect(await watchSheets(editor, { sheetId })).toEqual([]);
    await db().claim.update({ where: { id: recognition }, data: { version: { increment: 1 } } }); // as an assignment does
    expect(await watchSheets(editor, { sheetId })).toEqual([]);

    const claim = await db().claim.findUniqueOrThrow({ where: { id: recognition } });
    const edited = await updateClaim(
      editor,
      editClaimSchema.parse({ id: recognition, version: claim.version, statement: `${claim.statement} (by decree)`, kind: "DATE", eventId: claim.eventId, eventDate: "2022-02-21", eventDatePrecision: "DAY" }),
    );
    expect(edited.ok).toBe(true);
    const [flag] = await watchSheets(editor, { sheetId });
    expect(flag).toMatchObject({ sheetId, number: 2, claims: [{ claimId: recognition, position: 2, changes: ["edited", "now in review"] }] });

    const admin = await actor("admin@factdesk.test");
    expect((await changeStatus(admin, { claimId: against, version: await version(against), toStatus: "IN_REVIEW", reason: "Recount" })).ok).toBe(true);
    expect((await changeStatus(admin, { claimId: against, version: await version(against), toStatus: "DISPUTED", reason: "Recount disputes it" })).ok).toBe(true);
    const reviewer = await actor("reviewer@factdesk.test");
    const flagged = await flagConflict(reviewer, flagConflictSchema.parse({ claimIds: [recognition, seedId("claim", "nk-recognition-date")], reason: "Two dates of recognition that cannot both hold here." }));
    expect(flagged.ok).toBe(true);
    // Neither can be published now: the sheet's page says the next version leaves both out.
    expect(await changes()).toEqual({ ...unchanged(2), removed: 2 });
    const all = await watchSheets(editor);
    expect(all.find((s) => s.sheetId === sheetId)!.claims.map((c) => [c.position, c.changes])).toEqual([
      [1, ["disputed"]],
      [2, ["edited", "now in review", "open conflict"]],
    ]);
  });

  it("opens a public link signed out until it is revoked; unknown tokens open nothing", async () => {
    const editor = await actor("editor@factdesk.test");
    const latest = await createLink(editor, { sheetId });
    const first = await createLink(editor, { sheetId, number: 1 });
    if (!latest.ok || !first.ok) throw new Error("links not made");
    expect(await db().factSheetLink.count({ where: { tokenHash: latest.value.token } })).toBe(0); // only the hash is stored
    expect((await openPublicLink(latest.value.token))!.number).toBe(2);
    expect((await openPublicLink(first.value.token))!.number).toBe(1);
    expect(await openPublicLink("x".repeat(43))).toBeNull();

    // A new link for the same target replaces the old one.
    const replaced = await createLink(editor, { sheetId });
    expect(await openPublicLink(latest.value.token)).toBeNull();
    if (!replaced.ok) throw new Error("link not made");
    expect((await revokeLink(editor, { linkId: replaced.value.id })).ok).toBe(true);
    expect(await openPublicLink(replaced.value.token)).toBeNull();
    expect((await openPublicLink(first.value.token))!.number).toBe(1);
  });

  it("verifies every hash chain, and reports a version changed behind the application's back", async () => {
    expect((await verifyChains(db())).problems).toEqual([]);
    // Tampering as the table's owner, with the immutability trigger switched off for the test.
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      await client.query("ALTER TABLE fact_sheet_snapshots DISABLE TRIGGER fact_sheet_snapshots_append_only");
      await client.query(`UPDATE fact_sheet_snapshots SET content = jsonb_set(content, '{claims,0,valueText}', '"6 countries"') WHERE fact_sheet_id = $1 AND number = 1`, [sheetId]);
      await client.query("ALTER TABLE fact_sheet_snapshots ENABLE TRIGGER fact_sheet_snapshots_append_only");
    } finally {
      await client.end();
    }
    const { problems, versions } = await verifyChains(db());
    expect(versions).toBe(2);
    expect(problems).toEqual([expect.objectContaining({ sheetId, number: 1, problem: expect.stringContaining("does not match its recorded hash") })]);
  });

  it("seeds a published sheet with its public link through the real workflow, once", async () => {
    const seeded = await seedPublication(db());
    expect(seeded.token).toBeTruthy();
    const version = (await openPublicLink(seeded.token!))!;
    expect(snapshotContentSchema.parse(version.content).title).toBe("North Korea and the war in Ukraine: the figures");
    expect(version.content.claims.map((c) => c.verification.rule).sort()).toEqual(["INDEPENDENT_ORIGINS", "PRIMARY_SOURCE"]);
    expect(version.content.claims.every((c) => c.verification.approvedBy.length > 0)).toBe(true);
    expect(version.content.omitted.length).toBe(2);
    const counts = async () => [await db().factSheet.count(), await db().claim.count(), await db().auditLog.count()];
    const before = await counts();
    expect(await seedPublication(db())).toEqual({ sheetId: seeded.sheetId, token: null });
    expect(await counts()).toEqual(before);
    expect(await db().factSheet.count({ where: { slug: SEED_SHEET_SLUG } })).toBe(1);
  });
  it("arranges one page of a long sheet and leaves the claims before and after it where they were", async () => {
    const editor = await actor("editor@factdesk.test");
    const created = await createSheet(editor, { title: "A page at a time" });
    if (!created.ok) throw new Error("sheet not made");
    const id = created.value.id;
    const ids = (await db().claim.findMany({ orderBy: { id: "asc" }, take: 6, select: { id: true } })).map((c) => c.id);
    expect((await addSheetClaims(editor, { sheetId: id, version: 1, claimIds: ids })).ok).toBe(true);
    const [a, b, c, d, e, f] = ids as [string, string, string, string, string, string];

    // The page showing b, c, d: d moves up under a heading, c is removed.
    const page = await arrangeSheet(editor, { sheetId: id, version: await sheetVersion(id), replaces: [b, c, d], items: [{ claimId: d, section: "Moved" }, { claimId: b, section: null }] });
    expect(page).toMatchObject({ ok: true, value: { count: 5 } });
    const after = await db().factSheetClaim.findMany({ where: { factSheetId: id }, orderBy: { position: "asc" }, select: { claimId: true, position: true, section: true } });
    expect(after).toEqual([
      { claimId: a, position: 1, section: null },
      { claimId: d, position: 2, section: "Moved" },
      { claimId: b, position: 3, section: null },
      { claimId: e, position: 4, section: null },
      { claimId: f, position: 5, section: null },
    ]);

    // A page that no longer stands as it was shown, or items from outside it, change nothing.
    const version = await sheetVersion(id);
    expect(await arrangeSheet(editor, { sheetId: id, version, replaces: [b, c], items: [{ claimId: b, section: null }] })).toMatchObject({ ok: false, stale: true });
    expect(await arrangeSheet(editor, { sheetId: id, version, replaces: [d, b], items: [{ claimId: a, section: null }] })).toMatchObject({ ok: false, stale: true });
    expect(await sheetVersion(id)).toBe(version);

    // The page reads every claim's place and publishability, and in full only the page asked for and the blocked it lists.
    const order = [a, d, b, e, f];
    const fromFour = (await getSheet(editor, id, { from: 4, listBlocked: 1 }))!;
    expect(fromFour.members.map((m) => [m.id, m.position])).toEqual(order.map((claimId, i) => [claimId, i + 1]));
    expect(fromFour).toMatchObject({ start: 3 });
    expect(fromFour.claims.map((c) => [c.id, c.position, c.statement.length > 0])).toEqual([[e, 4, true], [f, 5, true]]);
    const statuses = await db().claim.findMany({ where: { id: { in: order } }, select: { id: true, status: true } });
    const blocked = order.filter((claimId) => statuses.find((x) => x.id === claimId)!.status !== "VERIFIED");
    expect(blocked.length).toBeGreaterThan(1);
    expect(fromFour.blocked.count).toBe(fromFour.members.filter((m) => m.reasons.length).length);
    expect(fromFour.blocked.count).toBeGreaterThanOrEqual(blocked.length);
    expect(fromFour.blocked.listed).toEqual([expect.objectContaining({ id: fromFour.members.find((m) => m.reasons.length)!.id, statement: expect.any(String), reasonText: expect.stringMatching(/^(not verified|retracted|open conflict)/) })]);
    // Past the end, or not a number: the first page.
    for (const from of [99, Number("x")]) expect((await getSheet(editor, id, { from }))!).toMatchObject({ start: 0, claims: expect.arrayContaining([expect.objectContaining({ id: a, section: null })]), blocked: { listed: [] } });
  });

  it("the search for a claim to add leaves out the sheet's claims in the query, so its capped list is of claims that can still be added", async () => {
    const editor = await actor("editor@factdesk.test");
    const created = await createSheet(editor, { title: "Search beside a sheet" });
    if (!created.ok) throw new Error("sheet not made");
    const id = created.value.id;
    // The newest claims that can be cited are the ones put on the sheet: a cap of the first few, filtered afterwards, would offer nothing.
    const offered = (await searchClaimsToCite(editor, "")).map((c) => c.id);
    const onSheet = offered.slice(0, 3);
    expect((await addSheetClaims(editor, { sheetId: id, version: 1, claimIds: onSheet })).ok).toBe(true);
    const beside = (await searchClaimsToCite(editor, "", { notOnSheet: id })).map((c) => c.id);
    expect(beside.filter((c) => onSheet.includes(c))).toEqual([]);
    expect(beside.slice(0, offered.length - onSheet.length)).toEqual(offered.filter((c) => !onSheet.includes(c)));
    // Another sheet's claims, and the same words without a sheet, are offered as before.
    expect((await searchClaimsToCite(editor, "")).map((c) => c.id)).toEqual(offered);
    expect(await searchClaimsToCite(editor, "", { notOnSheet: sheetId })).not.toEqual([]);
  });
});
