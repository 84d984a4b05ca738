import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "@/lib/exports/formats";
import { sha256Hex } from "@/lib/factsheets/snapshot";
import { downloadResponse } from "@/lib/server/export-jobs";
import { makeExport, versionExportFile, versionExports, type DownloadCaching } from "@/lib/server/fact-sheet-exports";
import { openPublicLink } from "@/lib/server/fact-sheet-links";
import type { PublishedVersion } from "@/lib/server/fact-sheet-publishing";
import { publishNext } from "@/scripts/lib/newsroom";
import { closePdfBrowser } from "@/lib/server/pdf";
import { seedDatabase } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { useMigratedDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";

const BASE = "https://facts.example.org";

describe("stored exports of a published version", () => {
  const { db } = useMigratedDatabase();
  afterAll(() => closePdfBrowser());

  async function seededVersion() {
    await seedDatabase(db());
    const { token } = await seedPublication(db());
    return (await openPublicLink(token!))!;
  }

  it("makes every format once, names it <slug>-v<n>.<ext> and records its SHA-256", async () => {
    const version = await seededVersion();
    const files = await versionExports(version, BASE);
    expect(files.map((f) => f.fileName)).toEqual(EXPORT_FORMATS.map((f) => `north-korea-and-the-war-in-ukraine-the-figures-v1.${f}`));
    for (const f of files) {
      const file = await versionExportFile(version, f.format, BASE);
      expect(sha256Hex(file.bytes)).toBe(f.sha256);
      expect(file.bytes.length).toBe(f.size);
    }
    expect(await db().factSheetExport.count()).toBe(EXPORT_FORMATS.length);
    const pdf = await versionExportFile(version, "pdf", BASE);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, " ");
    for (const claim of version.content.claims) expect(text).toContain(claim.statement.replace(/\s+/g, " "));
  });

  it("downloads the same bytes after the live claims change, made from the snapshot alone", async () => {
    const version = await openPublicLink(await freshToken());
    expect(version).not.toBeNull();
    const before = await Promise.all(EXPORT_FORMATS.map((f) => versionExportFile(version!, f, BASE)));
    // Rewrite every published claim and its quotes behind the sheet's back.
    const ids = version!.content.claims.map((c) => c.id);
    await db().claim.updateMany({ where: { id: { in: ids } }, data: { statement: "Rewritten after publication" } });
    await db().citation.updateMany({ where: { claimId: { in: ids } }, data: { quote: "Rewritten quote" } });
    const reread = (await openPublicLink(await freshToken()))!;
    const after = await Promise.all(EXPORT_FORMATS.map((f) => versionExportFile(reread, f, "https://another.host.example")));
    after.forEach((file, i) => {
      expect(Buffer.compare(file.bytes, before[i]!.bytes), file.fileName).toBe(0);
      expect(file.sha256).toBe(before[i]!.sha256);
    });
    // The text formats are a pure function of the snapshot: made again now, the same bytes.
    for (const format of ["csv", "json", "md", "jsonld"] as const) {
      expect(sha256Hex(await makeExport(reread.content, format, BASE)), format).toBe(before[EXPORT_FORMATS.indexOf(format)]!.sha256);
    }
    const csv: Record<string, string>[] = parse(after[EXPORT_FORMATS.indexOf("csv")]!.bytes, { bom: true, columns: true });
    expect(csv.some((row) => row.statement === "Rewritten after publication")).toBe(false);
    expect(csv.map((r) => r.statement)).toContain(version!.content.claims[0]!.statement);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of a stored file", async () => {
    const row = await db().factSheetExport.findFirstOrThrow({ select: { snapshotId: true, format: true } });
    const key = { snapshotId_format: row };
    await expect(db().factSheetExport.update({ where: key, data: { sha256: "0".repeat(64) } })).rejects.toThrow(/append-only/);
    await expect(db().factSheetExport.delete({ where: key })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE fact_sheet_exports`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`INSERT INTO fact_sheet_exports (snapshot_id, format, sha256, bytes) VALUES (${row.snapshotId}::uuid, 'docx', ${"0".repeat(64)}, '\\x00')`).rejects.toThrow(/fact_sheet_exports_format/);
  });

  it("has a public link's downloads asked about again each time, so a reader gets the file of a version published since; a version's own address keeps its file", async () => {
    const token = await freshToken(); // a link to the sheet's latest version
    const download = (version: PublishedVersion, caching: DownloadCaching, headers: Record<string, string> = {}) =>
      downloadResponse(version, "json", { baseUrl: BASE, request: new Request(`${BASE}/p/${token}/exports/json`, { headers }), caching });
    const before = (await openPublicLink(token))!;
    const first = await download(before, "revalidate");
    const etag = first.headers.get("etag")!;
    expect(etag).toBe(`"${sha256Hex(new Uint8Array(await first.arrayBuffer()))}"`);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const held = await download(before, "revalidate", { "if-none-match": etag });
    expect([held.status, held.headers.get("etag"), held.headers.get("cache-control"), held.body]).toEqual([304, etag, "no-cache", null]);

    // A new version is published (the same claims, republished): the link opens it, and the file the reader holds is not its file.
    await publishNext(db(), await editor(), before.factSheetId, before.number);
    const after = (await openPublicLink(token))!;
    expect(after.number).toBe(before.number + 1);
    const corrected = await download(after, "revalidate", { "if-none-match": etag });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("etag")).not.toBe(etag);
    expect(((await corrected.json()) as { version: { number: number } }).version.number).toBe(after.number);

    // A version's own address (signed in) is kept for good: its bytes never change.
    const pinned = await download(before, "immutable");
    expect([pinned.status, pinned.headers.get("etag"), pinned.headers.get("cache-control")]).toEqual([200, etag, "private, max-age=31536000, immutable"]);
  });

  /** The seeded editor, as the server's verbs take a user. */
  async function editor() {
    const { findActiveUser } = await import("@/lib/server/users");
    return (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } })).id))!;
  }

  /** A new live public link of the seeded sheet (the seed's own token was shown once). */
  async function freshToken() {
    const { createLink } = await import("@/lib/server/fact-sheet-links");
    const sheet = await db().factSheet.findFirstOrThrow({ select: { id: true } });
    const link = await createLink(await editor(), { sheetId: sheet.id });
    if (!link.ok) throw new Error(link.message);
    return link.value.token;
  }
});
