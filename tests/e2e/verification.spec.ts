import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signInToClaims } from "./helpers";

const statement = "North Korea was one of five countries to vote against the UN resolution condemning Russia’s invasion of Ukraine.";

async function openAs(browser: Browser, account: (typeof accounts)[keyof typeof accounts]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToClaims(page, account);
  await page.getByRole("link", { name: statement }).click();
  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
  return page;
}

async function review(page: Page, decision: "Approve" | "Send back", note = "") {
  await page.reload();
  const form = page.getByRole("form", { name: "Review claim" });
  if (note) await form.getByLabel("Review note (required to send back)").fill(note);
  await form.getByRole("button", { name: decision, exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Review recorded.");
}

test("a reviewer's send-back stops a verification that an admin tries to push through", async ({ browser }) => {
  const editor = await openAs(browser, accounts.editor);
  const status = editor.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Two origins: the magazine and the UN record");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");

  // Rita approves, then thinks again and sends it back.
  const reviewer = await openAs(browser, accounts.reviewer);
  await review(reviewer, "Approve");
  await review(reviewer, "Send back", "Check the vote count against the UN record first.");

  // The admin approves it and tries to verify: the approval given before the send-back no longer counts.
  const admin = await openAs(browser, accounts.admin);
  await review(admin, "Approve");
  await admin.reload();
  // Rita's approval, and the seed's own approval from when the published sheet verified this claim.
  await expect(admin.getByText("(cancelled by a later send-back)").first()).toBeVisible();
  await expect(admin.getByTestId("approval-state")).toContainText("You approved this claim yourself");
  const push = admin.getByRole("form", { name: "Change status" });
  await push.getByLabel("Move to").selectOption({ label: "Verified" });
  await push.getByLabel("Reason").fill("Approved, verifying");
  await push.getByRole("button", { name: "Change status" }).click();
  await expect(push.getByRole("alert")).toContainText("You approved this claim yourself: someone else must verify it");
  await admin.reload();
  // Still in review: the badge says where it stands with its reviewers (the admin's own approval is the newest).
  await expect(admin.getByRole("heading", { level: 1 }).locator("..").getByText("Approved, ready to verify")).toBeVisible();

  // Another person verifying on the admin's approval (given after the send-back) is the rule working.
  await editor.reload();
  await status.getByLabel("Move to").selectOption({ label: "Verified" });
  await status.getByLabel("Reason").fill("Approved after the send-back was answered");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to Verified.");
});

test("the edit form says before saving that a change to what a verified claim rests on sends it back to review", async ({ page }) => {
  await signInToClaims(page, accounts.editor);
  await page.getByRole("link", { name: statement }).click();
  await page.getByRole("link", { name: "Edit claim" }).click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Tags, separated by commas").fill("north-korea, united-nations, votes");
  await expect(form.getByTestId("review-warning")).toHaveCount(0);
  await form.getByLabel("Best estimate or single figure").fill("6");
  await expect(form.getByTestId("review-warning")).toContainText("Saving will send this verified claim back to review");
  await expect(form.getByTestId("review-warning")).toContainText("figure");
  await form.getByLabel("Best estimate or single figure").fill("5");
  await expect(form.getByTestId("review-warning")).toHaveCount(0);
});
