// Tests that add many claims at once: the claims list shows the newest 50, so they run after the
// other browser tests (project "bulk", playwright.config.ts), whose seeded claims would otherwise
// leave the first page.
import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

test("a metric with more figures than a page charts them all and lists them 50 a page", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `Shelters opened in Kharkiv oblast ${stamp}`;
  await signIn(page, accounts.editor);
  await page.goto("/metrics/new");
  await page.getByLabel("Name: what is measured, and its scope").fill(name);
  await page.getByLabel("Unit").fill("shelters");
  await page.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const metricId = new URL(page.url()).pathname.split("/").at(-1)!;
  for (let i = 1; i <= 52; i++) {
    const day = new Date(Date.UTC(2023, 0, i)).toISOString().slice(0, 10);
    const res = await page.request.post("/api/claims", {
      data: { statement: `Officials said ${100 + i} shelters were open (${stamp}, day ${i}).`, kind: "QUANTITY", metricId, valueBest: String(100 + i), unit: "shelters", asOf: day, asOfPrecision: "DAY" },
    });
    expect(res.status()).toBe(201);
  }
  await page.reload();
  const chart = page.getByRole("figure");
  await expect(chart.getByRole("link", { name: /^Figure 52: Officials said 152 shelters/ })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Pages of figures" });
  await expect(pages.getByText("Figures 1–50 of 52")).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(51);
  await expect(table.getByRole("link", { name: /day 50\)/ })).toBeVisible();
  await expect(table.getByRole("link", { name: /day 51\)/ })).toHaveCount(0);

  await pages.getByRole("link", { name: "Next 2 →" }).click();
  await expect(pages.getByText("Figures 51–52 of 52")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("from")).toBe("51");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("cell", { name: /day 52\)/ })).toBeVisible();
  await expect(chart.getByRole("link", { name: /^Figure 1: Officials said 101 shelters/ })).toBeVisible();
  await pages.getByRole("link", { name: "← Previous 50" }).click();
  await expect(pages.getByText("Figures 1–50 of 52")).toBeVisible();
});

test("a fact sheet with more claims than a page lists them 50 a page and names the first 20 it cannot publish", async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, accounts.editor);
  for (let i = 1; i <= 52; i++) {
    const res = await page.request.post("/api/claims", { data: { statement: `A spokesman said ${i} convoys crossed (${stamp}, convoy ${i}).`, kind: "QUANTITY", valueBest: String(i), unit: "convoys", asOf: "2023-03-01", asOfPrecision: "DAY" } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const title = `Convoys ${stamp}`;
  await page.goto("/fact-sheets/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create fact sheet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const sheetUrl = page.url();

  await page.goto(`/claims?q=${stamp}&sort=oldest`);
  const form = page.getByRole("form", { name: "Add these claims to a fact sheet" });
  await form.getByLabel("Fact sheet").selectOption({ label: title });
  await form.getByRole("button", { name: "Add these 52 claims to a fact sheet" }).click();
  await expect(form.getByRole("status")).toContainText("Added 52 claims");

  await page.goto(sheetUrl);
  await expect(page.getByText("52 claims", { exact: false }).first()).toBeVisible();
  const blocked = page.getByTestId("not-publishable");
  await expect(blocked.getByRole("heading", { name: "Not publishable (52): left out when you publish" })).toBeVisible();
  await expect(blocked.getByRole("listitem")).toHaveCount(20);
  await expect(blocked).toContainText("…and 32 more");
  const pages = page.getByRole("navigation", { name: "Pages of claims" });
  const list = page.getByRole("list", { name: "Claims on this sheet, in order" });
  await expect(pages.getByText("Claims 1–50 of 52")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(50);
  await pages.getByRole("link", { name: "Next 2 →" }).click();
  await expect(pages.getByText("Claims 51–52 of 52")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("from")).toBe("51");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await pages.getByRole("link", { name: "← Previous 50" }).click();
  await expect(pages.getByText("Claims 1–50 of 52")).toBeVisible();
});
