import { describe, expect, it } from "vitest";
import { claimFiltersSchema, readClaimFilters } from "@/lib/schemas/claim-filters";
import { countClaims, listClaims } from "@/lib/server/claims";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("the claims list's filters, search and sort", () => {
  const { db, actor } = useMigratedDatabase();
  const list = async (query: Record<string, string>, who = "reviewer@factdesk.test") =>
    (await listClaims(await actor(who), claimFiltersSchema.parse(query))).items.map((c) => c.id);

  it("searches statements and quotes with full-text search, stemming included", async () => {
    await seedDatabase(db());
    // "volunteer" finds statements that say "volunteers".
    const byStatement = await list({ q: "volunteer" });
    expect(byStatement).toContain(seedId("claim", "nk-volunteers"));
    expect(byStatement).toContain(seedId("claim", "korotchenko-volunteers"));
    expect(byStatement).not.toContain(seedId("claim", "ru-deaths-rate"));
    // "terminated" is only in the quote, not in the statement ("cut diplomatic relations").
    expect(await list({ q: "terminated" })).toEqual([seedId("claim", "ua-cuts-relations")]);
    // websearch syntax: a quoted phrase and an exclusion.
    expect(await list({ q: '"soldiers killed" -rate' })).toContain(seedId("claim", "ru-deaths-range"));
    expect(await list({ q: "zzzunmatched" })).toEqual([]);
  });

  it("filters by status, kind, tag, metric, source, assignee and open conflict, alone and together", async () => {
    const inReview = await list({ status: "IN_REVIEW" });
    expect(inReview.sort()).toEqual([seedId("claim", "ru-deaths-range"), seedId("claim", "nk-recognition-date")].sort());
    const dates = await list({ kind: "DATE" });
    expect(dates).toContain(seedId("claim", "nk-recognition-date"));
    expect((await db().claim.findMany({ where: { id: { in: dates } } })).every((c) => c.kind === "DATE")).toBe(true);
    const builders = await list({ tag: "Builders" });
    expect(builders).toContain(seedId("claim", "matsegora-builders"));
    expect(await db().claimTag.count({ where: { claimId: { in: builders }, tag: { name: "builders" } } })).toBe(builders.length);
    expect((await list({ metric: seedId("metric", "ru-deaths") })).sort()).toEqual(
      [seedId("claim", "ru-deaths-range"), seedId("claim", "ru-deaths-rate")].sort(),
    );
    const fromBuilders = await list({ source: seedId("source", "nr-builders") });
    expect(fromBuilders).toContain(seedId("claim", "ua-cuts-relations"));
    expect(fromBuilders).not.toContain(seedId("claim", "nk-volunteers"));
    expect(await list({ status: "IN_REVIEW", kind: "DATE", tag: "donbas" })).toEqual([seedId("claim", "nk-recognition-date")]);

    const editor = await actor("editor@factdesk.test");
    await db().claim.update({ where: { id: seedId("claim", "un-vote-against") }, data: { assigneeId: editor.id } });
    const editorsClaims = await db().claim.findMany({ where: { assigneeId: editor.id }, select: { id: true } });
    expect(editorsClaims.length).toBeGreaterThan(1);
    expect((await list({ assignee: "me" }, "editor@factdesk.test")).sort()).toEqual(editorsClaims.map((c) => c.id).sort());
    expect((await list({ assignee: editor.id })).sort()).toEqual(editorsClaims.map((c) => c.id).sort());
    expect(await list({ assignee: "me" })).toEqual([]);
    expect(await list({ assignee: "none" })).not.toContain(seedId("claim", "un-vote-against"));

    // Set the seeds' own conflicts aside, so the filter's answer is the one conflict made here.
    await db().conflict.updateMany({ data: { status: "DISMISSED" } });
    const conflict = await db().conflict.create({
      data: { kind: "MANUAL", summary: "Test", claims: { create: [{ claimId: seedId("claim", "ru-deaths-range"), claimVersion: 1 }] } },
    });
    const open = await listClaims(editor, claimFiltersSchema.parse({ conflict: "open" }));
    expect(open.items.map((c) => [c.id, c.hasOpenConflict])).toEqual([[seedId("claim", "ru-deaths-range"), true]]);
    await db().conflict.update({ where: { id: conflict.id }, data: { status: "DISMISSED" } });
    expect(await list({ conflict: "open" })).toEqual([]);
  });

  it("sorts newest, oldest or recently changed, and pages by keyset without gaps or repeats in every order", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    const all = await db().claim.findMany({ select: { id: true, createdAt: true, updatedAt: true } });
    // Make the orders differ: touch the oldest claim so it is the most recently changed.
    const oldest = [...all].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0]!;
    await db().claim.update({ where: { id: oldest.id }, data: { periodText: "touched" } });
    for (const sort of ["newest", "oldest", "updated"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listClaims(reviewer, claimFiltersSchema.parse({ sort, limit: "4", cursor }));
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(all.length);
      expect(seen).toHaveLength(all.length);
      if (sort === "oldest") expect(seen[0]).toBe(oldest.id);
      if (sort === "updated") expect(seen[0]).toBe(oldest.id);
      if (sort === "newest") expect(seen.at(-1)).toBe(oldest.id);
    }
  });

  it("gives each row its values, metric, assignee, distinct sources, open conflicts and review state as the records hold them", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    await db().conflict.create({ data: { kind: "MANUAL", summary: "Row test", claims: { create: [{ claimId: seedId("claim", "nk-volunteers"), claimVersion: 1 }] } } });
    const page = await listClaims(reviewer, claimFiltersSchema.parse({ limit: "100" }));
    expect(page.items.length).toBe(await db().claim.count());
    const records = await db().claim.findMany({
      select: {
        id: true, statement: true, kind: true, status: true, valueLow: true, valueHigh: true, valueBest: true, unit: true, ratePeriod: true, asOf: true, asOfPrecision: true,
        periodStart: true, periodEnd: true, eventDate: true, eventDatePrecision: true, version: true, reviewState: true, createdAt: true, updatedAt: true,
        metric: { select: { id: true, name: true } },
        assignee: { select: { id: true, name: true } },
        citations: { select: { sourceId: true } },
        conflicts: { select: { conflict: { select: { status: true } } } },
      },
    });
    const byId = new Map(records.map((r) => [r.id, r]));
    let withSources = 0;
    for (const item of page.items) {
      const { citations, conflicts, ...record } = byId.get(item.id)!;
      const expected = {
        ...record,
        sourceCount: new Set(citations.map((c) => c.sourceId)).size,
        hasOpenConflict: conflicts.some((c) => c.conflict.status === "OPEN"),
      };
      expect(item).toEqual(expected);
      // Decimals stay decimals (the API serialises them as exact strings).
      expect(JSON.stringify(item.valueLow)).toBe(JSON.stringify(record.valueLow));
      if (expected.sourceCount > 0) withSources++;
    }
    expect(withSources).toBeGreaterThan(5);
    expect(page.items.some((c) => c.metric) && page.items.some((c) => c.assignee) && page.items.some((c) => c.hasOpenConflict) && page.items.some((c) => c.reviewState)).toBe(true);
  });

  it("counts the matches of a view", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    expect(await countClaims(reviewer, {})).toEqual({ count: await db().claim.count(), capped: false });
    expect(await countClaims(reviewer, { status: "IN_REVIEW" })).toEqual({ count: 2, capped: false });
  });

  it("drops a bad filter from a URL rather than failing the page, and refuses it in the API schema", () => {
    expect(readClaimFilters({ status: "NOPE", kind: "DATE", metric: "not-a-uuid" })).toEqual({ kind: "DATE", sort: "newest", limit: 50 });
    const parsed = claimFiltersSchema.safeParse({ status: "NOPE", sort: "sideways", assignee: "bob" });
    expect(parsed.error?.flatten().fieldErrors).toEqual({ status: ["Unknown status."], sort: ["Unknown sort order."], assignee: ["Unknown assignee."] });
  });
});
