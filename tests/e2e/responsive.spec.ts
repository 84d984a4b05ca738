import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";
import { openPage, pagesFor } from "./pages";

test.use({ viewport: { width: 390, height: 844 } });

const overflow = () => {
  const root = document.scrollingElement!;
  return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth };
};

test("no page scrolls sideways on a 390 px phone", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/login");
  expect(await page.evaluate(overflow), "/login").toEqual(expect.objectContaining({ scrollWidth: 390 }));
  await signIn(page, accounts.editor);
  const wide: string[] = [];
  for (const p of pagesFor("editor")) {
    await openPage(page, p);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(overflow);
    if (scrollWidth > innerWidth) wide.push(`${p.name} (${p.path}): ${scrollWidth} px wide in a ${innerWidth} px window`);
  }
  expect(wide, wide.join("\n")).toEqual([]);
});

test("the sideways check sees a page that is too wide", async ({ page }) => {
  await page.goto("/login");
  await page.evaluate(() => {
    const wide = document.createElement("div");
    wide.style.width = "600px";
    wide.style.height = "1px";
    document.body.append(wide);
  });
  expect((await page.evaluate(overflow)).scrollWidth).toBeGreaterThan(390);
});

test("the claims table becomes cards on a phone and a table on a desktop", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/claims");
  const table = page.getByRole("table", { name: /Claims/ });
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeHidden();
  const first = table.locator("tbody tr").first();
  // A card: its cells stack, so the status sits under the statement rather than beside it.
  const [statement, status] = [await first.locator("td").nth(0).boundingBox(), await first.locator("td").nth(2).boundingBox()];
  expect(status!.y).toBeGreaterThan(statement!.y + statement!.height - 1);
  await expect(first.getByText("Assignee:")).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
  const [wideStatement, wideStatus] = [await first.locator("td").nth(0).boundingBox(), await first.locator("td").nth(2).boundingBox()];
  expect(Math.abs(wideStatus!.y - wideStatement!.y)).toBeLessThan(2);
  await expect(first.getByText("Assignee:")).toBeHidden();
});
