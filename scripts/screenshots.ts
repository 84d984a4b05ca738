// npm run screenshots [-- <base-url>]: signs in to a running app and saves the main pages at
// 1440 px and 390 px, light and dark, into screenshots/.
// npm run screenshots -- --readme [<base-url>]: also copies the README's chosen few, shrunk, into
// docs/screenshots/ (committed, so the README shows the app as it is).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { seedId } from "../seeds/load";
import { CHROMIUM_ARGS, ensureChromium } from "./lib/browser";

const args = process.argv.slice(2);
const readme = args.includes("--readme");
const base = args.find((a) => !a.startsWith("--")) ?? process.env.E2E_BASE_URL ?? "http://localhost:3000";
const out = path.resolve(import.meta.dirname, "../screenshots");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: ensureChromium((m) => console.log(m)) ?? process.exit(1),
  args: CHROMIUM_ARGS,
});
const pages: [name: string, path: string, heading: string | RegExp][] = [
  ["claims", "/claims", "Claims"],
  ["sources", "/sources", "Sources"],
  ["source-new", "/sources/new", "New source"],
  ["metrics", "/metrics", "Metrics"],
  ["metric", `/metrics/${seedId("metric", "ru-deaths")}`, "Russian military deaths in Ukraine since 24 Feb 2022"],
  ["metric-edit", `/metrics/${seedId("metric", "ru-deaths")}/edit`, "Edit metric"],
  ["events", "/events", "Events"],
  ["event", `/events/${seedId("event", "nk-recognises")}`, "North Korea recognises the Donetsk and Luhansk people’s republics"],
  ["conflicts", "/conflicts", "Conflicts"],
  ["fact-sheets", "/fact-sheets", "Fact sheets"],
  ["fact-sheet-new", "/fact-sheets/new", "New fact sheet"],
  ["account", "/account", "Your account"],
];

try {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1440, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      // Leaving a form with unsaved input asks first: the tour leaves the failed new-claim form on purpose.
      page.on("dialog", (dialog) => void dialog.accept());
      const shot = (name: string) => page.screenshot({ path: path.join(out, `${name}-${width}-${colorScheme}.png`), fullPage: true });
      await page.goto(`${base}/login`);
      await shot("login");
      await signIn(page, "editor");
      await shot("dashboard");
      // Pages reached by address: [file name, path, the level-1 heading to wait for].
      for (const [name, at, heading] of pages) {
        await page.goto(`${base}${at}`);
        await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
        // The metric chart's marks are drawn in the browser, once the page has hydrated.
        if (name === "metric") await page.getByRole("link", { name: /^Figure 1/ }).waitFor();
        await shot(name);
      }
      // The seeded published sheet and its first version.
      await page.goto(`${base}/fact-sheets`);
      await page.getByRole("link", { name: "North Korea and the war in Ukraine: the figures" }).click();
      await page.getByRole("heading", { name: "Versions" }).waitFor();
      await shot("fact-sheet");
      await page.getByRole("link", { name: /^Review the changes and publish version 2$/ }).click();
      await page.getByRole("heading", { name: /^Publish /, level: 1 }).waitFor();
      await shot("fact-sheet-publish");
      await page.goBack();
      await page.getByRole("link", { name: "Read version 1" }).click();
      await page.locator("#claim-1").waitFor();
      await shot("fact-sheet-version");
      await page.goto(`${base}/claims`);
      await page.getByRole("link", { name: /15,000 to 25,000/ }).click();
      await page.getByRole("heading", { name: "Status history" }).waitFor();
      await shot("claim");
      await page.getByRole("link", { name: "Edit claim" }).click();
      await page.getByRole("form", { name: "Edit claim" }).waitFor();
      await shot("claim-edit");
      // The seeds' rate-versus-total conflict, and a statement-date question.
      await page.goto(`${base}/conflicts?kind=RATE_TOTAL`);
      await page.getByRole("link", { name: /^Russian military deaths in Ukraine since 24 Feb 2022: / }).first().click();
      await page.getByRole("heading", { name: "The arithmetic" }).waitFor();
      await shot("conflict-rate");
      await page.goto(`${base}/conflicts?kind=STATEMENT_DATE`);
      await page.getByRole("link", { name: /^When was it said\? / }).first().click();
      await page.getByRole("heading", { name: "How each source dates the statement" }).waitFor();
      await shot("conflict-statement-date");
      await page.goto(`${base}/claims/new`);
      await page.getByLabel("Low").fill("45,000");
      await page.getByLabel("High").fill("40,000");
      await page.getByRole("button", { name: "Save claim" }).click();
      await page.getByText("The high end cannot be below the low end.").waitFor();
      await shot("claim-new-errors");
      // A metric made from inside the claim form (issue #16).
      await page.getByRole("combobox", { name: "Metric" }).fill("People displaced by the valley floods");
      await page.getByRole("option", { name: /^Create metric “/ }).waitFor();
      await shot("claim-new-create-metric");
      await page.getByRole("option", { name: /^Create metric “/ }).click();
      await page.getByRole("group", { name: "New metric" }).waitFor();
      await shot("claim-new-inline-metric");
      // A source with stored text: cited and noted passages highlighted, then a passage selected and cited.
      await page.goto(`${base}/sources?q=ES-11%2F1`);
      await page.getByRole("link", { name: /Recorded vote on UN General Assembly resolution ES-11\/1/ }).click();
      await page.getByRole("heading", { name: "Claims citing this source" }).waitFor();
      await shot("source");
      await page.locator("[data-source-text]").evaluate((box) => {
        const node = [...box.querySelectorAll("[data-start]")].find((el) => el.textContent?.includes("In favour: 141"))!.firstChild!;
        const at = node.textContent!.indexOf("In favour: 141");
        document.getSelection()!.setBaseAndExtent(node, at, node, at + "In favour: 141".length);
      });
      await page.getByRole("button", { name: "Cite this passage" }).click();
      await page.getByRole("form", { name: "New citation" }).waitFor();
      await shot("source-cite");
      // Nothing matches the words typed: "Create claim …" leads into the new-claim form, prefilled.
      await page.getByRole("form", { name: "New citation" }).getByRole("combobox", { name: "Claim" }).fill("141 countries voted for resolution ES-11/1");
      await page.getByRole("option", { name: /^Create claim “/ }).waitFor();
      await shot("source-cite-create-claim");
      await page.getByRole("option", { name: /^Create claim “/ }).click();
      await page.getByRole("form", { name: "New claim from this passage" }).waitFor();
      await shot("source-cite-new-claim");
      await page.getByRole("form", { name: "New claim from this passage" }).getByRole("button", { name: "Cancel" }).click();
      await page.locator("[data-source-text]").evaluate((box) => {
        const node = [...box.querySelectorAll("[data-start]")].find((el) => el.textContent?.includes("Abstaining: 35"))!.firstChild!;
        const at = node.textContent!.indexOf("Abstaining: 35");
        document.getSelection()!.setBaseAndExtent(node, at, node, at + "Abstaining: 35".length);
      });
      await page.getByRole("button", { name: "New claim from this passage" }).click();
      await page.getByRole("form", { name: "New claim from this passage" }).waitFor();
      await shot("source-new-claim");
      await page.goto(`${base}/claims`);
      await page.getByRole("link", { name: /one of five countries to vote against/ }).click();
      await page.getByRole("button", { name: "Add citation" }).click();
      await page.getByRole("form", { name: "New citation" }).waitFor();
      await shot("claim-citation-form");
      // A near-duplicate origin, then a quote not in the text word for word: the closest passage, marked.
      const cite = page.getByRole("form", { name: "New citation" });
      const origin = cite.getByRole("group", { name: "Link 1 (origin)", exact: true });
      await cite.getByRole("combobox", { name: "Source" }).fill("ES-11/1");
      await cite.getByRole("option", { name: /Recorded vote on UN General Assembly resolution ES-11\/1/ }).click();
      await cite.getByLabel("Quote: the exact words in the source").fill("Against: 5 (Belarus, Democratic Peoples Republic of Korea");
      await origin.getByLabel("Name").fill("United Nations General Assembly (UNGA)");
      await origin.getByText(/^Already recorded: United Nations General Assembly/).waitFor();
      await shot("claim-citation-near-duplicate");
      await origin.getByRole("button", { name: "Use “United Nations General Assembly”" }).click();
      await cite.getByRole("button", { name: "Remove link 2" }).click();
      await cite.getByRole("button", { name: "Add citation" }).click();
      await cite.getByRole("region", { name: "Closest passage in the source" }).waitFor();
      await shot("claim-citation-closest");
      // An open statement-date question: the checklist asks for an acknowledgement, it does not block.
      await page.goto(`${base}/claims?q=${encodeURIComponent("receives nothing in return")}`);
      await page.getByRole("link", { name: /receives nothing in return/ }).first().click();
      await page.getByRole("heading", { name: "Status history" }).waitFor();
      await shot("claim-question");
      await page.goto(`${base}/no-such-page`);
      await page.getByRole("heading", { name: "Nothing here", level: 1 }).waitFor();
      await shot("404");
      if (width < 768) {
        await page.goto(`${base}/claims`);
        await page.getByRole("button", { name: "Menu" }).click();
        await page.getByRole("navigation", { name: "Sections" }).waitFor();
        await page.screenshot({ path: path.join(out, `menu-${width}-${colorScheme}.png`) });
      }
      // The reviewer's dashboard leads with their queue.
      await context.clearCookies();
      await signIn(page, "reviewer");
      await shot("dashboard-reviewer");
      // The admin's pages: accounts (with an invitation made) and the sign-in record.
      await context.clearCookies();
      await signIn(page, "admin");
      await page.goto(`${base}/admin/users`);
      await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
      await shot("admin-users");
      await page.goto(`${base}/admin/security`);
      await page.getByRole("heading", { name: "Sign-in record", level: 1 }).waitFor();
      await shot("admin-security");
      await context.close();
    }
  }
  if (readme) await readmeShots();
} finally {
  await browser.close();
}
/** Signs in as a demo account (its password from SEED_<ROLE>_PASSWORD when set) and waits for the dashboard. */
async function signIn(page: Page, who: "admin" | "editor" | "reviewer") {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(`${who}@factdesk.test`);
  await page.getByLabel("Password").fill(process.env[`SEED_${who.toUpperCase()}_PASSWORD`] || `${who}-demo-password`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
}

console.log(`Screenshots in ${path.relative(process.cwd(), out)}/${readme ? " and docs/screenshots/" : ""}`);

/** The README's images: the main pages at 1440 px in light, and the claims list on a phone in dark. */
async function readmeShots() {
  const docs = path.resolve(import.meta.dirname, "../docs/screenshots");
  mkdirSync(docs, { recursive: true });
  // The desktop shots are drawn at half scale (a 720 px-wide image of the 1440 px layout) to keep the repository small.
  for (const [colorScheme, width, names] of [
    ["light", 1440, ["dashboard", "claims", "claim", "source", "metric", "conflicts", "conflict"]],
    ["dark", 390, ["claims"]],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: width > 1000 ? 0.5 : 1 });
    const page = await context.newPage();
    await signIn(page, "editor");
    const at: Record<string, string> = {
      dashboard: "/",
      claims: "/claims",
      claim: `/claims/${seedId("claim", "ru-deaths-range")}`,
      source: `/sources/${seedId("source", "un-es11-1-vote")}`,
      metric: `/metrics/${seedId("metric", "ru-deaths")}`,
      conflicts: "/conflicts",
      conflict: "/conflicts?kind=RATE_TOTAL",
    };
    for (const name of names) {
      await page.goto(`${base}${at[name]}`);
      // A conflict's id is not fixed: open the seeds' rate-versus-total conflict from the list.
      if (name === "conflict") {
        await page.getByRole("link", { name: /^Russian military deaths in Ukraine since 24 Feb 2022: / }).first().click();
        await page.getByRole("heading", { name: "The arithmetic" }).waitFor();
      }
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.screenshot({ path: path.join(docs, `${name}-${width}-${colorScheme}.png`), fullPage: name !== "claim" && name !== "source" });
    }
    await context.close();
  }
}
