import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CLAIM_LIST_CSV_COLUMNS, claimListItemJson } from "@/lib/exports/claims-list";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import type { SessionUser } from "@/lib/server/authorize";
import { listClaims } from "@/lib/server/claims";
import { streamClaims } from "@/lib/server/claims-export";
import { findActiveUser } from "@/lib/server/users";
import { seedDatabase } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const safe = (v: string | null) => (v === null ? "" : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("claims-list downloads", () => {
  const { db } = useMigratedDatabase();
  let reviewer: SessionUser;

  /** Every claim of a view through the API's own pages, for comparison. */
  async function allClaims(filters: Record<string, string>) {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await listClaims(reviewer, { ...claimFiltersSchema.parse(filters), cursor, limit: 100 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  it("streams every claim of a view as CSV across keyset pages, each cell equal to the data", async () => {
    await seedDatabase(db());
    reviewer = (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email: "reviewer@factdesk.test" } })).id))!;
    const first = await db().claim.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    await db().claim.update({ where: { id: first.id }, data: { statement: '=HYPERLINK("http://evil"), with "quotes"\nand a line' } });
    const expected = await allClaims({});
    expect(expected.length).toBe(await db().claim.count());
    const text = await read(streamClaims(reviewer, claimFiltersSchema.parse({}), "csv", 3));
    const [header, ...rows]: string[][] = parse(text, { bom: true });
    expect(header).toEqual(CLAIM_LIST_CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, r) => CLAIM_LIST_CSV_COLUMNS.forEach((col, c) => expect(row[c], `${col.header} of row ${r + 1}`).toBe(safe(col.cell(expected[r]!)))));
    expect(rows.find((r) => r[0] === first.id)![1]).toBe(`'=HYPERLINK("http://evil"), with "quotes"\nand a line`);
    expect(text.split("\r\n").length).toBeGreaterThan(expected.length);
  });

  it("streams the same view as JSON, and honours the filters", async () => {
    const filters = { status: "VERIFIED", sort: "oldest" };
    const expected = await allClaims(filters);
    const json = JSON.parse(await read(streamClaims(reviewer, claimFiltersSchema.parse(filters), "json", 2)));
    expect(json.items).toEqual(JSON.parse(JSON.stringify(expected.map(claimListItemJson))));
    expect(json.items.every((i: { status: string }) => i.status === "VERIFIED")).toBe(true);
    const none = await read(streamClaims(reviewer, claimFiltersSchema.parse({ q: "nothing-matches-this-zzzz" }), "json"));
    expect(JSON.parse(none)).toEqual({ items: [] });
    const noneCsv = await read(streamClaims(reviewer, claimFiltersSchema.parse({ q: "nothing-matches-this-zzzz" }), "csv"));
    expect(parse(noneCsv, { bom: true })).toEqual([CLAIM_LIST_CSV_COLUMNS.map((c) => c.header)]);
  });
});
