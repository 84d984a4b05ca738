import { describe, expect, it } from "vitest";
import { editSourceSchema, sourceSchema } from "@/lib/schemas/source";
import { ForbiddenError } from "@/lib/server/authorize";
import { createCitation } from "@/lib/server/citations";
import { createSource, getSource, listSources, updateSource } from "@/lib/server/sources";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("sources", () => {
  const { db, actor } = useMigratedDatabase();
  const text = "Preamble.\nIn favour: 141.\nAgainst: 5 (Belarus, Democratic People’s Republic of Korea, Eritrea, Russian Federation, Syrian Arab Republic).\nAbstaining: 35.";
  const form = {
    title: "Recorded vote on General Assembly resolution ES-11/1",
    outlet: "United Nations",
    url: "https://example.org/votes/es-11-1",
    kind: "DATASET",
    publishedAt: "2022-03-02",
    publishedPrecision: "DAY",
    language: "en",
    fullText: text,
    notes: "The record of the vote.",
  };
  let id = "";

  it("creates a source with an audit entry that records the text's length and digest, not a copy", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const result = await createSource(editor, sourceSchema.parse(form));
    expect(result.ok).toBe(true);
    id = result.ok ? result.value.id : "";
    const row = await db().source.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: form.title, kind: "DATASET", fullText: text, publishedPrecision: "DAY", publishedApprox: false, version: 1, createdById: editor.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "source.create" } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.after).toMatchObject({ title: form.title, publishedAt: "2022-03-02", fullText: expect.stringMatching(new RegExp(`^${text.length} characters, sha256 [0-9a-f]{12}$`)) });
  });

  it("refuses reviewers in the data layer, and lets them read", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    await expect(createSource(reviewer, sourceSchema.parse(form))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSource(reviewer, editSourceSchema.parse({ ...form, id, version: 1 }))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getSource(reviewer, id))?.title).toBe(form.title);
    expect((await listSources(reviewer, { limit: 10 })).items.length).toBeGreaterThan(0);
  });

  it("refuses invalid fields before any verb runs", () => {
    const errors = sourceSchema.safeParse({ ...form, title: "", url: "ftp://x", kind: "", language: "English" }).error?.flatten().fieldErrors;
    expect(Object.keys(errors ?? {}).sort()).toEqual(["kind", "language", "title", "url"]);
    expect(sourceSchema.safeParse({ ...form, publishedPrecision: "" }).error?.flatten().fieldErrors).toEqual({ publishedPrecision: ["Say how precisely the date is known."] });
  });

  it("lists latest published first (undated last) by keyset pages, searches title and outlet, and counts citations on the page only", async () => {
    const editor = await actor("editor@factdesk.test");
    expect(await createSource(editor, sourceSchema.parse({ title: "Undated leaflet", kind: "OTHER" }))).toMatchObject({ ok: true });
    for (const n of [1, 2, 3]) {
      // Created 1, 2, 3 but published 3, 2, 1 days into 2031: the list follows publication.
      const r = await createSource(editor, sourceSchema.parse({ title: `Paging test source ${n}`, outlet: "100% Outlet", kind: "OTHER", publishedAt: `2031-01-0${4 - n}`, publishedPrecision: "DAY" }));
      expect(r.ok).toBe(true);
    }
    const first = await listSources(editor, { limit: 2 });
    expect(first.items.map((s) => s.title)).toEqual(["Paging test source 1", "Paging test source 2"]);
    const second = await listSources(editor, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((s) => s.title)[0]).toBe("Paging test source 3");
    const everything = (await listSources(editor, { limit: 100 })).items;
    const dates = everything.map((s) => s.publishedAt?.getTime() ?? -Infinity);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(dates.at(-1)).toBe(-Infinity);

    expect((await listSources(editor, { limit: 10, q: "  paging   TEST " })).items).toHaveLength(3);
    expect((await listSources(editor, { limit: 10, q: "100%" })).items).toHaveLength(3);
    expect((await listSources(editor, { limit: 10, q: "%" })).items).toHaveLength(3);
    expect((await listSources(editor, { limit: 10, q: "vote ON general assembly" })).items.map((s) => [s.title, s.hasText])).toEqual([[form.title, true]]);
    const searched = await listSources(editor, { limit: 1, q: "paging" });
    expect((await listSources(editor, { limit: 5, q: "paging", cursor: searched.nextCursor! })).items.map((s) => s.title)).toEqual(["Paging test source 2", "Paging test source 3"]);

    const all = await listSources(editor, { limit: 100 });
    const volunteers = all.items.find((s) => s.id === seedId("source", "nr-volunteers"));
    expect(volunteers?.citationCount).toBe(await db().citation.count({ where: { sourceId: seedId("source", "nr-volunteers") } }));
  });

  it("updates with the current version; a stale edit is refused, says who changed what, and writes nothing", async () => {
    const editor = await actor("editor@factdesk.test");
    const admin = await actor("admin@factdesk.test");
    const result = await updateSource(admin, editSourceSchema.parse({ ...form, id, version: 1, title: "Recorded vote on resolution ES-11/1" }));
    expect(result).toEqual({ ok: true, value: { id, version: 2, passages: [] } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "source.update" } });
    expect(audit.before).toMatchObject({ title: form.title, version: 1 });
    expect(audit.after).toMatchObject({ title: "Recorded vote on resolution ES-11/1", version: 2 });

    const before = await db().source.findUniqueOrThrow({ where: { id } });
    const auditCount = await db().auditLog.count();
    const stale = await updateSource(editor, editSourceSchema.parse({ ...form, id, version: 1, notes: "My notes on an old copy." }));
    expect(stale).toMatchObject({ ok: false, stale: true, changes: [{ by: "Ada Admin", fields: [{ field: "title", from: form.title, to: "Recorded vote on resolution ES-11/1" }] }] });
    expect(await db().source.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db().auditLog.count()).toBe(auditCount);
    expect(await updateSource(editor, editSourceSchema.parse({ ...form, id: "00000000-0000-4000-8000-000000000000", version: 1 }))).toEqual({ ok: false, message: "This source does not exist." });
  });

  it("re-anchors cited passages when the text changes: moved to the quote's first occurrence, or cleared and said so", async () => {
    const editor = await actor("editor@factdesk.test");
    const claimId = seedId("claim", "un-vote-against");
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
    const chain = [{ actorName: "United Nations General Assembly", actorKind: "ORGANIZATION" as const }];
    const base = { claimId, sourceId: id, stance: "SUPPORTS" as const, isPrimary: true, chain };
    const kept = await createCitation(editor, { ...base, claimVersion: claim.version, quote: "Against: 5" });
    const gone = await createCitation(editor, { ...base, claimVersion: claim.version + 1, quote: "Abstaining: 35", stance: "MENTIONS" });
    expect([kept.ok, gone.ok]).toEqual([true, true]);
    const note = await db().note.create({ data: { sourceId: id, body: "Official name.", quote: "Democratic People’s Republic of Korea", startOffset: 47, endOffset: 84, authorId: editor.id } });
    expect(text.slice(47, 84)).toBe("Democratic People’s Republic of Korea");

    const newText = `Recorded vote, 2 March 2022.\n${text.replace("Abstaining: 35.", "Abstentions: 35.")}`;
    const result = await updateSource(editor, editSourceSchema.parse({ ...form, id, version: 2, fullText: newText }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const outcomes = Object.fromEntries(result.value.passages.map((p) => [p.quote, p.outcome]));
    expect(outcomes).toEqual({ "Against: 5": "moved", "Abstaining: 35": "cleared", "Democratic People’s Republic of Korea": "moved" });

    const citations = await db().citation.findMany({ where: { sourceId: id }, orderBy: { createdAt: "asc" } });
    expect(newText.slice(citations[0]!.startOffset!, citations[0]!.endOffset!)).toBe("Against: 5");
    expect([citations[1]!.startOffset, citations[1]!.endOffset]).toEqual([null, null]);
    const moved = await db().note.findUniqueOrThrow({ where: { id: note.id } });
    expect(newText.slice(moved.startOffset!, moved.endOffset!)).toBe("Democratic People’s Republic of Korea");
    const reanchored = await db().auditLog.findMany({ where: { action: { in: ["citation.reanchor", "annotation.reanchor"] } } });
    expect(reanchored.map((a) => (a.after as { outcome: string }).outcome).sort()).toEqual(["cleared", "moved", "moved"]);
    const textAudit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "source.update" }, orderBy: { id: "desc" } });
    expect((textAudit.after as { fullText: string }).fullText).toMatch(new RegExp(`^${newText.length} characters`));

    const detail = await getSource(editor, id);
    expect(detail?.citations.map((c) => [c.quote, c.claim.id])).toEqual([
      ["Against: 5", claimId],
      ["Abstaining: 35", claimId],
    ]);
    expect(detail?.passageNotes.map((a) => a.body)).toEqual(["Official name."]);
  });

  it("anchors quotes recorded before the source had text once the text is added", async () => {
    const editor = await actor("editor@factdesk.test");
    const sourceId = seedId("source", "nr-builders");
    const source = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    const result = await updateSource(
      editor,
      editSourceSchema.parse({
        id: sourceId,
        version: source.version,
        title: source.title,
        kind: source.kind,
        fullText: "Our summary. North Korea recognized the territories on July 13, the article says.",
      }),
    );
    expect(result.ok && result.value.passages).toEqual([
      { type: "Citation", id: seedId("citation", "nk-recognition-date:0"), quote: "North Korea recognized the territories on July 13", outcome: "anchored" },
    ]);
  });
});
