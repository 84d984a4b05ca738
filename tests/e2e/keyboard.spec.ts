import { expect, test, type Locator, type Page } from "@playwright/test";
import { accounts } from "./helpers";

// The whole journey by keyboard alone: no click, no fill, only page.keyboard.

/** Presses Tab (or Shift+Tab) until `target` has focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

test("search, move, open, change status and annotate without the mouse", async ({ page }) => {
  test.setTimeout(60_000);
  const editor = accounts.editor;
  const statement = "Russian soldiers have been killed in Ukraine at about 100 a day.";

  // Sign in.
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(editor.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(editor.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();

  // "?" lists the shortcuts; Escape closes the list.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /j Next claim in the list/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // "/" away from the claims list goes to the claims search; typing there is not a shortcut ("k" stays text).
  await page.keyboard.press("/");
  await expect(page).toHaveURL(/\/claims$/);
  const search = page.getByRole("search", { name: "Filter claims" }).getByLabel("Search claims");
  await expect(search).toBeFocused();
  await page.keyboard.type("killed");
  await expect(search).toHaveValue("killed");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=killed/);
  const rows = page.getByRole("table", { name: /Claims/ }).locator("[data-shortcut-row]");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(2);

  // Esc clears the search itself (the list shows everything again) and leaves the field.
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();
  await expect(page).not.toHaveURL(/q=killed/);
  await expect(search).toHaveValue("");
  // Search again, leave the field backwards, then j/k move a visible selection through the rows.
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("killed");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=killed/);
  await expect(rows.first()).toBeVisible();
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }), { back: true });
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-selected", "true");
  await expect(rows.nth(0).getByRole("link")).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-selected", "true");
  await expect(rows.nth(0)).not.toHaveAttribute("data-selected");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("data-selected", "true");
  const count = await rows.count();
  for (let i = 0; i < count && (await focusedText(page)) !== statement; i++) await page.keyboard.press("j");
  expect(await focusedText(page)).toBe(statement);

  // Enter opens the selected claim.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();

  // Change its status: Tab to the form, arrows pick the status, Tab on, type the reason, Enter on the button.
  const form = page.getByRole("form", { name: "Change status" });
  const moveTo = form.getByLabel("Move to");
  await tabTo(page, moveTo);
  for (let i = 0; i < 6 && (await moveTo.inputValue()) !== "IN_REVIEW"; i++) await page.keyboard.press("ArrowDown");
  await expect(moveTo).toHaveValue("IN_REVIEW");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Reason")).toBeFocused();
  await page.keyboard.type("Arithmetic checked against the range");
  await tabTo(page, form.getByRole("button", { name: "Change status" }));
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Moved to In review.");
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Status changed to In review." })).toBeVisible();
  await expect(page.getByText("Unverified → In review")).toBeVisible();

  // Annotate it: a note on the claim, by keyboard.
  const noteForm = page.getByRole("form", { name: "Add note" });
  await tabTo(page, page.getByRole("region", { name: /Notes/ }).getByText("Add a note", { exact: true }), { back: true });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(noteForm.getByLabel("Note")).toBeFocused();
  await page.keyboard.type("Rate fits only the low end of the 15,000–25,000 range.");
  await page.keyboard.press("Tab");
  await expect(noteForm.getByRole("button", { name: "Add note" })).toBeFocused();
  await page.keyboard.press("Enter");
  const notes = page.getByRole("region", { name: /Notes/ });
  await expect(notes.getByText("Rate fits only the low end of the 15,000–25,000 range.")).toBeVisible();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Note saved." })).toBeVisible();
});

test("shortcuts stay out of the way: none while typing, Enter keeps its meaning on buttons", async ({ page }) => {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(accounts.reviewer.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(accounts.reviewer.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await page.keyboard.press("/");
  const search = page.getByRole("search", { name: "Filter claims" }).getByLabel("Search claims");
  await expect(search).toBeFocused();
  // "/" and "?" typed in the field are text, not shortcuts.
  await page.keyboard.type("a/b?");
  await expect(search).toHaveValue("a/b?");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The shortcuts button opens the same dialog from the keyboard, and focus returns to it on Escape.
  const button = page.getByRole("button", { name: /Shortcuts/ });
  await tabTo(page, button, { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(button).toBeFocused();
});
