// Not yet run green (the last run failed on an ambiguous "Kind" label, since renamed "Kind of claim"):
// rename to editors-day-journeys.spec.ts to run. See the branch's report.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

/** Selects `words` in the source's highlighted text, as a mouse drag would (one step). */
async function selectPassage(page: Page, words: string) {
  await page.locator("[data-source-text]").evaluate((el, words) => {
    const node = [...el.querySelectorAll("[data-start]")].find((s) => s.textContent?.includes(words))!.firstChild!;
    const at = node.textContent!.indexOf(words);
    document.getSelection()!.setBaseAndExtent(node, at, node, at + words.length);
  }, words);
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText(words.slice(0, 40));
}

// Journeys that count the reader's steps: every click, choice, selection and key press goes
// through `steps` (and the characters typed are counted too).
function stepCounter(page: Page) {
  let count = 0;
  let typed = 0;
  return {
    get count() {
      return count;
    },
    get typed() {
      return typed;
    },
    click: async (target: Locator) => {
      count++;
      await target.click();
    },
    choose: async (target: Locator, label: string) => {
      count++;
      await target.selectOption({ label });
    },
    fill: async (target: Locator, text: string) => {
      count++;
      typed += text.length;
      await target.fill(text);
    },
    press: async (key: string) => {
      count++;
      await page.keyboard.press(key);
    },
    /** Drags the mouse across `words` in the source's highlighted text: one step. */
    select: async (words: string) => {
      count++;
      await selectPassage(page, words);
    },
  };
}

const run = Date.now().toString(36);
const figureStatement = "Shelling has killed 1,240 civilians in the region since March";

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
  const save = async () => {
    await steps.click(passageForm.getByRole("button", { name: "Save claim and citation" }));
    await expect(page.getByText("Claim recorded with its citation.").first()).toBeVisible();
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

