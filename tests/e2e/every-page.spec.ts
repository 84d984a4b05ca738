import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";
import { openPage, pagesFor, watchCsp } from "./pages";

// One visit to every page per role does both page-wide checks: the axe scan and the CSP (each
// visit costs a page load; doing the two apart loaded every page twice).

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** axe-core's findings that block: serious and critical, each with where it is. `rules` narrows the scan. */
async function blockingViolations(page: Page, rules?: readonly string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules([...rules]) : builder.withTags(TAGS)).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n")}`);
}

// Every role in the light theme, with every rule and the CSP; the dark theme once, as an editor,
// for what it changes: colours, so contrast alone (colours do not depend on the role).
const RUNS = [
  { colorScheme: "light", roles: ["admin", "editor", "reviewer"], rules: undefined },
  { colorScheme: "dark", roles: ["editor"], rules: ["color-contrast"] },
] as const;

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

for (const { colorScheme, roles, rules } of RUNS) {
  test.describe(`every page, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`the login page has no serious or critical violation (${colorScheme})`, async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      expect(await blockingViolations(page, rules)).toEqual([]);
    });

    for (const role of roles) {
      const csp = colorScheme === "light";
      test(`every page, signed in as ${role}, has no serious or critical violation${csp ? " and breaks no CSP" : ""} (${colorScheme})`, async ({ page }) => {
        test.setTimeout(120_000);
        const violations = csp ? await watchCsp(page) : async () => [];
        await signIn(page, accounts[role]);
        const found: string[] = [];
        for (const p of pagesFor(role)) {
          await openPage(page, p);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          for (const v of await blockingViolations(page, rules)) found.push(`${p.name} (${p.path}): ${v}`);
          await page.waitForLoadState("load");
          for (const v of await violations()) found.push(`${p.name} (${p.path}): CSP ${v}`);
        }
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  });
}
