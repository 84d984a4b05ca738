import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";
import { openPage, pagesFor } from "./pages";

/** axe-core's findings that block: serious and critical, each with where it is. */
async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n")}`);
}

// Every role in the light theme; the dark theme's colours once, as an editor (colours do not depend on the role).
const RUNS = [
  { colorScheme: "light", roles: ["admin", "editor", "reviewer"] },
  { colorScheme: "dark", roles: ["editor"] },
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

for (const { colorScheme, roles } of RUNS) {
  test.describe(`axe scan, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`the login page has no serious or critical violation (${colorScheme})`, async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      expect(await blockingViolations(page)).toEqual([]);
    });

    for (const role of roles) {
      test(`every page, signed in as ${role}, has no serious or critical violation (${colorScheme})`, async ({ page }) => {
        test.setTimeout(120_000);
        await signIn(page, accounts[role]);
        const found: string[] = [];
        for (const p of pagesFor(role)) {
          await openPage(page, p);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          for (const v of await blockingViolations(page)) found.push(`${p.name} (${p.path}): ${v}`);
        }
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  });
}
