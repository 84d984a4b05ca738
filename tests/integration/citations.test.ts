import { describe, expect, it } from "vitest";
import { QUOTE_NOT_AT_OFFSETS, QUOTE_NOT_IN_TEXT } from "@/lib/anchoring";
import { citationSchema, deleteCitationSchema, editCitationSchema, type CitationInput } from "@/lib/schemas/citation";
import { searchActors } from "@/lib/server/actors";
import { ForbiddenError } from "@/lib/server/authorize";
import { changeStatus } from "@/lib/server/claim-status";
import { reviewClaim } from "@/lib/server/reviews";
import { createCitation, deleteCitation, searchClaimsToCite, updateCitation } from "@/lib/server/citations";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("citations with attribution chains", () => {
  const { db, actor } = useMigratedDatabase();
  const text = "Channel One, 14 July.\nThe host said that 100,000\u00a0volunteers were ready. Later the host said that 100,000\u00a0volunteers were ready.";
  const quote = "100,000\u00a0volunteers were ready";
  const claimId = () => seedId("claim", "nk-volunteers");
  let sourceId = "";
  const version = async (id = claimId()) => (await db().claim.findUniqueOrThrow({ where: { id } })).version;
  const input = (over: Partial<CitationInput> = {}): CitationInput => ({
    claimId: claimId(),
    claimVersion: 1,
    sourceId,
    quote,
    stance: "SUPPORTS",
    chain: [
      { actorName: "igor   korotchenko", actorKind: "PERSON", relation: "said on air" },
      { actorName: "Rossiya Segodnya Digest", actorKind: "OUTLET", relation: "transcribed" },
    ],
    ...over,
  });
  /** Everything a refused call must leave as it was. */
  const state = async () => ({
    citations: await db().citation.count(),
    links: await db().attributionLink.count(),
    actors: await db().actor.count(),
    audit: await db().auditLog.count(),
    claim: await db().claim.findUniqueOrThrow({ where: { id: claimId() } }),
    statusChanges: await db().statusChange.count(),
  });

  it("creates a citation: offsets found for the quote, the origin recognised however typed, new actors recorded, the claim's version bumped, all audited", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    sourceId = (await db().source.create({ data: { title: "Transcript digest", kind: "STATE_MEDIA_BROADCAST", fullText: text, createdById: editor.id } })).id;
    const result = await createCitation(editor, citationSchema.parse(input({ claimVersion: await version() })));
    expect(result).toMatchObject({ ok: true, value: { claimId: claimId(), sourceId, claimVersion: 2 } });
    if (!result.ok) return;
    const citation = await db().citation.findUniqueOrThrow({
      where: { id: result.value.id },
      include: { chain: { orderBy: { position: "asc" }, include: { actor: true } } },
    });
    expect([citation.startOffset, citation.endOffset]).toEqual([text.indexOf(quote), text.indexOf(quote) + quote.length]);
    expect(citation.chain.map((l) => [l.position, l.actor.name, l.actor.kind, l.relation])).toEqual([
      [0, "Igor Korotchenko", "PERSON", "said on air"],
      [1, "Rossiya Segodnya Digest", "OUTLET", "transcribed"],
    ]);
    expect(citation.chain[0]!.actorId).toBe(seedId("actor", "korotchenko"));

    const entries = await db().auditLog.findMany({ where: { actorId: editor.id }, orderBy: { id: "asc" }, select: { action: true, entityId: true, before: true, after: true } });
    expect(entries.map((e) => e.action)).toEqual(["claim.evidence.change", "actor.create", "citation.create"]);
    expect(entries[0]).toMatchObject({ entityId: claimId(), before: { version: 1 }, after: { version: 2, evidence: expect.stringContaining("Cited") } });
    expect(entries[2]!.after).toMatchObject({ quote, stance: "SUPPORTS", chain: [{ actor: "Igor Korotchenko", relation: "said on air" }, { actor: "Rossiya Segodnya Digest" }] });
  });

  it("keeps offsets the editor selected, so a later occurrence of the same words can be cited", async () => {
    const editor = await actor("editor@factdesk.test");
    const later = text.lastIndexOf(quote);
    const result = await createCitation(editor, citationSchema.parse(input({ claimVersion: await version(), startOffset: later, endOffset: later + quote.length, stance: "MENTIONS" })));
    expect(result.ok).toBe(true);
    const row = await db().citation.findFirstOrThrow({ where: { sourceId, stance: "MENTIONS" } });
    expect(row.startOffset).toBe(later);
  });

  it("refuses a quote that is not in the source's text, or not at the offsets given, on the quote field, writing nothing", async () => {
    const editor = await actor("editor@factdesk.test");
    const before = await state();
    const v = await version();
    expect(await createCitation(editor, citationSchema.parse(input({ claimVersion: v, quote: "100,000 volunteers were ready" })))).toEqual({
      ok: false,
      message: QUOTE_NOT_IN_TEXT,
      fieldErrors: { quote: [QUOTE_NOT_IN_TEXT] },
    });
    expect(await createCitation(editor, citationSchema.parse(input({ claimVersion: v, startOffset: 0, endOffset: quote.length })))).toMatchObject({
      ok: false,
      fieldErrors: { quote: [QUOTE_NOT_AT_OFFSETS] },
    });
    expect(await createCitation(editor, citationSchema.parse(input({ claimVersion: v, sourceId: "00000000-0000-4000-8000-000000000000" })))).toMatchObject({
      ok: false,
      fieldErrors: { sourceId: ["Choose a source from the list."] },
    });
    expect(await createCitation(editor, citationSchema.parse(input({ claimVersion: v, claimId: "00000000-0000-4000-8000-000000000000" })))).toMatchObject({
      ok: false,
      fieldErrors: { claimId: ["Choose a claim from the list."] },
    });
    expect(await state()).toEqual(before);
  });

  it("refuses invalid fields through the shared schema", () => {
    const errors = citationSchema.safeParse({ ...input(), claimId: "x", sourceId: "", quote: " ", stance: "", chain: [] }).error?.flatten().fieldErrors;
    expect(Object.keys(errors ?? {}).sort()).toEqual(["chain", "claimId", "quote", "sourceId", "stance"]);
  });

  it("keeps a quote unanchored on a source without stored text", async () => {
    const editor = await actor("editor@factdesk.test");
    const result = await createCitation(
      editor,
      citationSchema.parse(input({ claimVersion: await version(), sourceId: seedId("source", "nr-volunteers"), quote: "words the article has", startOffset: 3, endOffset: 24 })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db().citation.findUniqueOrThrow({ where: { id: result.value.id } })).toMatchObject({ startOffset: null, endOffset: null });
  });

  it("refuses reviewers in the data layer", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    const existing = await db().citation.findFirstOrThrow({ where: { sourceId } });
    await expect(createCitation(reviewer, citationSchema.parse(input()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCitation(reviewer, editCitationSchema.parse({ ...input(), id: existing.id }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteCitation(reviewer, { id: existing.id, claimVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await searchActors(reviewer, "korot")).map((a) => a.name)).toEqual(["Igor Korotchenko"]);
  });

  it("refuses a stale claim version, says who changed the claim, and writes nothing", async () => {
    const editor = await actor("editor@factdesk.test");
    const admin = await actor("admin@factdesk.test");
    const v = await version();
    expect((await changeStatus(admin, { claimId: claimId(), version: v, toStatus: "IN_REVIEW", reason: "Ready" })).ok).toBe(true);
    const before = await state();
    const result = await createCitation(editor, citationSchema.parse(input({ claimVersion: v })));
    expect(result).toMatchObject({ ok: false, stale: true, changes: [{ by: "Ada Admin", fields: [{ field: "status", from: "UNVERIFIED", to: "IN_REVIEW" }] }] });
    const existing = await db().citation.findFirstOrThrow({ where: { sourceId } });
    expect(await updateCitation(editor, editCitationSchema.parse({ ...input({ claimVersion: v }), id: existing.id }))).toMatchObject({ ok: false, stale: true });
    expect(await deleteCitation(editor, { id: existing.id, claimVersion: v })).toMatchObject({ ok: false, stale: true });
    expect(await state()).toEqual(before);
  });

  it("updates a citation: the chain replaced, the claim's version bumped, before and after audited", async () => {
    const editor = await actor("editor@factdesk.test");
    const existing = await db().citation.findFirstOrThrow({ where: { sourceId, stance: "SUPPORTS" } });
    const v = await version();
    const result = await updateCitation(
      editor,
      editCitationSchema.parse({
        ...input({ claimVersion: v, stance: "MENTIONS", saidOn: "2022-07-14", saidPrecision: "DAY", saidText: "14 July", note: "Second look." }),
        id: existing.id,
        chain: [{ actorName: "Channel One", actorKind: "BROADCASTER", relation: "broadcast" }],
      }),
    );
    expect(result).toMatchObject({ ok: true, value: { claimVersion: v + 1 } });
    const row = await db().citation.findUniqueOrThrow({ where: { id: existing.id }, include: { chain: { include: { actor: true } } } });
    expect(row).toMatchObject({ stance: "MENTIONS", saidText: "14 July", saidPrecision: "DAY", note: "Second look.", version: 2 });
    expect(row.chain.map((l) => [l.position, l.actor.name])).toEqual([[0, "Channel One"]]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: existing.id, action: "citation.update" } });
    expect(audit.before).toMatchObject({ stance: "SUPPORTS", chain: [{ actor: "Igor Korotchenko" }, { actor: "Rossiya Segodnya Digest" }] });
    expect(audit.after).toMatchObject({ stance: "MENTIONS", saidOn: "2022-07-14", chain: [{ actor: "Channel One" }] });
    expect(await updateCitation(editor, editCitationSchema.parse({ ...input({ claimVersion: v + 1, claimId: seedId("claim", "ru-deaths-rate") }), id: existing.id }))).toMatchObject({
      ok: false,
      message: "A citation stays with its claim: cite the source again on the other claim.",
    });
  });

  it("sends a decided claim back to review when its evidence changes, on the record", async () => {
    const editor = await actor("editor@factdesk.test");
    const id = seedId("claim", "ru-recognition-date");
    const seeded = await db().citation.findFirstOrThrow({ where: { claimId: id } });
    await db().citation.update({ where: { id: seeded.id }, data: { isPrimary: true } });
    expect((await changeStatus(editor, { claimId: id, version: 1, toStatus: "IN_REVIEW", reason: "Ready" })).ok).toBe(true);
    expect((await reviewClaim(await actor("reviewer@factdesk.test"), { claimId: id, version: 2, decision: "APPROVE" })).ok).toBe(true);
    expect((await changeStatus(editor, { claimId: id, version: 2, toStatus: "VERIFIED", reason: "Decree", justification: "The decree itself is dated 21 February 2022." })).ok).toBe(true);

    const result = await deleteCitation(editor, deleteCitationSchema.parse({ id: seeded.id, claimVersion: 3 }));
    expect(result).toMatchObject({ ok: true, value: { claimVersion: 4 } });
    expect(await db().citation.count({ where: { id: seeded.id } })).toBe(0);
    expect(await db().attributionLink.count({ where: { citationId: seeded.id } })).toBe(0);
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "IN_REVIEW", verificationRule: null, verificationNote: null, version: 4 });
    const last = await db().statusChange.findFirstOrThrow({ where: { claimId: id }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ fromStatus: "VERIFIED", toStatus: "IN_REVIEW", actorId: editor.id, reason: "Its evidence changed after it was decided: back to review." });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: seeded.id, action: "citation.delete" } });
    expect(audit.before).toMatchObject({ quote: seeded.quote, chain: [{ actor: "National Review" }] });
  });

  it("refuses any change to a retracted claim's citations", async () => {
    const admin = await actor("admin@factdesk.test");
    const id = seedId("claim", "dnr-lnr-proclaimed");
    expect((await changeStatus(admin, { claimId: id, version: 1, toStatus: "RETRACTED", reason: "Withdrawn" })).ok).toBe(true);
    const seeded = await db().citation.findFirstOrThrow({ where: { claimId: id } });
    expect(await createCitation(admin, citationSchema.parse(input({ claimId: id, claimVersion: 2 })))).toEqual({ ok: false, message: "A retracted claim cannot be edited." });
    expect(await deleteCitation(admin, { id: seeded.id, claimVersion: 2 })).toEqual({ ok: false, message: "A retracted claim cannot be edited." });
  });

  it("suggests actors and claims to cite by what was typed, capped, never retracted claims", async () => {
    const editor = await actor("editor@factdesk.test");
    expect((await searchActors(editor, "  NATIONAL  ")).map((a) => a.name)).toEqual(["National Review"]);
    expect(await searchActors(editor, "%")).toEqual([]);
    expect(await searchActors(editor, " ")).toEqual([]);
    const claims = await searchClaimsToCite(editor, "republics");
    expect(claims.map((c) => c.id)).toContain(seedId("claim", "nk-recognition-date"));
    expect(claims.map((c) => c.id)).not.toContain(seedId("claim", "dnr-lnr-proclaimed"));
    expect((await searchClaimsToCite(editor, "")).length).toBeLessThanOrEqual(20);
  });
});
