// getClaim reads a claim's page in one statement of its own SQL; Prisma's reading of the same
// include (claimDetailInclude) is the shape the page's cards were written against. This holds the
// two equal on every seeded claim, with the relations the seed leaves empty filled in.
import { beforeAll, describe, expect, it } from "vitest";
import { claimDetailInclude, getClaim } from "@/lib/server/claims";
import { seedDatabase, seedId } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { useMigratedDatabase } from "../support/database";
import { statementsOf } from "../support/statements";

describe("a claim's page read", () => {
  const { db, actor } = useMigratedDatabase();
  beforeAll(async () => {
    await seedDatabase(db());
    await seedPublication(db());
  });

  it("is what Prisma reads for the same include, on every claim, in one statement", async () => {
    const reader = await actor("reviewer@factdesk.test");
    const editor = await actor("editor@factdesk.test");
    // What the seed leaves out: a resolved comment with a reply, a deleted comment and note, tags,
    // an assignee, an event, an attributed statement's content, a citation's date and chain.
    const claimId = seedId("claim", "ru-deaths-range");
    const first = await db().comment.findFirstOrThrow({ orderBy: { id: "asc" } });
    const commented = first.claimId;
    await db().comment.create({ data: { claimId: commented, parentId: first.id, authorId: editor.id, body: "Agreed." } });
    await db().comment.update({ where: { id: first.id }, data: { resolvedAt: new Date("2026-11-02T10:11:12.345Z"), resolvedById: reader.id } });
    await db().comment.create({ data: { claimId: commented, authorId: editor.id, body: "Wrong claim.", deletedAt: new Date() } });
    await db().note.create({ data: { claimId, authorId: editor.id, body: "Gone.", deletedAt: new Date() } });
    const event = await db().event.create({ data: { name: "Claim detail test event", createdById: editor.id } });
    const tag = await db().tag.upsert({ where: { name: "aaa-first" }, create: { name: "aaa-first" }, update: {} });
    await db().claimTag.create({ data: { claimId, tagId: tag.id } });
    await db().claim.update({ where: { id: claimId }, data: { assigneeId: editor.id, eventId: event.id } });

    const ids = (await db().claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    const covered = { event: 0, assignee: 0, chain: 0, reviews: 0, statusChanges: 0, notes: 0, comments: 0, resolved: 0, tags: 0, statementsOf: 0, contentClaim: 0, speaker: 0, metric: 0, saidOn: 0, publishedAt: 0 };
    for (const id of ids) {
      const { result, statements, names } = await statementsOf(() => getClaim(reader, id));
      expect(statements, statements.join("\n")).toHaveLength(1);
      expect(names).toEqual(["claim_detail"]);
      const expected = await db().claim.findUnique({ where: { id }, include: claimDetailInclude });
      expect(result).toStrictEqual(expected);
      const c = result!;
      covered.event += c.event ? 1 : 0;
      covered.assignee += c.assignee ? 1 : 0;
      covered.chain += c.citations.filter((q) => q.chain.length > 0).length;
      covered.saidOn += c.citations.filter((q) => q.saidOn).length;
      covered.publishedAt += c.citations.filter((q) => q.source.publishedAt).length;
      covered.reviews += c.reviews.length;
      covered.statusChanges += c.statusChanges.length;
      covered.notes += c.notes.length;
      covered.comments += c.comments.length;
      covered.resolved += c.comments.filter((o) => o.resolvedBy).length;
      covered.tags += c.tags.length;
      covered.statementsOf += c.statementsOf.length;
      covered.contentClaim += c.contentClaim ? 1 : 0;
      covered.speaker += c.speaker ? 1 : 0;
      covered.metric += c.metric ? 1 : 0;
    }
    // Every relation was compared with something in it, not only empty lists.
    for (const [relation, n] of Object.entries(covered)) expect(n, relation).toBeGreaterThan(0);
    // The deleted comment and note stay out; the claim's own columns keep Prisma's types.
    const detail = (await getClaim(reader, claimId))!;
    expect(detail.notes.some((n) => n.body === "Gone.")).toBe(false);
    expect((await getClaim(reader, commented))!.comments.map((o) => o.body)).not.toContain("Wrong claim.");
    expect(detail.assignee).toEqual({ id: editor.id, name: editor.name });
    expect(detail.tags[0]).toEqual({ tag: { name: "aaa-first" } });
    expect(detail.createdAt).toBeInstanceOf(Date);
    expect(detail.event).toEqual({ id: event.id, name: event.name });
  });

  it("is null for a claim that does not exist", async () => {
    const reader = await actor("reviewer@factdesk.test");
    expect(await getClaim(reader, "00000000-0000-7000-8000-000000000000")).toBeNull();
  });
});
