import { describe, expect, it } from "vitest";
import { QUOTE_NOT_AT_OFFSETS } from "@/lib/anchoring";
import { passageClaimSchema, type PassageClaimInput } from "@/lib/schemas/passage-claim";
import type { SessionUser } from "@/lib/server/authorize";
import { createSource } from "@/lib/server/sources";
import { createClaimFromPassage } from "@/lib/server/passage-claims";
import { sourceSchema } from "@/lib/schemas/source";
import { findActiveUser } from "@/lib/server/users";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("a new claim from a source passage", () => {
  const { db } = useMigratedDatabase();
  const user = async (email: string): Promise<SessionUser> => (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
  const text = "GENEVA (Wire) — Shelling has killed 1,240 civilians in the region since March, OCHA said on Tuesday.";
  const quote = "Shelling has killed 1,240 civilians in the region since March";
  const input = (sourceId: string, over: Partial<PassageClaimInput["citation"]> = {}): PassageClaimInput => ({
    claim: { statement: "Shelling has killed 1,240 civilians in the region since March 2025.", kind: "QUANTITY", valueBest: "1,240", unit: "civilians killed", periodStart: "2025-03-01" },
    citation: {
      sourceId,
      quote,
      startOffset: text.indexOf(quote),
      endOffset: text.indexOf(quote) + quote.length,
      stance: "SUPPORTS",
      chain: [
        { actorName: "OCHA", actorKind: "ORGANIZATION", relation: "said" },
        { actorName: "Wire", actorKind: "OUTLET", relation: "reported" },
      ],
      ...over,
    },
  });

  it("records the claim, its value and its citation with its chain in one transaction, with audit entries", async () => {
    await seedDatabase(db());
    const editor = await user("editor@factdesk.test");
    const source = await createSource(editor, sourceSchema.parse({ title: "Wire: shelling toll", outlet: "Wire", kind: "NEWS_ARTICLE", fullText: text }));
    expect(source.ok).toBe(true);
    const sourceId = source.ok ? source.value.id : "";
    const result = await createClaimFromPassage(editor, passageClaimSchema.parse(input(sourceId)));
    expect(result).toMatchObject({ ok: true });
    const claimId = result.ok ? result.value.claimId : "";
    const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId }, include: { citations: { include: { chain: { include: { actor: true }, orderBy: { position: "asc" } } } } } });
    expect(claim).toMatchObject({ kind: "QUANTITY", unit: "civilians killed", status: "UNVERIFIED" });
    expect(Number(claim.valueBest)).toBe(1240);
    expect(claim.citations).toHaveLength(1);
    expect(claim.citations[0]).toMatchObject({ sourceId, quote, startOffset: text.indexOf(quote), endOffset: text.indexOf(quote) + quote.length });
    expect(claim.citations[0]!.chain.map((l) => l.actor.name)).toEqual(["OCHA", "Wire"]);
    const actions = (await db().auditLog.findMany({ where: { entityId: { in: [claimId, claim.citations[0]!.id] } } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["claim.create", "citation.create"]));
  });

  it("leaves no claim behind when the citation is refused, and says which field is wrong", async () => {
    const editor = await user("editor@factdesk.test");
    const sourceId = (await db().source.findFirstOrThrow({ where: { title: "Wire: shelling toll" } })).id;
    const before = await db().claim.count();
    const refused = await createClaimFromPassage(editor, passageClaimSchema.parse(input(sourceId, { startOffset: 0, endOffset: quote.length })));
    expect(refused).toMatchObject({ ok: false, message: QUOTE_NOT_AT_OFFSETS });
    expect(await db().claim.count()).toBe(before);
    // Field errors of the claim's own rules come back under "claim.", as the form names its fields.
    const bad = passageClaimSchema.safeParse({ ...input(sourceId), claim: { statement: "Too short", kind: "QUANTITY" } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["claim.statement", "claim.valueBest", "claim.unit"]));
  });

  it("refuses reviewers, who never write claims", async () => {
    const reviewer = await user("reviewer@factdesk.test");
    const sourceId = (await db().source.findFirstOrThrow({ where: { title: "Wire: shelling toll" } })).id;
    await expect(createClaimFromPassage(reviewer, passageClaimSchema.parse(input(sourceId)))).rejects.toThrow();
  });
});
