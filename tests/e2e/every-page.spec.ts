import { expect, test, type Page } from "@playwright/test";
import { blockingViolations } from "./axe";
import { accounts, signIn } from "./helpers";
import { openPage, pagesFor, watchCsp } from "./pages";

// One visit to every page per role does every page-wide check: the axe scan and the CSP (each
// visit costs a page load; doing the checks apart loaded every page several times). Colours do not
// depend on the role, and axe's colour-contrast rule is the costliest (about half a scan's time),
// so contrast is checked once per page and theme, as the admin (who sees every page and control):
// light, then dark by switching the colour scheme on the loaded page (the theme is CSS variables
// under prefers-color-scheme). The editor's and the reviewer's visits run every other rule.

type Role = keyof typeof accounts;
const ROLES: Role[] = ["admin", "editor", "reviewer"];

/** Every check of one loaded page for one role; the admin's visit also checks contrast in the dark theme. */
async function checkPage(page: Page, role: Role) {
  if (role !== "admin") return blockingViolations(page, "no-contrast");
  const light = await blockingViolations(page);
  // Controls ease their colours (transition-colors): without transitions the switch is whole at
  // once, and the scan reads the dark colours, not a step on the way to them.
  await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = (await blockingViolations(page, "contrast")).map((v) => `(dark) ${v}`);
  await page.emulateMedia({ colorScheme: "light" });
  return [...light, ...dark];
}

test("the scan catches a planted violation, so a clean result means something", async ({ page }) => {
  await page.goto("/login");
  // Hydration replaces what it does not expect: plant only once React has taken over the form
  // (React marks each hydrated node with a `__reactFiber$…` key), then check the plant is there.
  await page.waitForFunction(() => {
    const form = document.querySelector("form");
    return !!form && Object.keys(form).some((k) => k.startsWith("__reactFiber"));
  });
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.id = "planted-violation";
    button.append(document.createElement("span"));
    document.querySelector("main")!.append(button);
  });
  await expect(page.locator("#planted-violation")).toBeAttached();
  expect((await blockingViolations(page)).join("\n")).toContain("critical button-name");
});

test("the CSP check sees a violation when there is one", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/login");
  await page.evaluate(() => {
    document.querySelector("main")!.insertAdjacentHTML("beforeend", `<img src="/favicon.ico" onload="window.__ran = true" onerror="window.__ran = true">`);
  });
  await expect.poll(violations).not.toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

test.describe("every page", () => {
  test.use({ colorScheme: "light" });

  test("the login page has no serious or critical violation, light or dark", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    // The dark scan means something only if switching the scheme on a loaded page repaints it.
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).not.toBe(light);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await checkPage(page, "admin")).toEqual([]);
  });

  test("the account-link page, signed out, unknown and with a real invitation, has no violation and breaks no CSP", async ({ page, browser }) => {
    await signIn(page, accounts.admin);
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill("csp.e2e@factdesk.test");
    await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByLabel("Invitation link")).toHaveValue(/\/account-link\/[\w-]{43}$/);
    const invitation = new URL(await page.getByLabel("Invitation link").inputValue()).pathname;

    const outside = await browser.newContext({ colorScheme: "light" });
    const visitor = await outside.newPage();
    const violations = await watchCsp(visitor);
    const found: string[] = [];
    for (const [path, heading] of [[`/account-link/${"x".repeat(43)}`, "This link does not work"], [invitation, "Join Factdesk"]] as const) {
      await visitor.goto(path);
      await expect(visitor.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      for (const v of await checkPage(visitor, "admin")) found.push(`${path}: ${v}`);
      await visitor.waitForLoadState("load");
      for (const v of await violations()) found.push(`${path}: CSP ${v}`);
    }
    await expect(visitor.getByRole("button", { name: "Create my account" })).toBeVisible();
    await outside.close();
    expect(found, found.join("\n")).toEqual([]);
  });

  for (const role of ROLES) {
    test(`every page, signed in as ${role}, has no serious or critical violation${role === "admin" ? " (light and dark)" : ""} and breaks no CSP`, async ({ page }) => {
      test.setTimeout(role === "admin" ? 240_000 : 120_000);
      const violations = await watchCsp(page);
      await signIn(page, accounts[role]);
      const found: string[] = [];
      for (const p of pagesFor(role)) {
        await openPage(page, p);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        for (const v of await checkPage(page, role)) found.push(`${p.name} (${p.path}): ${v}`);
        await page.waitForLoadState("load");
        for (const v of await violations()) found.push(`${p.name} (${p.path}): CSP ${v}`);
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});
