import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn, signInToClaims } from "./helpers";

const claimLink = (page: Page, statement: string) => page.getByRole("table").getByRole("link", { name: statement });

test("the claims list searches statements and quotes, filters, and keeps the view in the URL", async ({ page }) => {
  await signInToClaims(page, accounts.reviewer);
  const filters = page.getByRole("search", { name: "Filter claims" });

  // "terminated" is only in a quote, not in any statement.
  await filters.getByLabel("Search claims").fill("terminated");
  await filters.getByLabel("Search claims").press("Enter");
  await expect(page).toHaveURL(/\/claims\?q=terminated$/);
  await expect(page.getByRole("status").filter({ hasText: "claim" })).toHaveText(/^1 claim match/);
  await expect(claimLink(page, "Ukraine cut diplomatic relations with North Korea in response to its recognition of the two republics.")).toBeVisible();

  await filters.getByLabel("Search claims").fill("");
  await filters.getByLabel("Status").selectOption({ label: "In review" });
  await filters.getByLabel("Kind").selectOption({ label: "Date" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=IN_REVIEW/);
  await expect(page).toHaveURL(/kind=DATE/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // header + one claim
  await expect(claimLink(page, "North Korea recognised the independence of the Donetsk and Luhansk people’s republics on 13 July 2022.")).toBeVisible();

  // A link reproduces the view.
  await page.goto(page.url());
  await expect(page.getByRole("search", { name: "Filter claims" }).getByLabel("Kind")).toHaveValue("DATE");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/claims$/);
  await filters.getByLabel("Search claims").fill("zzz nothing like this");
  await filters.getByLabel("Search claims").press("Enter");
  await expect(page.getByText("No claim matches this view.")).toBeVisible();

  const views = page.getByRole("navigation", { name: "Views" });
  await views.getByRole("link", { name: "Waiting for review" }).click();
  await expect(views.getByRole("link", { name: "Waiting for review" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveURL(/review=waiting/);
  // Other specs review claims too (editors-day.spec empties the queue): every row shown is in review and unreviewed.
  const rows = page.getByRole("table").getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
  for (const row of await rows.all()) await expect(row).toContainText("In review");
  await page.goto("/claims?status=IN_REVIEW");
  await expect(claimLink(page, "North Korea recognised the independence of the Donetsk and Luhansk people’s republics on 13 July 2022.")).toBeVisible();
});

test("an editor assigns a claim, a reviewer sends it back and then approves it, and comments are threaded", async ({ browser }) => {
  const statement = "Russia recognised the independence of the Donetsk and Luhansk people’s republics on 21 February 2022.";
  const editor = await (await browser.newContext()).newPage();
  await signInToClaims(editor, accounts.editor);
  await editor.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Unassigned" }).click();
  await claimLink(editor, statement).click();
  await expect(editor.getByRole("heading", { level: 1, name: statement })).toBeVisible();

  const assign = editor.getByRole("form", { name: "Assign claim" });
  await assign.getByRole("button", { name: "Assign to me" }).click();
  await expect(assign.getByRole("status")).toHaveText("Assignment saved.");
  await expect(editor.getByText("Assigned to Eddie Editor.")).toBeVisible();
  await editor.goto("/claims?assignee=me");
  await expect(claimLink(editor, statement)).toBeVisible();
  await claimLink(editor, statement).click();

  const status = editor.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Ready for a second pair of eyes");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");
  await expect(editor.getByTestId("approval-state")).toHaveText("Review: A reviewer must approve the claim before it can be verified.");

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  await expect(reviewer.getByRole("region", { name: "Waiting for review" }).getByRole("link", { name: statement })).toBeVisible();
  await reviewer.getByRole("region", { name: "Waiting for review" }).getByRole("link", { name: statement }).click();
  const review = reviewer.getByRole("form", { name: "Review claim" });
  await review.getByRole("button", { name: "Send back" }).click();
  await expect(review.getByText("Say what must change before you can approve (at least 10 characters).")).toBeVisible();
  await review.getByLabel("Review note (required to send back)").fill("Cite the decree itself, not only the article.");
  await review.getByRole("button", { name: "Send back" }).click();
  await expect(review.getByRole("status")).toHaveText("Review recorded.");
  await expect(reviewer.getByText("Sent back by Rita Reviewer")).toBeVisible();

  const discussion = reviewer.getByRole("region", { name: /Discussion/ });
  await discussion.getByText("Add a comment", { exact: true }).click();
  await discussion.getByLabel("New comment").fill("Is the decree online?");
  await discussion.getByRole("button", { name: "Comment" }).click();
  await expect(discussion.getByText("Is the decree online?")).toBeVisible();

  // The editor's dashboard has it under "Sent back to me"; its list says what the claim needs.
  await editor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const sentBack = editor.getByRole("region", { name: /^Sent back to me/ });
  await expect(sentBack.getByRole("heading", { level: 2 })).toHaveText(/^Sent back to me\s*[\d,]+\+?$/);
  await sentBack.getByRole("link", { name: "All sent back to me" }).click();
  await expect(editor).toHaveURL(/review=sent-back/);
  await expect(editor.getByRole("row").filter({ has: editor.getByRole("link", { name: statement }) })).toContainText("Sent back, needs changes");
  await claimLink(editor, statement).click();
  await expect(editor.getByTestId("approval-state")).toContainText("A reviewer sent this claim back");
  const thread = editor.getByRole("listitem", { name: "Thread started by Rita Reviewer" });
  await thread.getByText("Reply to this thread").click();
  await thread.getByLabel("Your reply").fill("Yes, on the Kremlin's site.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(thread.getByText("Yes, on the Kremlin's site.")).toBeVisible();
  await thread.getByRole("button", { name: "Resolve thread" }).click();
  await expect(thread.getByText("Resolved by Eddie Editor")).toBeVisible();

  await reviewer.reload();
  await reviewer.getByRole("form", { name: "Review claim" }).getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("form", { name: "Review claim" }).getByRole("status")).toHaveText("Review recorded.");
  await editor.reload();
  await expect(editor.getByTestId("approval-state")).toHaveText("Review: approved by Rita Reviewer for the claim as it stands.");

  // The dashboard shows the new activity with links.
  await editor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const activity = editor.getByRole("region", { name: "Recent activity" });
  await expect(activity.getByText("Eddie Editor commented on")).toBeVisible();
  await expect(editor.getByRole("region", { name: "My assignments" }).getByRole("link", { name: statement })).toBeVisible();
  await expect(editor.getByRole("region", { name: /^Open conflicts/ }).getByRole("heading", { level: 2 })).toHaveText(/^Open conflicts\s*[\d,]+\+?$/);
  // Approved, it is "Ready to verify", and its list says so.
  const ready = editor.getByRole("region", { name: /^Ready to verify/ });
  await expect(ready.getByRole("heading", { level: 2 })).toHaveText(/^Ready to verify\s*[\d,]+\+?$/);
  await ready.getByRole("link", { name: "All approved" }).click();
  await expect(editor).toHaveURL(/review=approved/);
  await expect(editor.getByRole("row").filter({ has: editor.getByRole("link", { name: statement }) })).toContainText("Approved, ready to verify");
});

test("reviewers cannot assign, and editors cannot review", async ({ page }) => {
  await signInToClaims(page, accounts.reviewer);
  await claimLink(page, "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war.").click();
  await expect(page.getByRole("form", { name: "Assign claim" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Review claim" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signing in again before the sign-out lands would find /login still sending a signed-in reviewer to the dashboard.
  await expect(page).toHaveURL(/\/login$/);
  await signInToClaims(page, accounts.editor);
  await claimLink(page, "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war.").click();
  await expect(page.getByRole("form", { name: "Assign claim" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Review claim" })).toHaveCount(0);
});
