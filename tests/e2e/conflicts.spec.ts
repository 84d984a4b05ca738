// Issue #5's journey: an editor sees the seeded conflicts, opens one, resolves it, and the claim
// it blocked can then be verified (after a second origin and a reviewer's approval).
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

const run = Date.now().toString(36);
const STATEMENT = "Alexander Matsegora said North Korea receives nothing in return for cooperating with Russia.";

async function openClaim(page: Page) {
  await page.goto(`/claims?q=${encodeURIComponent("receives nothing in return")}&kind=ATTRIBUTED_STATEMENT`);
  await page.getByRole("link", { name: STATEMENT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STATEMENT);
}

test("an editor resolves a seeded conflict on the record, and the claim can then be verified", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, accounts.editor);

  // The dashboard counts the seeds' four: the rate against the total, and three statement dates.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Conflicts" }).click();
  await expect(page.getByRole("heading", { name: "Conflicts", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Open conflicts" });
  // Titles lead with the metric and what each claim says; the summary follows.
  const rateTitle = "Russian military deaths in Ukraine since 24 Feb 2022: 15,000–25,000 soldiers killed against 100 soldiers killed per day";
  await expect(list.getByRole("link", { name: rateTitle })).toBeVisible();
  await expect(list.getByText(/^100 a day over 158–188 days \(24 Feb 2022 to Aug 2022\) makes 15,800–18,800: it fits only the low end/)).toBeVisible();
  // The three statement-date questions the two articles raise are one group.
  await expect(list.getByRole("heading", { name: /^When were these said\? 3 statements dated differently by “.+” and “.+”$/ })).toBeVisible();
  await expect(list.getByRole("link", { name: /^When was it said\? “/ })).toHaveCount(3);

  // The rate conflict shows its arithmetic and its figures on a number line.
  await list.getByRole("link", { name: rateTitle }).click();
  await expect(page.getByRole("region", { name: "The arithmetic" })).toContainText("100 a day × 158–188 days (24 Feb 2022 to Aug 2022) = 15,800–18,800 in total.");
  await expect(page.getByTestId("overlap-state")).toHaveText("The shaded band is where they all overlap.");
  await expect(page.getByRole("region", { name: "On a number line" })).toContainText("Claim 2 × 158–188 days");

  // The claim page says what its open question asks of the verifier ("in July" and "Monday" may agree: a question, issue 12).
  await openClaim(page);
  await expect(page.getByTestId("conflict-state")).toContainText("An open tension or question: whoever verifies this claim acknowledges it in writing.");
  const conflicts = page.getByRole("region", { name: /Conflicts/ });
  await conflicts.getByRole("link", { name: /The statement is dated/ }).click();
  await expect(page.getByRole("region", { name: "How each source dates the statement" })).toContainText("“Monday” (between 27 Jun 2022 and 25 Jul 2022");
  await expect(page.getByRole("region", { name: "On a timeline" })).toBeVisible();

  // Resolving: a note is required; then the question is settled on the record.
  const decide = page.getByRole("form", { name: "Decide conflict" });
  await decide.getByRole("radio", { name: /Settle the question/ }).check();
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(decide.getByText("Say why, for the record (at least 10 characters).")).toBeVisible();
  await decide.getByLabel("Why (kept on the record)").fill(`Monday 4 July 2022: both articles fit it (${run}).`);
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("decision-in-force")).toContainText(`Settled: “Monday 4 July 2022: both articles fit it (${run}).”`);
  await expect(page.getByRole("region", { name: "The record" })).toContainText("Settled by Eddie Editor");
  await expect(page.getByRole("heading", { name: "Decision", level: 2 })).toBeVisible();

  // A second, independent origin: the interview as another outlet carried it.
  await page.goto("/sources/new");
  const sourceForm = page.getByRole("form", { name: "New source" });
  await sourceForm.getByLabel("Title").fill(`Ambassador Matsegora interview (${run})`);
  await sourceForm.getByLabel("Outlet or publisher").fill("Izvestia");
  await sourceForm.getByLabel("Kind").selectOption({ label: "Interview" });
  await sourceForm.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ambassador Matsegora interview (${run})`);
  await openClaim(page);
  await expect(page.getByTestId("conflict-state")).toHaveText("No open conflicts: every conflict of this claim has been decided.");
  const citations = page.getByRole("region", { name: /Citations/ });
  await citations.getByRole("button", { name: "Add citation" }).click();
  const cite = citations.getByRole("form", { name: "New citation" });
  await cite.getByRole("combobox", { name: "Source" }).fill(`Ambassador Matsegora interview (${run})`);
  await cite.getByRole("option", { name: new RegExp(`Ambassador Matsegora interview \\(${run}\\)`) }).click();
  await cite.getByLabel("Quote: the exact words in the source").fill("North Korea gets nothing in return");
  const origin = cite.getByRole("group", { name: "Link 1 (origin)" });
  await origin.getByLabel("Name").fill(`Izvestia ${run}`);
  await origin.getByLabel("Kind").selectOption({ label: "Outlet" });
  await cite.getByRole("group", { name: /Link 2/ }).getByRole("button", { name: "Remove" }).click();
  await cite.getByRole("button", { name: "Add citation" }).click();
  await expect(page.getByTestId("verification-readiness")).toContainText("Supported by 2 independent origins");

  const status = page.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Two origins, date settled");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");

  // A reviewer approves the claim as it stands.
  const reviewerPage = await (await browser.newContext()).newPage();
  await signIn(reviewerPage, accounts.reviewer);
  await openClaim(reviewerPage);
  await reviewerPage.getByRole("form", { name: "Review claim" }).getByRole("button", { name: "Approve" }).click();
  await expect(reviewerPage.getByTestId("approval-state")).toContainText("You approved this claim");

  // Now the editor verifies it.
  await page.reload();
  await status.getByLabel("Move to").selectOption({ label: "Verified" });
  await status.getByLabel("Reason").fill("Two independent origins, reviewed");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to Verified.");
  await expect(page.getByText("In review → Verified")).toBeVisible();
});

test("while a conflict is open, verifying is refused and the claim page says why; reviewers may flag but not resolve", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, accounts.reviewer);
  await page.goto("/conflicts?kind=RATE_TOTAL");
  await page.getByRole("link", { name: /^Russian military deaths in Ukraine since 24 Feb 2022: 15,000–25,000 / }).click();
  await expect(page.getByRole("form", { name: "Decide conflict" })).toHaveCount(0);
  await expect(page.getByText("Editors resolve conflicts")).toBeVisible();

  await page.goto(`/claims?q=${encodeURIComponent("15,000 to 25,000")}`);
  await page.getByRole("link", { name: /15,000 to 25,000 about five months/ }).click();
  // The seeds' rate fits only the low end of the range: a tension, which the verifier acknowledges in writing (issue 12);
  // an earlier test's figure on the same metric may also contradict it, and then verifying is blocked outright.
  await expect(page.getByTestId("conflict-acknowledge").or(page.getByTestId("conflict-block"))).toContainText(
    /your written acknowledgement when you verify|cannot be verified while a contradiction/,
  );
  await expect(page.getByText(/^\W*Open conflict$/)).toBeVisible();
  await page.getByText("Flag a conflict with another claim").click();
  const flag = page.getByRole("form", { name: "Flag a conflict" });
  await flag.getByRole("combobox", { name: "Claim that cannot also be true" }).fill("100,000 volunteers");
  await flag.getByRole("option", { name: /North Korea has offered Russia 100,000 volunteers/ }).click();
  await expect(flag.getByRole("list", { name: "Claims flagged with this one" })).toContainText("North Korea has offered Russia 100,000 volunteers");
  await flag.getByLabel("Why they cannot all be true").fill(`Test flag: the volunteer count and the deaths come from one state-TV segment (${run}).`);
  await flag.getByRole("button", { name: "Flag conflict" }).click();
  await expect(flag.getByText("Conflict flagged: it now blocks verification")).toBeVisible();
  await expect(page.getByRole("region", { name: /Conflicts/ }).getByRole("link", { name: new RegExp(`one state-TV segment \\(${run}\\)`) })).toBeVisible();
});
