// Issue #4's journey, end to end through the UI: an editor creates a source, a claim with a range
// and a citation with an attribution chain, annotates the quote, moves the claim to review and,
// after a second independent source and a reviewer's approval, to verified.
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

const run = Date.now().toString(36);
const statement = `Officials say 12,000 to 14,000 people fled the shelling of Kharkiv (${run}).`;
const text = `Regional officials said on Tuesday that between 12,000 and 14,000 people had fled Kharkiv since the shelling began.`;
const quote = "between 12,000 and 14,000 people had fled Kharkiv";

async function newSource(page: Page, title: string, outlet: string, body?: string) {
  await page.goto("/sources/new");
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Outlet or publisher").fill(outlet);
  await form.getByLabel("Kind").selectOption({ label: "News article" });
  if (body) await form.getByLabel("Full text (optional)").fill(body);
  await form.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("an editor takes a claim from a source's text to verified, with a reviewer's approval", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, accounts.editor);

  // A claim with a range, on a metric picked from the list.
  await page.goto("/metrics/new");
  const metricForm = page.getByRole("form", { name: "New metric" });
  await metricForm.getByLabel("Name").fill(`People displaced from Kharkiv (${run})`);
  await metricForm.getByLabel("Unit").fill("people");
  await metricForm.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`People displaced from Kharkiv (${run})`);

  await page.goto("/claims/new");
  const claim = page.getByRole("form", { name: "New claim" });
  await claim.getByLabel("Claim").fill(statement);
  const picker = claim.getByRole("combobox", { name: "Metric" });
  await picker.fill(run);
  await claim.getByRole("option", { name: new RegExp(`People displaced from Kharkiv \\(${run}\\)`) }).click();
  await expect(claim.getByLabel("Unit")).toHaveValue("people");
  await claim.getByLabel("Low").fill("12,000");
  await claim.getByLabel("High").fill("14,000");
  await claim.getByLabel("As of", { exact: true }).fill("10 May 2022");
  await claim.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
  await expect(page.getByText("12,000–14,000 people, as of 10 May 2022")).toBeVisible();
  const claimUrl = page.url();

  // The first source, with its text; the passage is cited by selecting it, with a two-link chain.
  await newSource(page, `Kharkiv residents flee shelling (${run})`, "Kyiv Independent", text);
  await page.getByRole("button", { name: "Select with the keyboard" }).click();
  const plain = page.getByLabel("Source text (read-only): move with the arrow keys, hold Shift to select a passage");
  await plain.focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < text.indexOf(quote); i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < quote.length; i++) await page.keyboard.press("Shift+ArrowRight");
  const selected = page.getByRole("region", { name: "Selected passage" });
  await expect(selected).toContainText(quote);
  await selected.getByRole("button", { name: "Cite this passage" }).click();
  const cite = page.getByRole("form", { name: "New citation" });
  await cite.getByRole("combobox", { name: "Claim" }).fill(run);
  await cite.getByRole("option", { name: new RegExp(run) }).click();
  const origin = cite.getByRole("group", { name: "Link 1 (origin)" });
  await origin.getByLabel("Name").fill(`Kharkiv regional administration ${run}`);
  await origin.getByLabel("Kind").selectOption({ label: "Government" });
  await origin.getByLabel("How they passed it on (optional)").fill("said at a briefing");
  const reporter = cite.getByRole("group", { name: /Link 2/ });
  await reporter.getByLabel("Name").fill("Kyiv Independent");
  await reporter.getByLabel("Kind").selectOption({ label: "Outlet" });
  await reporter.getByLabel("How they passed it on (optional)").fill("reported");
  await cite.getByRole("button", { name: "Add citation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Cited on “${statement}”.` })).toBeVisible();

  // Annotate the quote.
  await page.reload();
  await page.getByRole("button", { name: "Select with the keyboard" }).click();
  await plain.focus();
  await page.keyboard.press("Control+Home");
  // A passage inside the cited quote, so the note also shows on the claim.
  for (let i = 0; i < text.indexOf("12,000 and 14,000"); i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < "12,000 and 14,000".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.getByRole("region", { name: "Selected passage" }).getByRole("button", { name: "Annotate this passage" }).click();
  const noteForm = page.getByRole("form", { name: "Save note" });
  await noteForm.getByRole("textbox", { name: "Note", exact: true }).fill(`A range, not a count: say so in copy (${run}).`);
  await noteForm.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Note added." })).toBeVisible();

  // To review; one origin is not enough.
  await page.goto(claimUrl);
  await expect(page.getByRole("list", { name: "Attribution chain, origin first" }).getByRole("listitem")).toHaveText([
    `Kharkiv regional administration ${run} (said at a briefing) (origin)`,
    "→Kyiv Independent (reported)",
  ]);
  const status = page.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Sourced, ready for review");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");
  await expect(page.getByTestId("verification-readiness")).toContainText("this claim has 1");

  // A second, independent source: the UN refugee agency's own count, cited from the claim page.
  await newSource(page, `UNHCR flash update (${run})`, "UNHCR");
  await page.goto(claimUrl);
  const citations = page.getByRole("region", { name: /Citations/ });
  await citations.getByRole("button", { name: "Add citation" }).click();
  const second = citations.getByRole("form", { name: "New citation" });
  await second.getByRole("combobox", { name: "Source" }).fill(`UNHCR flash update (${run})`);
  await second.getByRole("option", { name: new RegExp(`UNHCR flash update \\(${run}\\)`) }).click();
  await second.getByLabel("Quote: the exact words in the source").fill("some 13,000 people have left Kharkiv");
  const unhcr = second.getByRole("group", { name: "Link 1 (origin)" });
  await unhcr.getByLabel("Name").fill(`UNHCR ${run}`);
  await unhcr.getByLabel("Kind").selectOption({ label: "Organisation" });
  // The agency is both origin and reporter: one link.
  await second.getByRole("group", { name: /Link 2/ }).getByRole("button", { name: "Remove" }).click();
  await second.getByRole("button", { name: "Add citation" }).click();
  await expect(page.getByTestId("verification-readiness")).toContainText("Supported by 2 independent origins");
  await expect(page.getByTestId("approval-state")).toContainText("A reviewer must approve");

  // Verifying before approval is refused; the reviewer approves; then it verifies.
  await status.getByLabel("Move to").selectOption({ label: "Verified" });
  await status.getByLabel("Reason").fill("Two independent origins agree");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("alert")).toContainText("A reviewer must approve the claim before it can be verified.");

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  await reviewer.goto(claimUrl);
  await reviewer.getByRole("form", { name: "Review claim" }).getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("form", { name: "Review claim" }).getByRole("status")).toHaveText("Review recorded.");

  await page.reload();
  await expect(page.getByTestId("approval-state")).toHaveText("Review: approved by Rita Reviewer for the claim as it stands.");
  await status.getByLabel("Move to").selectOption({ label: "Verified" });
  await status.getByLabel("Reason").fill("Two independent origins agree");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to Verified.");
  await expect(page.getByText("In review → Verified")).toBeVisible();
  await expect(page.getByText("Verified on the rule two independent origins")).toBeVisible();
  // The note on the quoted passage shows on the claim too.
  await expect(page.getByRole("region", { name: /Notes/ })).toContainText(`A range, not a count: say so in copy (${run}).`);
});
