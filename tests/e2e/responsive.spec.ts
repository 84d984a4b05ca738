import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";
import { openPage, pagesFor } from "./pages";

test.use({ viewport: { width: 390, height: 844 } });

const overflow = () => {
  const root = document.scrollingElement!;
  return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth };
};

/**
 * Separators ("·") left stray by wrapping: one that starts a line (the words before it wrapped
 * away), or one that ends its block with nothing after it. Each is described by its line's text.
 */
const straySeparators = () => {
  const stray: string[] = [];
  const glyph = (node: Text, at: number) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect();
  };
  // The box whose lines the separator sits in: past inline boxes, and past flex or grid items to their row.
  const blockOf = (el: Element) => {
    let at: Element | null = el;
    while (at?.parentElement && (getComputedStyle(at).display.startsWith("inline") || /flex|grid/.test(getComputedStyle(at.parentElement).display))) at = at.parentElement;
    return at ?? document.body;
  };
  const walker = document.createTreeWalker(document.querySelector("main") ?? document.body, NodeFilter.SHOW_TEXT);
  let previous: { node: Text; at: number } | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!node.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
    for (let i = 0; i < node.data.length; i++) {
      if (/\s/.test(node.data[i]!)) continue;
      if (node.data[i] === "·") {
        const block = blockOf(node.parentElement);
        const context = (block.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80);
        const separator = glyph(node, i);
        if (previous && separator.width > 0) {
          const before = glyph(previous.node, previous.at);
          if (before.width > 0 && separator.top >= before.bottom - 1) stray.push(`starts a line: “${context}”`);
        }
        if ((block.textContent ?? "").trimEnd().endsWith("·")) stray.push(`ends its block: “${context}”`);
      }
      previous = { node, at: i };
    }
  }
  return stray;
};

test("no page scrolls sideways on a 390 px phone, and no separator is left stray by wrapping", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/login");
  expect(await page.evaluate(overflow), "/login").toEqual(expect.objectContaining({ scrollWidth: 390 }));
  await signIn(page, accounts.editor);
  const wide: string[] = [];
  const stray: string[] = [];
  for (const p of pagesFor("editor")) {
    await openPage(page, p);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(overflow);
    if (scrollWidth > innerWidth) wide.push(`${p.name} (${p.path}): ${scrollWidth} px wide in a ${innerWidth} px window`);
    for (const s of await page.evaluate(straySeparators)) stray.push(`${p.name}: ${s}`);
  }
  expect(wide, wide.join("\n")).toEqual([]);
  expect(stray, stray.join("\n")).toEqual([]);
});

test("the stray-separator check sees a separator that wrapped to the start of a line, and passes one glued to the words before it", async ({ page }) => {
  // 12 characters wide in a monospace font: "Outlet name · News" cannot fit, so the line breaks around the dot.
  const line = (text: string) => `<p style="width: 12ch; font-family: monospace">${text}</p>`;
  await page.setContent(`<main>${line("Outlet name · News")}${line("Outlet name&nbsp;· News")}</main>`);
  expect(await page.evaluate(straySeparators)).toEqual(["starts a line: “Outlet name · News”"]);
});

test("on a phone the header collapses into a menu, opened by keyboard or by click", async ({ page }) => {
  await signIn(page, accounts.editor);
  const main = page.getByRole("navigation", { name: "Main" });
  // One line: the brand and a Menu button; the sections and the account controls wait in the menu.
  await expect(main.getByRole("link", { name: "Claims" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(sections).toHaveCount(0);
  // By keyboard: Enter opens it, Tab walks into its links, Enter follows one and the menu closes.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(sections.getByRole("link", { name: "Dashboard" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sections.getByRole("link", { name: "Claims" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(sections).toHaveCount(0);
  // By click, with the account controls in it too.
  await menu.click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Claims" })).toHaveAttribute("aria-current", "page");
  await sections.getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await expect(sections).toHaveCount(0);
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
