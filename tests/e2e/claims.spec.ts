import { expect, test } from "@playwright/test";
import { accounts, signInToClaims } from "./helpers";

test("an editor records a quantity claim with a range and sees it read back", async ({ page }) => {
  await signInToClaims(page, accounts.editor);
  await page.getByRole("link", { name: "New claim" }).click();
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Claim").fill("Ukraine's defence ministry says 40,000 to 45,000 Russian soldiers were killed.");
  await form.getByLabel("Low").fill("45,000");
  await form.getByLabel("High").fill("40,000");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByText("The high end cannot be below the low end.")).toBeVisible();
  await expect(form.getByText("Give the unit, like “soldiers killed” or “people”.")).toBeVisible();

  await form.getByLabel("Low").fill("40,000");
  await form.getByLabel("High").fill("45,000");
  await form.getByRole("combobox", { name: "Metric" }).fill("military deaths");
  await form.getByRole("option", { name: /^Russian military deaths in Ukraine since 24 Feb 2022/ }).click();
  await form.getByLabel("Unit").fill("soldiers killed");
  await form.getByLabel("As of", { exact: true }).fill("2022-08-15");
  await form.getByLabel("Period from").fill("2022-02-24");
  await form.getByLabel("Tags, separated by commas").fill("russia, casualties");
  await form.getByRole("button", { name: "Save claim" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ukraine's defence ministry says 40,000 to 45,000 Russian soldiers were killed.");
  await expect(page.getByText("40,000–45,000 soldiers killed, since 24 Feb 2022, as of 15 Aug 2022")).toBeVisible();
  await expect(page.getByText("Recorded as Unverified")).toBeVisible();
});

test("a stale edit is refused, shows what changed, and keeps the editor's input", async ({ browser }) => {
  const context = await browser.newContext();
  const editor = await context.newPage();
  await signInToClaims(editor, accounts.editor);
  await editor.getByRole("link", { name: "Ukraine cut diplomatic relations with North Korea in response to its recognition of the two republics." }).click();
  await editor.getByRole("link", { name: "Edit claim" }).click();
  const form = editor.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Claim").fill("Ukraine severed diplomatic relations with North Korea after it recognised the two republics.");

  // Meanwhile, in another tab, the same claim moves to review.
  const other = await context.newPage();
  await other.goto(editor.url().replace(/\/edit$/, ""));
  const status = other.getByRole("form", { name: "Change status" });
  await status.getByLabel("Move to").selectOption({ label: "In review" });
  await status.getByLabel("Reason").fill("Ready for review");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toHaveText("Moved to In review.");

  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else changed this claim after you opened it. Nothing was overwritten");
  await expect(form.getByText("Eddie Editor changed status from “UNVERIFIED” to “IN_REVIEW”")).toBeVisible();
  await expect(form.getByLabel("Claim")).toHaveValue("Ukraine severed diplomatic relations with North Korea after it recognised the two republics.");
  await context.close();
});
