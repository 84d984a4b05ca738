// Conflict detection reads claims in one statement of its own SQL (readComparable); Prisma's reading
// of comparableSelect and citationSelect is the shape the comparator and the stored signatures were
// written against. This holds the two equal on every seeded claim, and the signatures with them.
import { beforeAll, describe, expect, it } from "vitest";
import { claimSignature } from "@/lib/conflicts/detect";
import { citationSelect, comparableSelect, loadComparable } from "@/lib/server/conflicts/comparable-claims";
import type { Prisma } from "@/prisma/client";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";
import { statementsOf } from "../support/statements";

/** Prisma's reading as the comparator was written against it: figures as Decimal's text. */
const asDetectable = (c: Prisma.ClaimGetPayload<{ select: typeof comparableSelect }>) => ({
  ...c,
  valueLow: c.valueLow?.toString() ?? null,
  valueHigh: c.valueHigh?.toString() ?? null,
  valueBest: c.valueBest?.toString() ?? null,
  metric: c.metric ? { ...c.metric, tolerancePercent: c.metric.tolerancePercent?.toString() ?? null } : null,
});

describe("claims as the comparator reads them", () => {
  const { db } = useMigratedDatabase();
  beforeAll(async () => {
    await seedDatabase(db());
  });

  it("are what Prisma reads for the same selection, attributed statements with their citations, in one statement", async () => {
    // Figures at the ends of numeric(24, 6), a fraction, a negative and zero, and a metric tolerance with a fraction.
    const metricId = seedId("metric", "ru-deaths");
    await db().metric.update({ where: { id: metricId }, data: { tolerancePercent: "12.50" } });
    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
    for (const [valueLow, valueHigh, valueBest] of [["0.000001", "999999999999999999.999999", "1234.5"], ["-5", "100.250000", "0"]]) {
      await db().claim.create({ data: { statement: `Figures ${valueLow}`, kind: "QUANTITY", metricId, valueLow, valueHigh, valueBest, unit: "x", createdById: editor.id } });
    }
    const ids = (await db().claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    const { result: loaded, statements, names } = await statementsOf(() => db().$transaction((tx) => loadComparable(tx, ids)));
    // BEGIN, the read (prepared), COMMIT.
    expect(statements.filter((s) => s !== "BEGIN" && s !== "COMMIT"), statements.join("\n")).toHaveLength(1);
    expect(names.filter(Boolean)).toEqual(["comparable_by_id"]);

    const prisma = await db().claim.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { ...comparableSelect, citations: { select: citationSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    });
    const expected = prisma.map(({ citations, ...c }) => ({ ...asDetectable(c), citations: c.kind === "ATTRIBUTED_STATEMENT" ? citations : undefined }));
    expect(loaded).toStrictEqual(expected);
    expect(loaded.map(claimSignature)).toEqual(expected.map(claimSignature));

    // Compared with something in it: figures with their metric's settings, statements with dated citations and sources.
    const cited = loaded.flatMap((c) => c.citations ?? []);
    expect(loaded.filter((c) => c.metric).length).toBeGreaterThan(0);
    expect(loaded.filter((c) => c.valueLow !== null).length).toBeGreaterThan(0);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((q) => q.saidOn instanceof Date).length).toBeGreaterThan(0);
    expect(cited.filter((q) => q.source.publishedAt instanceof Date).length).toBeGreaterThan(0);
    expect(loaded.filter((c) => c.kind !== "ATTRIBUTED_STATEMENT").every((c) => c.citations === undefined)).toBe(true);
  });
});
