import { expect, type Locator, type Page } from "@playwright/test";

export const accounts = {
  admin: { email: "admin@factdesk.test", password: process.env.SEED_ADMIN_PASSWORD || "admin-demo-password", name: "Ada Admin", role: "Admin" },
  editor: { email: "editor@factdesk.test", password: process.env.SEED_EDITOR_PASSWORD || "editor-demo-password", name: "Eddie Editor", role: "Editor" },
  reviewer: { email: "reviewer@factdesk.test", password: process.env.SEED_REVIEWER_PASSWORD || "reviewer-demo-password", name: "Rita Reviewer", role: "Reviewer" },
} as const;

export async function signIn(page: Page, account: (typeof accounts)[keyof typeof accounts]) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
}

/** Signs in and opens the claims list. */
export async function signInToClaims(page: Page, account: (typeof accounts)[keyof typeof accounts]) {
  await signIn(page, account);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).click();
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
}

/** Selects `words` in the source's highlighted text, as a mouse drag would (one step). */
export async function selectPassage(page: Page, words: string) {
  await page.locator("[data-source-text]").evaluate((el, words) => {
    const node = [...el.querySelectorAll("[data-start]")].find((s) => s.textContent?.includes(words))!.firstChild!;
    const at = node.textContent!.indexOf(words);
    document.getSelection()!.setBaseAndExtent(node, at, node, at + words.length);
  }, words);
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText(words.slice(0, 40));
}

/**
 * Counts a reader's steps in a journey: every click, choice, selection and key press goes through
 * it, and the characters typed are counted too.
 */
export function stepCounter(page: Page) {
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
    /** Reloads the page, as the reader coming back to it would. */
    reload: async () => {
      count++;
      await page.reload();
    },
    /** Drags the mouse across `words` in the source's highlighted text: one step. */
    select: async (words: string) => {
      count++;
      await selectPassage(page, words);
    },
  };
}
