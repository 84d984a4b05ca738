import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

// The app's links (components/ui/link.tsx) fetch another page ahead only once the reader shows
// intent. next/link's default asked the server for every visible link's page: about 32 requests
// a view of the seeded claims list, two to three times the server CPU of the page itself.
test("a page asks the server for another page only once a link is hovered or focused", async ({ page }) => {
  await signIn(page, accounts.editor);
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto("/claims");
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
  const rows = page.getByRole("table").getByRole("link");
  expect(await rows.count()).toBeGreaterThan(5);
  await rows.last().scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");

  const claim = rows.nth(2);
  const claimPath = (await claim.getAttribute("href"))!;
  await claim.hover();
  // The hovered claim is fetched ahead: the router is running, so anything it fetched on its own is in by now.
  await expect.poll(() => prefetched).toContain(claimPath);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).focus();
  await expect.poll(() => prefetched).toContain("/sources");
  expect([...new Set(prefetched)].sort()).toEqual([claimPath, "/sources"].sort());

  await claim.click();
  await expect(page).toHaveURL(claimPath);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Claims");
});
