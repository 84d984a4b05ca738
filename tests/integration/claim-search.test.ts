// The stored search vector follows every change to a statement or a quote, inside the very
// transaction that makes it (migration claim_search_vector), so search never lags a save.
import { describe, expect, it } from "vitest";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { listClaims } from "@/lib/server/claims";
import { findActiveUser } from "@/lib/server/users";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("the claims' stored search vector", () => {
  const { db } = useMigratedDatabase();
  const search = async (q: string) => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    return (await listClaims((await findActiveUser(user.id))!, claimFiltersSchema.parse({ q }))).items.map((c) => c.id);
  };

  it("covers new statements, quotes added, edited, moved and deleted, and edited statements", async () => {
    await seedDatabase(db());
    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    const source = await db().source.findFirstOrThrow();
    const claim = await db().claim.create({ data: { statement: "Officials counted the quokkas near the border.", kind: "EVENT", createdById: editor.id } });
    const other = await db().claim.create({ data: { statement: "A second claim about something else entirely.", kind: "EVENT", createdById: editor.id } });
    expect(await search("quokka")).toEqual([claim.id]);

    const citation = await db().citation.create({ data: { claimId: claim.id, sourceId: source.id, quote: "the wombats were there too", stance: "SUPPORTS", createdById: editor.id } });
    expect(await search("wombat")).toEqual([claim.id]);

    await db().citation.update({ where: { id: citation.id }, data: { quote: "only platypuses remained" } });
    expect(await search("wombat")).toEqual([]);
    expect(await search("platypus")).toEqual([claim.id]);

    await db().citation.update({ where: { id: citation.id }, data: { claimId: other.id } });
    expect(await search("platypus")).toEqual([other.id]);

    await db().citation.delete({ where: { id: citation.id } });
    expect(await search("platypus")).toEqual([]);

    await db().claim.update({ where: { id: claim.id }, data: { statement: "Officials counted the echidnas near the border." } });
    expect(await search("quokka")).toEqual([]);
    expect(await search("echidna")).toEqual([claim.id]);
  });

  it("is current inside the writing transaction, and a rolled-back quote leaves no trace", async () => {
    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    const source = await db().source.findFirstOrThrow();
    const claim = await db().claim.create({ data: { statement: "A claim that will be cited and then not.", kind: "EVENT", createdById: editor.id } });
    await expect(
      db().$transaction(async (tx) => {
        await tx.citation.create({ data: { claimId: claim.id, sourceId: source.id, quote: "numbats everywhere", stance: "SUPPORTS", createdById: editor.id } });
        const seen = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM claims WHERE search_vector @@ websearch_to_tsquery('english', 'numbat')`;
        expect(seen.map((r) => r.id)).toEqual([claim.id]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await search("numbat")).toEqual([]);
  });
});
