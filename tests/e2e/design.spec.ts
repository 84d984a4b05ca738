import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

test("the dashboard charts say in words and tables what they draw", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const verified = page.getByRole("figure", { name: /verified in the last 12 weeks/ });
  await expect(verified).toBeVisible();
  await expect(verified.locator("svg[data-chart=verified]")).toBeVisible();
  // The same numbers for screen readers: one row per week.
  const table = verified.getByRole("table", { name: "Claims verified per week" });
  await expect(table.getByRole("row")).toHaveCount(13);

  const mix = page.getByRole("figure", { name: /claims by status/ });
  for (const label of ["Unverified", "In review", "Verified", "Disputed", "False", "Retracted"]) {
    await expect(mix.getByRole("link", { name: new RegExp(`^${label} \\d+\\s·\\s\\d+%$`) })).toBeVisible();
  }
  await mix.getByRole("link", { name: /^In review / }).click();
  await expect(page).toHaveURL(/\/claims\?status=IN_REVIEW/);
});

test("empty lists say what to do next, and a missing claim keeps the app's navigation", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/sources?q=no-such-outlet-anywhere");
  await expect(page.getByText("No source’s title or outlet contains “no-such-outlet-anywhere”.")).toBeVisible();
  await page.getByRole("link", { name: "Show all sources" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.getByRole("table", { name: /Sources/ })).toBeVisible();

  await page.goto("/events?q=no-such-event-anywhere");
  await expect(page.getByRole("link", { name: "Show all events" })).toBeVisible();

  await page.goto("/claims/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Nothing here" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Search the claims" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Nothing here" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the dashboard" })).toBeVisible();
});

test("every page names its favicon, and it is served", async ({ page }) => {
  await page.goto("/login");
  const icon = page.locator('head link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const href = await icon.getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});
