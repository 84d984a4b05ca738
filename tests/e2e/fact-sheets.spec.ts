// The end of a claim's road: an editor builds a fact sheet from verified claims, publishes it,
// republishes with a change note after reading the diff, opens the public link signed out, and
// revokes it. The seeded sheet shows that publishing works on a first start.
import { expect, test, type Page } from "@playwright/test";
import { blockingViolations, WCAG } from "./axe";
import { accounts, signIn } from "./helpers";

const AGAINST = "North Korea was one of five countries to vote against the UN resolution condemning Russia’s invasion of Ukraine.";
const IN_FAVOUR = "141 countries voted for UN General Assembly resolution ES-11/1 condemning Russia’s invasion of Ukraine.";
const RANGE = "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war.";

async function addClaim(page: Page, words: string, statement: string) {
  const form = page.getByRole("form", { name: "Add a claim" });
  await form.getByRole("combobox", { name: "Claim to add" }).fill(words);
  await page.getByRole("option", { name: new RegExp(statement.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
  await form.getByRole("button", { name: "Add to the sheet" }).click();
  await expect(page.getByRole("list", { name: "Claims on this sheet, in order" }).getByRole("link", { name: statement })).toBeVisible();
}

test("an editor builds a sheet, publishes it, republishes with a change note, and shares then revokes its public link", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, accounts.editor);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fact sheets" }).click();
  await expect(page.getByRole("link", { name: "North Korea and the war in Ukraine: the figures" })).toBeVisible();
  await page.getByRole("link", { name: "New fact sheet" }).click();
  await page.getByLabel("Title").fill("The UN vote on the invasion");
  await page.getByLabel(/^Summary/).fill("How the **General Assembly** voted on 2 March 2022.\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Create fact sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The UN vote on the invasion" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "General Assembly" })).toBeVisible();
  expect(await page.locator("main script").count()).toBe(0);

  await addClaim(page, "five countries", AGAINST);
  await addClaim(page, "141 countries", IN_FAVOUR);
  await addClaim(page, "estimates put Russian", RANGE);
  // A claim on the sheet is no longer offered: the search leaves it out on the server.
  const add = page.getByRole("form", { name: "Add a claim" });
  await add.getByRole("combobox", { name: "Claim to add" }).fill("five countries");
  await expect(add.getByText("Nothing matches.")).toBeVisible();
  await add.getByRole("combobox", { name: "Claim to add" }).fill("");
  await expect(page.getByTestId("not-publishable")).toContainText(`${RANGE} — not verified, open conflict`);

  // Reorder by keyboard: the move is announced; then save.
  await page.getByRole("button", { name: `Move “${IN_FAVOUR}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Moved “${IN_FAVOUR}” to position 1 of 3.` })).toBeAttached();
  await page.getByLabel("Section heading for claim 1").fill("At the United Nations");
  await page.getByRole("button", { name: "Save order and sections" }).click();
  await expect(page.getByRole("button", { name: "Save order and sections" })).toBeDisabled();
  await expect(page.getByTestId("sheet-claim").first()).toContainText(IN_FAVOUR);

  // Publish version 1: the unpublishable claim is left out. The sheet says so from keys; the
  // publish page builds the version itself.
  await expect(page.getByTestId("publish-card")).toContainText("Version 1 would publish 2 claims and leave out 1.");
  await page.getByRole("link", { name: "Review and publish version 1" }).click();
  const publish = page.getByRole("form", { name: "Publish" });
  await expect(publish).toContainText("Version 1 will publish 2 claims");
  await expect(page.getByRole("region", { name: /Left out of version 1/ })).toContainText(RANGE);
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page).toHaveURL(/\/v\/1$/);
  await expect(page.getByRole("heading", { level: 1, name: "The UN vote on the invasion" })).toBeVisible();
  await expect(page.locator("#claim-1")).toContainText(IN_FAVOUR);
  await expect(page.getByRole("region", { name: /Left out of this version/ })).toContainText(RANGE);

  // Republish: drop a claim; the diff shows before the publish, which needs a change note.
  await page.getByRole("link", { name: "← The sheet" }).click();
  await page.getByRole("button", { name: `Remove “${AGAINST}” from the sheet` }).click();
  await page.getByRole("button", { name: "Save order and sections" }).click();
  await expect(page.getByTestId("sheet-claim")).toHaveCount(2);
  await expect(page.getByTestId("draft-state")).toContainText("1 claim to leave out");
  await page.getByRole("link", { name: "Review the changes and publish version 2" }).click();
  await expect(publish.getByTestId("version-diff")).toContainText("Removed (1)");
  await expect(publish.getByTestId("version-diff")).toContainText(AGAINST);
  await publish.getByLabel("I have read the changes above.").check();
  await publish.getByRole("button", { name: "Publish version 2" }).click();
  await expect(publish.getByRole("alert")).toContainText("Say what changed since version 1");
  await publish.getByLabel(/^Change note/).fill("Kept only the votes in favour; the vote against has its own sheet.");
  await publish.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page).toHaveURL(/\/v\/2$/);
  await expect(page.getByRole("region", { name: "What changed in version 2" })).toContainText("Kept only the votes in favour");
  // The version page's diff is the one the publish page showed.
  await expect(page.getByTestId("version-diff")).toContainText("Removed (1)");
  await expect(page.getByTestId("version-diff")).toContainText(AGAINST);
  const hash = await page.getByTestId("content-hash").textContent();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // The public link: shown once, opened signed out, nothing internal on it.
  await page.getByRole("link", { name: "← The sheet" }).click();
  await page.getByRole("button", { name: "Make a public link" }).click();
  const url = await page.getByLabel("Public link address").inputValue();
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  const outsider = await (await browser.newContext()).newPage();
  const response = await outsider.goto(url);
  expect(response?.status()).toBe(200);
  await expect(outsider.getByRole("heading", { level: 1, name: "The UN vote on the invasion" })).toBeVisible();
  await expect(outsider.locator("#claim-1")).toContainText(IN_FAVOUR);
  await expect(outsider.getByTestId("content-hash")).toHaveText(hash!);
  const text = await outsider.locator("body").innerText();
  for (const internal of [RANGE, AGAINST, "@factdesk.test", "Sign out", "Left out"]) expect(text).not.toContain(internal);
  expect(await blockingViolations(outsider, "all", WCAG)).toEqual([]);
  // Readers get the page from the page cache (lib/server/page-cache.ts) once it is kept; revoking still ends it at once.
  await expect.poll(async () => (await outsider.goto(url))?.headers()["x-factdesk-cache"]).toBe("hit");
  await expect(outsider.getByTestId("content-hash")).toHaveText(hash!);

  // The newsroom's other writes leave it kept: public pages are keyed on what they show (the
  // published version), not on every write. Tried again if the job worker moves a PDF job of this
  // version or an earlier test's (export_jobs, which public pages show) in between.
  await expect(async () => {
    await expect.poll(async () => (await outsider.goto(url))?.headers()["x-factdesk-cache"]).toBe("hit");
    const saved = await page.request.post("/api/claims", { data: { statement: `Volunteers reached the border crossing (${Date.now()}).`, kind: "EVENT", tags: "" } });
    expect(saved.status()).toBe(201);
    expect((await outsider.goto(url))?.headers()["x-factdesk-cache"]).toBe("hit");
  }).toPass({ timeout: 30_000 });
  await expect(outsider.getByTestId("content-hash")).toHaveText(hash!);

  // A correction reaches the latest version's link on its next load, kept page or not.
  await addClaim(page, "five countries", AGAINST);
  await page.getByRole("link", { name: "Review the changes and publish version 3" }).click();
  await publish.getByLabel("I have read the changes above.").check();
  await publish.getByLabel(/^Change note/).fill("The vote against is back: it belongs beside the votes in favour.");
  await publish.getByRole("button", { name: "Publish version 3" }).click();
  await expect(page).toHaveURL(/\/v\/3$/);
  const corrected = await outsider.goto(url);
  expect([corrected?.status(), corrected?.headers()["x-factdesk-cache"]]).toEqual([200, "miss"]);
  await expect(outsider.locator("main")).toContainText(AGAINST);
  await expect(outsider.locator("main")).toContainText("The vote against is back");
  await page.getByRole("link", { name: "← The sheet" }).click();

  await page.getByRole("button", { name: "Revoke the link to latest version" }).click();
  await expect(page.getByTestId("live-link")).toHaveCount(0);
  expect((await outsider.goto(url))?.status()).toBe(404);
  expect((await outsider.goto(url.replace(/.{6}$/, "abcdef")))?.status()).toBe(404);
});

test("a claims-list view goes onto a sheet in one step", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/claims?kind=DATE");
  const form = page.getByRole("form", { name: "Add these claims to a fact sheet" });
  await form.getByLabel("Fact sheet").selectOption({ label: "North Korea and the war in Ukraine: the figures" });
  await form.getByRole("button", { name: /^Add these \d+ claims to a fact sheet$/ }).click();
  await expect(form.getByRole("status")).toContainText(/Added \d+ claims/);
  await form.getByRole("link", { name: "Open the sheet" }).click();
  await expect(page.getByTestId("not-publishable")).toContainText("North Korea recognised the independence");
});

test("reviewers read sheets and versions but get no controls to change or publish them", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto("/fact-sheets");
  await page.getByRole("link", { name: "North Korea and the war in Ukraine: the figures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "North Korea and the war in Ukraine: the figures" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Publish" })).toHaveCount(0);
  await expect(page.getByTestId("publish-card")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a claim" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await page.getByRole("link", { name: "Read version 1" }).click();
  await expect(page.locator("#claim-1")).toBeVisible();
});
