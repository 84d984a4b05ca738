import { seedId } from "../../seeds/load";
import { expect, type Page } from "@playwright/test";
import type { accounts } from "./helpers";

// Every page of the app, for the page-wide checks (axe scan, no sideways scroll). A new page is
// one line here; `roles` limits it to the roles that may open it.
const claim = seedId("claim", "ru-deaths-range");
const source = seedId("source", "un-es11-1-vote");
const metric = seedId("metric", "ru-deaths");
const event = seedId("event", "nk-recognises");

/** A page reached by address, then (for pages whose ids are not fixed, like a conflict's) by following the first link named `follow`. */
export const PAGES: { name: string; path: string; follow?: RegExp; then?: RegExp; roles?: (keyof typeof accounts)[] }[] = [
  { name: "dashboard", path: "/" },
  { name: "claims list", path: "/claims" },
  { name: "claims list, filtered to nothing", path: "/claims?q=zzzzzz-no-such-claim" },
  { name: "claim", path: `/claims/${claim}` },
  { name: "new claim", path: "/claims/new", roles: ["admin", "editor"] },
  { name: "claim edit", path: `/claims/${claim}/edit`, roles: ["admin", "editor"] },
  { name: "sources", path: "/sources" },
  { name: "source", path: `/sources/${source}` },
  { name: "new source", path: "/sources/new", roles: ["admin", "editor"] },
  { name: "source edit", path: `/sources/${source}/edit`, roles: ["admin", "editor"] },
  { name: "metrics", path: "/metrics" },
  { name: "metric", path: `/metrics/${metric}` },
  { name: "metric edit", path: `/metrics/${metric}/edit`, roles: ["admin", "editor"] },
  { name: "new metric", path: "/metrics/new", roles: ["admin", "editor"] },
  { name: "events", path: "/events" },
  { name: "event", path: `/events/${event}` },
  { name: "event edit", path: `/events/${event}/edit`, roles: ["admin", "editor"] },
  { name: "new event", path: "/events/new", roles: ["admin", "editor"] },
  { name: "conflicts", path: "/conflicts" },
  { name: "conflicts, dismissed (empty)", path: "/conflicts?status=DISMISSED&kind=DATE" },
  { name: "conflict: rate against total", path: "/conflicts?kind=RATE_TOTAL", follow: /^Russian military deaths in Ukraine since 24 Feb 2022: / },
  { name: "conflict: statement date", path: "/conflicts?kind=STATEMENT_DATE", follow: /^When was it said\? / },
  { name: "fact sheets", path: "/fact-sheets" },
  { name: "new fact sheet", path: "/fact-sheets/new", roles: ["admin", "editor"] },
  { name: "fact sheet (seeded, published)", path: "/fact-sheets", follow: /^North Korea and the war in Ukraine: the figures$/ },
  { name: "fact sheet version 1", path: "/fact-sheets", follow: /^North Korea and the war in Ukraine: the figures$/, then: /^Read version 1$/ },
  { name: "fact sheet edit", path: "/fact-sheets", follow: /^North Korea and the war in Ukraine: the figures$/, then: /^Edit title and summary$/, roles: ["admin", "editor"] },
  { name: "publish a fact sheet", path: "/fact-sheets", follow: /^North Korea and the war in Ukraine: the figures$/, then: /^Review the changes and publish version 2$/, roles: ["admin", "editor"] },
  { name: "conflicts, tensions only", path: "/conflicts?severity=TENSION" },
  { name: "actors (admin)", path: "/actors", roles: ["admin"] },
  { name: "API tokens", path: "/admin/api-tokens", roles: ["admin"] },
  { name: "your account", path: "/account" },
  { name: "accounts", path: "/admin/users", roles: ["admin"] },
  { name: "sign-in record", path: "/admin/security", roles: ["admin"] },
  // Public (proxy.ts lets it through signed in or not); a real invitation's form is checked signed out in every-page.spec.ts.
  { name: "account link, unknown token", path: `/account-link/${"x".repeat(43)}` },
  { name: "404", path: "/no-such-page" },
  { name: "404 claim", path: "/claims/00000000-0000-4000-8000-000000000000" },
];

/** Opens a page of the list: its address, then its link when it has one to follow. */
export async function openPage(page: Page, p: (typeof PAGES)[number]) {
  await page.goto(p.path);
  if (p.follow) {
    const from = new URL(page.url()).pathname;
    await page.getByRole("link", { name: p.follow }).first().click();
    await page.waitForURL((url) => url.pathname !== from);
  }
  if (p.follow && p.then) {
    const next = new URL(page.url()).pathname;
    await page.getByRole("link", { name: p.then }).first().click();
    await page.waitForURL((url) => url.pathname !== next);
  }
  // Next.js streams a page's <title> after its content: a page is read once its title is in.
  await expect(page).toHaveTitle(/\S/);
}

export const pagesFor = (role: keyof typeof accounts) => PAGES.filter((p) => !p.roles || p.roles.includes(role));

/** Collects every CSP violation the page reports, from the DOM event and the console; each read returns those since the last. */
export async function watchCsp(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return async () => [...violations.splice(0), ...((await page.evaluate(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).splice(0))) as string[])];
}

