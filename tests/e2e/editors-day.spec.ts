import { expect, test, type Locator } from "@playwright/test";
import { accounts, selectPassage, signIn, stepCounter } from "./helpers";

const run = Date.now().toString(36);
const figureStatement = "Shelling has killed 1,240 civilians in the region since March";

// The journeys of issue #16, counting the reader's steps. They run in order: the checklist
// journey verifies the wire paragraph's figure, and the reviewer then empties their queue.
test.describe.configure({ mode: "serial" });

test("the wire paragraph is recorded from its source text (source, three claims, three cited quotes with chains) in at most 50 steps", async ({ page }) => {
  test.setTimeout(120_000);
  const paragraph = [
    `GENEVA (Wire ${run}) — Shelling has killed 1,240 civilians in the region since March, OCHA said on Tuesday.`,
    "Jens Laerke, a spokesman for the agency, said aid convoys had been blocked at the border for twelve days.",
    "Residents said the main bridge over the river was destroyed on 3 June 2025.",
  ].join(" ");
  await signIn(page, accounts.editor);
  const steps = stepCounter(page);

  await steps.click(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }));
  await steps.click(page.getByRole("link", { name: "New source" }));
  const sourceForm = page.getByRole("form", { name: "New source" });
  await steps.fill(sourceForm.getByLabel("Title"), `Shelling toll rises, aid blocked (${run})`);
  await steps.fill(sourceForm.getByLabel("Outlet or publisher"), `Wire ${run}`);
  await steps.fill(sourceForm.getByLabel("Date (if known)"), "4 June 2025");
  await steps.fill(sourceForm.getByLabel("Full text (optional)"), paragraph);
  await steps.click(sourceForm.getByRole("button", { name: "Save source" }));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Shelling toll rises, aid blocked (${run})`);

  const passageForm = page.getByRole("form", { name: "New claim from this passage" });
  const selected = page.getByRole("region", { name: "Selected passage" });
  const origin = (form: Locator) => form.getByRole("group", { name: "Link 1 (origin)", exact: true });
  let saved = 0;
  const save = async () => {
    await steps.click(passageForm.getByRole("button", { name: "Save claim and citation" }));
    await expect(page.getByText("Claim recorded with its citation.").first()).toBeVisible();
    // The page has re-read the source (its text now highlights the new citation) before the next selection.
    await expect(page.getByRole("region", { name: `Claims citing this source (${++saved})` })).toBeVisible();
  };

  // 1. A figure: the kind is guessed from the digits, the outlet is already the reporter.
  await steps.select(figureStatement);
  await steps.click(selected.getByRole("button", { name: "New claim from this passage" }));
  await expect(passageForm.getByLabel("Claim: one checkable statement, written neutrally")).toBeFocused();
  await expect(passageForm.getByLabel("Kind of claim")).toHaveValue("QUANTITY");
  await expect(passageForm.getByRole("group", { name: "Link 2 (nearest reporter)", exact: true }).getByLabel("Name")).toHaveValue(`Wire ${run}`);
  await steps.fill(passageForm.getByLabel("Best estimate or single figure"), "1,240");
  await steps.fill(passageForm.getByLabel("Unit"), "civilians killed");
  await steps.fill(passageForm.getByLabel("As of"), "June 2025");
  await steps.fill(origin(passageForm).getByLabel("Name"), "OCHA");
  await steps.choose(origin(passageForm).getByLabel("Kind"), "Organisation");
  await save();

  // 2. An attributed statement.
  await steps.select("said aid convoys had been blocked at the border for twelve days");
  await steps.click(selected.getByRole("button", { name: "New claim from this passage" }));
  await steps.fill(passageForm.getByLabel("Claim: one checkable statement, written neutrally"), "Jens Laerke said aid convoys had been blocked at the border for twelve days.");
  await steps.choose(passageForm.getByLabel("Kind of claim"), "Attributed statement");
  await steps.fill(passageForm.getByLabel("Speaker"), "Jens Laerke");
  await steps.fill(origin(passageForm).getByLabel("Name"), "Jens Laerke");
  await steps.choose(origin(passageForm).getByLabel("Kind"), "Person");
  await save();

  // 3. A date.
  await steps.select("the main bridge over the river was destroyed on 3 June 2025");
  await steps.click(selected.getByRole("button", { name: "New claim from this passage" }));
  await steps.fill(passageForm.getByLabel("Claim: one checkable statement, written neutrally"), "The main bridge over the river was destroyed on 3 June 2025.");
  await steps.choose(passageForm.getByLabel("Kind of claim"), "Date");
  await steps.fill(passageForm.getByLabel("Date it happened"), "3 June 2025");
  await steps.fill(origin(passageForm).getByLabel("Name"), "Residents");
  await steps.choose(origin(passageForm).getByLabel("Kind"), "Unknown");
  await save();

  // The source shows three cited passages, each claim cites it with its chain.
  const citing = page.getByRole("region", { name: /Claims citing this source/ });
  await expect(citing.getByRole("link", { name: "The main bridge over the river was destroyed on 3 June 2025." })).toBeVisible();
  await expect(citing.getByRole("link", { name: "Jens Laerke said aid convoys had been blocked at the border for twelve days." })).toBeVisible();
  await citing.getByRole("link", { name: /^Shelling has killed 1,240 civilians/ }).click();
  await expect(page.getByText(/1,240 civilians killed, as of Jun 2025/)).toBeVisible();
  await expect(page.getByRole("region", { name: /Citations/ })).toContainText("OCHA");
  console.log(`wire paragraph: ${steps.count} steps, ${steps.typed} characters typed`);
  expect(steps.count).toBeLessThanOrEqual(50);
});

test("a claim is verified from its checklist: a second origin, review, then “Mark verified” once every check passes", async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, accounts.editor);
  // A second, independent origin for the wire's figure.
  await editor.goto("/sources/new");
  const sourceForm = editor.getByRole("form", { name: "New source" });
  await sourceForm.getByLabel("Title").fill(`Ministry bulletin (${run})`);
  await sourceForm.getByLabel("Outlet or publisher").fill(`Health ministry ${run}`);
  await sourceForm.getByLabel("Full text (optional)").fill("The ministry counts 1,240 civilians killed by shelling since March.");
  await sourceForm.getByRole("button", { name: "Save source" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Ministry bulletin (${run})`);
  await selectPassage(editor, "1,240 civilians killed by shelling since March");
  await editor.getByRole("region", { name: "Selected passage" }).getByRole("button", { name: "Cite this passage" }).click();
  const cite = editor.getByRole("form", { name: "New citation" });
  await cite.getByRole("combobox", { name: "Claim" }).fill(`${figureStatement}`);
  await cite.getByRole("option", { name: new RegExp(`^${figureStatement}`) }).first().click();
  await cite.getByRole("group", { name: "Link 1 (origin)", exact: true }).getByLabel("Name").fill(`Health ministry ${run}`);
  await cite.getByRole("group", { name: "Link 1 (origin)", exact: true }).getByLabel("Kind").selectOption({ label: "Government" });
  await cite.getByRole("button", { name: "Remove link 2" }).click();
  await cite.getByRole("button", { name: "Add citation" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Cited on" })).toBeVisible();
  await editor.getByRole("region", { name: /Claims citing this source/ }).getByRole("link", { name: new RegExp(`^${figureStatement}`) }).click();

  const checklist = editor.getByRole("region", { name: "Verification checklist" });
  await expect(checklist).toContainText("Meets the rule: two independent origins.");
  await expect(checklist).toContainText(`OCHA (citation 1); Health ministry ${run} (citation 2)`);
  await expect(checklist.getByTestId("checklist-next")).toHaveText("Not verifiable yet: Move the claim to In review first: a reviewer approves it there.");
  await expect(checklist.getByRole("button", { name: "Mark verified" })).toHaveCount(0);
  const status = editor.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Two origins: ready for review");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");
  await expect(checklist.getByTestId("checklist-next")).toHaveText("Not verifiable yet: A reviewer must approve the claim before it can be verified.");
  const claimUrl = editor.url();

  // The reviewer approves from the top of the page.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  await reviewer.goto(claimUrl);
  const reviewerChecklist = reviewer.getByRole("region", { name: "Verification checklist" });
  await reviewerChecklist.getByRole("form", { name: "Review claim" }).getByRole("button", { name: "Approve" }).click();
  await expect(reviewerChecklist.getByRole("form", { name: "Review claim" }).getByRole("status")).toHaveText("Review recorded.");

  await editor.reload();
  await expect(checklist).toContainText("Approved by Rita Reviewer.");
  await expect(checklist).toContainText("Open conflicts: done. None.");
  await checklist.getByRole("button", { name: "Mark verified" }).click();
  await expect(editor.getByText("In review → Verified")).toBeVisible();
  await expect(editor.getByRole("region", { name: "Verification checklist" })).toHaveCount(0);
});

test("a reviewer's queue empties as they review: each claim reviewed leaves it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.reviewer);
  const steps = stepCounter(page);
  const queue = page.getByRole("region", { name: /^Waiting for review/ });
  // The reviewer's dashboard leads with their queue.
  await expect(page.getByRole("main").getByRole("region").first()).toHaveAccessibleName(/^Waiting for review/);
  const countOf = async () => Number((await queue.getByRole("heading").textContent())?.match(/(\d+)\s*$/)?.[1] ?? NaN);
  let left = await countOf();
  expect(left).toBeGreaterThan(0);
  let reviewed = 0;
  while (left > 0 && reviewed < 30) {
    const first = queue.getByRole("listitem").first().getByRole("link");
    const statement = (await first.textContent())!;
    await steps.click(first);
    await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
    const review = page.getByRole("form", { name: "Review claim" });
    // Every other claim is sent back, so both decisions leave the queue.
    if (reviewed % 2 === 1) {
      await steps.fill(review.getByLabel("Review note (required to send back)"), "Name the origin of this figure, please.");
      await steps.click(review.getByRole("button", { name: "Send back" }));
    } else {
      await steps.click(review.getByRole("button", { name: "Approve" }));
    }
    await expect(review.getByRole("status")).toHaveText("Review recorded.");
    await steps.click(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }));
    await expect(queue.getByRole("link", { name: statement, exact: true })).toHaveCount(0);
    const now = await countOf();
    expect(now).toBe(left - 1);
    left = now;
    reviewed++;
  }
  await expect(queue.getByText("Your queue is empty: every claim in review has been reviewed as it stands.")).toBeVisible();
  // Three steps a claim: open it, decide (a send-back's note is one more), back to the queue.
  expect(steps.count).toBeLessThanOrEqual(reviewed * 3 + Math.floor(reviewed / 2));
  // The claims list's view of the queue is empty too, and the decisions are in the activity.
  await page.goto("/claims?review=waiting");
  await expect(page.getByText("No claim matches this view.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Recent activity" }).getByText("Rita Reviewer approved").first()).toBeVisible();
});

test("the claim form focuses its first field, keeps unsaved input over a reload, and asks before leaving it", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/claims/new");
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByLabel("Claim")).toBeFocused();
  await form.getByLabel("Claim").fill(`A draft that must survive a reload (${run}).`);
  await form.getByLabel("As of", { exact: true }).fill("March 2025");
  // The reload's "leave site?" is answered yes; the input comes back.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(form.getByText("Your unsaved changes were restored.")).toBeVisible();
  await expect(form.getByLabel("Claim")).toHaveValue(`A draft that must survive a reload (${run}).`);
  await expect(form.getByLabel("As of", { exact: true })).toHaveValue("March 2025");
  // Following a link asks first; saying no stays on the form.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect.poll(() => asked).toContain("not saved");
  await expect(page).toHaveURL(/\/claims\/new$/);
  await form.getByRole("button", { name: "Discard them" }).click();
  await expect(form.getByLabel("Claim")).toHaveValue("");
});
