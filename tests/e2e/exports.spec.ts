// What the newsroom takes away: every export of a published version, signed in and through the
// public link, each download the bytes whose SHA-256 the page shows; a large sheet's PDF made in
// the background with its progress shown; the claims list's download of the current view; and the
// read-only API's tokens made, used and revoked by an admin. The e2e app runs a job worker with
// PDF_JOB_MIN_CLAIMS=1 (scripts/test.ts): every PDF here is made the way a large sheet's is.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { accounts, signIn } from "./helpers";

const SHEET = "North Korea and the war in Ukraine: the figures";
const SLUG = "north-korea-and-the-war-in-ukraine-the-figures";
const FORMATS = [
  ["pdf", "PDF", "application/pdf"],
  ["csv", "CSV", "text/csv"],
  ["json", "JSON", "application/json"],
  ["md", "Markdown", "text/markdown"],
  ["jsonld", "ClaimReview JSON-LD", "application/ld+json"],
] as const;

const sha256 = async (d: Download) => createHash("sha256").update(await readFile((await d.path())!)).digest("hex");

/** Downloads every format from a page's Downloads list; returns each file's hash, checked against the one shown beside its link. */
async function downloadAll(page: Page, number: number) {
  const downloads = page.getByRole("region", { name: "Downloads" });
  const hashes: Record<string, string> = {};
  for (const [format, label] of FORMATS) {
    const item = downloads.getByTestId(`export-${format}`);
    // The PDF may still be with the job worker: the list refreshes itself until its link is there.
    await expect(item.getByRole("link", { name: label, exact: true })).toBeVisible({ timeout: 30_000 });
    const shown = await item.getByTestId("export-sha256").textContent();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: label, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${SLUG}-v${number}.${format}`);
    expect(await sha256(download), format).toBe(shown);
    hashes[format] = shown!;
  }
  return hashes;
}

test("every format downloads from a published version and from its public link, the same bytes each time", async ({ page, browser }) => {
  await signIn(page, accounts.editor);
  await page.goto("/fact-sheets");
  await page.getByRole("link", { name: SHEET }).click();
  await page.getByRole("link", { name: "Read version 1" }).click();
  const signedIn = await downloadAll(page, 1);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld.length).toBeGreaterThan(0);
  expect(ld[0]).toMatchObject({ "@type": "ClaimReview", reviewRating: { alternateName: "Verified" }, itemReviewed: { "@type": "Claim" } });

  // The content types and file names, straight from the routes.
  const versionUrl = page.url();
  const [, sheetId] = /\/fact-sheets\/([^/]+)\/v\/1/.exec(versionUrl)!;
  for (const [format, , type] of FORMATS) {
    const response = await page.request.get(`/api/fact-sheets/${sheetId}/versions/1/exports/${format}`);
    expect(response.headers()["content-type"]).toContain(type);
    expect(response.headers()["content-disposition"]).toContain(`filename="${SLUG}-v1.${format}"`);
    // A version's own address: the same bytes for good.
    expect([response.headers()["etag"], response.headers()["cache-control"]]).toEqual([`"${signedIn[format]}"`, "private, max-age=31536000, immutable"]);
  }

  await page.getByRole("link", { name: "← The sheet" }).click();
  // The seed made the sheet's link already (its token was shown once): replace it to learn a token.
  await page.getByRole("button", { name: /^(Make a public link|Replace the latest-version link)$/ }).click();
  const url = await page.getByLabel("Public link address").inputValue();
  const outsider = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await outsider.goto(url);
  await expect(outsider.getByRole("heading", { level: 1, name: SHEET })).toBeVisible();
  const reviews = JSON.parse((await outsider.locator('script[type="application/ld+json"]').textContent())!);
  expect(reviews.map((r: { url: string }) => r.url)).toEqual(ld.map((_: unknown, i: number) => `${url}#claim-${i + 1}`));
  expect(await downloadAll(outsider, 1)).toEqual(signedIn);
  const linked = await outsider.request.get(`${url}/exports/csv`);
  const csv: Record<string, string>[] = parse(await linked.body(), { bom: true, columns: true });
  expect(new Set(csv.map((r) => r.position)).size).toBe(ld.length);
  // A public link's file is asked about again on every download (the link follows the latest version): 304 while it stands.
  expect([linked.headers()["etag"], linked.headers()["cache-control"]]).toEqual([`"${signedIn.csv}"`, "no-cache"]);
  const held = await outsider.request.get(`${url}/exports/csv`, { headers: { "if-none-match": linked.headers()["etag"]! } });
  expect([held.status(), (await held.body()).length]).toEqual([304, 0]);

  await page.getByRole("button", { name: "Revoke the link to latest version" }).click();
  await expect(page.getByTestId("live-link")).toHaveCount(0);
  expect((await outsider.request.get(`${url}/exports/pdf`)).status()).toBe(404);
  expect((await outsider.request.get(`${url}/exports/csv`, { headers: { "if-none-match": linked.headers()["etag"]! } })).status()).toBe(404); // not a 304
});

test("a large sheet's PDF is made in the background: the version page shows it queued or under way, then offers it", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, accounts.editor);
  await page.goto("/fact-sheets/new");
  await page.getByLabel("Title").fill("The vote against, printed in the background");
  await page.getByRole("button", { name: "Create fact sheet" }).click();
  const add = page.getByRole("form", { name: "Add a claim" });
  await add.getByRole("combobox", { name: "Claim to add" }).fill("five countries");
  await page.getByRole("option", { name: /^North Korea was one of five countries/ }).first().click();
  await add.getByRole("button", { name: "Add to the sheet" }).click();
  await expect(page.getByTestId("sheet-claim")).toHaveCount(1);
  await page.getByRole("link", { name: "Review and publish version 1" }).click();
  await page.getByRole("form", { name: "Publish" }).getByRole("button", { name: "Publish version 1" }).click();
  await expect(page).toHaveURL(/\/v\/1$/);

  // The first look at the new version asks the queue for its PDF: the list says where it stands,
  // with a progress bar, while the other formats are there at once.
  const downloads = page.getByRole("region", { name: "Downloads" });
  const pdf = downloads.getByTestId("export-pdf");
  await expect(pdf.getByRole("status")).toHaveText(/^(Queued: the PDF of 1 claim is made in the background|Being made: step [123] of 3)/);
  await expect(pdf.getByRole("progressbar", { name: "PDF progress" })).toBeVisible();
  await expect(pdf.getByRole("link", { name: "PDF", exact: true })).toHaveCount(0);
  await expect(downloads.getByTestId("export-csv").getByRole("link", { name: "CSV", exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("pdf-job-pending-1440.png"), fullPage: true });

  // Without a reload, the list updates itself: the status goes, the link and its hash come.
  const link = pdf.getByRole("link", { name: "PDF", exact: true });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(pdf.getByRole("status")).toHaveCount(0);
  await expect(pdf.getByRole("progressbar")).toHaveCount(0);
  const shown = await pdf.getByTestId("export-sha256").textContent();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("the-vote-against-printed-in-the-background-v1.pdf");
  expect(await sha256(download)).toBe(shown);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: test.info().outputPath("pdf-job-done-390.png"), fullPage: true });
});

test("the claims list downloads the whole current view as CSV and JSON", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto("/claims?kind=QUANTITY");
  const count = Number((await page.getByRole("status").filter({ hasText: /claims? match/ }).textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ""));
  await page.getByText("Download this view").click();
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV (spreadsheets)" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows: Record<string, string>[] = parse(await readFile((await csvDownload.path())!), { bom: true, columns: true });
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.kind === "QUANTITY")).toBe(true);
  // The menu stays open after the first download.
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "JSON", exact: true }).click()]);
  const json = JSON.parse(await readFile((await jsonDownload.path())!, "utf8"));
  expect(json.items.map((i: { id: string }) => i.id)).toEqual(rows.map((r) => r.id));
});

test("an admin makes an API token, a client reads with it, and a revoked token gets 401", async ({ page, playwright }) => {
  await signIn(page, accounts.admin);
  await page.getByRole("navigation", { name: "Main" }).locator("summary", { hasText: "Admin" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name (the client that will use it)").fill("Graphics desk");
  await page.getByRole("button", { name: "Make token" }).click();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^fdk_/);

  const client = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await client.get("/api/v1/fact-sheets")).status()).toBe(401);
  expect((await client.get("/api/v1/fact-sheets", { headers: { Authorization: "Bearer fdk_wrongwrongwrongwrongwrongwrong" } })).status()).toBe(401);
  const listed = await client.get("/api/v1/fact-sheets", { headers: { Authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).items.map((s: { title: string }) => s.title)).toContain(SHEET);
  const doc = await (await client.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");

  // Verified claims, kept from the second ask until the next write (polled: other tests' writes renew the data version).
  const claims = (headers: Record<string, string> = {}) => client.get("/api/v1/claims?limit=5", { headers: { Authorization: `Bearer ${token}`, ...headers } });
  await expect.poll(async () => (await claims()).headers()["x-factdesk-cache"]).toBe("hit");
  expect((await (await claims()).json()).items.length).toBeGreaterThan(0);
  // A poller sending the answer's tag back gets 304 while the list stands (polled: another test may verify a claim meanwhile).
  let held: Record<string, string> = {};
  await expect.poll(async () => (await claims((held = { "if-none-match": (await claims()).headers()["etag"]! }))).status()).toBe(304);

  await page.reload();
  await expect(page.getByRole("row", { name: /Graphics desk/ })).not.toContainText("Never");
  await page.getByRole("button", { name: "Revoke token Graphics desk" }).click();
  await expect(page.getByRole("row", { name: /Graphics desk/ })).toContainText("Revoked");
  expect((await client.get("/api/v1/claims", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  expect((await claims()).status()).toBe(401); // its kept answer is for no one without a live token
  expect((await claims(held)).status()).toBe(401); // nor is a 304 for it
  await client.dispose();
});
