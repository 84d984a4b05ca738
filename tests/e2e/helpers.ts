import { expect, type Page } from "@playwright/test";

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
