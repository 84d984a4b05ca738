import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

// Reading pages come from the page cache (lib/server/page-cache.ts) while nothing they show has
// changed. What must hold: a kept page works like a rendered one (its scripts carry this response's
// nonce), anyone's write shows on the next load, it is never another user's page, and a session
// that ended gets no page from it.
const CLAIM = "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war.";

async function load(page: Page, path: string) {
  const response = (await page.goto(path))!;
  expect(response.status()).toBe(200);
  const headers = response.headers();
  return { cache: headers["x-factdesk-cache"], csp: headers["content-security-policy"] ?? "", encoding: headers["content-encoding"] };
}

/** Loads the page until it comes from the cache: other tests' writes, running beside this one, renew the data version. */
async function loadKept(page: Page, path: string) {
  let kept = await load(page, path);
  await expect.poll(async () => (kept = await load(page, path)).cache).toBe("hit");
  return kept;
}

async function claimPath(page: Page) {
  await page.goto(`/claims?q=${encodeURIComponent("15,000 to 25,000")}`);
  return (await page.getByRole("link", { name: CLAIM }).getAttribute("href"))!;
}

test("a kept page is served gzip-encoded with this response's nonce and works as a rendered one", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signIn(page, accounts.editor);
  const again = await loadKept(page, "/claims");
  // Chromium takes gzip, so this answer, the page's first from memory, was put together from its
  // pieces compressed for it (lib/page-cache.ts, lib/encoded-answers.ts): what is checked below ran
  // in the page the browser unpacked.
  expect(again.encoding).toBe("gzip");
  const nonce = /'nonce-([^']+)'/.exec(again.csp)![1]!;
  // The page's own scripts carry this response's nonce (the ones they load later need none: 'strict-dynamic').
  const scriptNonces = await page.locator("script").evaluateAll((s) => [...new Set(s.map((e) => (e as HTMLScriptElement).nonce).filter(Boolean))]);
  expect(scriptNonces).toEqual([nonce]);
  const third = await load(page, "/claims");
  expect(/'nonce-([^']+)'/.exec(third.csp)![1]).not.toBe(nonce);
  // A client that takes no gzip gets the kept page plain, with its own nonce (polled: other tests' writes renew the version).
  const plainLoad = () => page.request.get("/claims", { headers: { accept: "text/html", "accept-encoding": "identity" } });
  let plain = await plainLoad();
  await expect.poll(async () => (plain = await plainLoad()).headers()["x-factdesk-cache"]).toBe("hit");
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  const plainNonce = /'nonce-([^']+)'/.exec(plain.headers()["content-security-policy"] ?? "")![1]!;
  expect(await plain.text()).toContain(`nonce="${plainNonce}"`);

  // Hydrated: the client router takes a click, and the filter form works.
  await page.getByRole("link", { name: CLAIM }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/15,000 to 25,000/);
  expect(errors.filter((e) => /Content Security Policy|hydrat/i.test(e))).toEqual([]);
});

test("another editor's write shows on the next load of a kept page", async ({ page, browser }) => {
  await signIn(page, accounts.editor);
  const path = await claimPath(page);
  await loadKept(page, path);

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  await reviewer.goto(path);
  const words = `Kept pages must show this, ${Date.now()}.`;
  const discussion = reviewer.getByRole("region", { name: /Discussion/ });
  await discussion.getByText("Add a comment", { exact: true }).click();
  await discussion.getByLabel("New comment").fill(words);
  await discussion.getByRole("button", { name: "Comment" }).click();
  await expect(discussion.getByText(words)).toBeVisible();

  await load(page, path);
  await expect(page.getByRole("region", { name: /Discussion/ }).getByText(words)).toBeVisible();
  await reviewer.context().close();
});

test("a kept page is never another user's", async ({ page, browser }) => {
  await signIn(page, accounts.editor);
  await loadKept(page, "/");
  await expect(page.getByRole("banner").getByText(accounts.editor.name)).toBeVisible();

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  await load(reviewer, "/");
  await expect(reviewer.getByRole("banner").getByText(accounts.reviewer.name)).toBeVisible();
  await expect(reviewer.getByRole("banner").getByText(accounts.editor.name)).toHaveCount(0);
  await reviewer.context().close();
});

test("a session that ended gets the login page, not a kept page", async ({ page, browser }) => {
  await signIn(page, accounts.editor);
  await loadKept(page, "/claims");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The signed-out session's cookie, replayed: the page is still kept for the editor's next session.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stale = await replay.newPage();
  await stale.goto("/claims");
  await expect(stale).toHaveURL(/\/login/);
  await expect(stale.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await replay.close();
});

test("a kept API answer comes gzip-encoded, 304 to a poller holding it, shows a write in the next answer, and ends with the session", async ({ page, browser }) => {
  await signIn(page, accounts.editor);
  const marker = `keptanswer${Date.now()}`;
  const path = `/api/claims?q=${marker}`;
  const ask = (headers: Record<string, string> = {}) => page.request.get(path, { headers });
  let kept = await ask();
  await expect.poll(async () => (kept = await ask()).headers()["x-factdesk-cache"]).toBe("hit");
  expect(kept.headers()["content-encoding"]).toBe("gzip");
  expect(kept.headers()["content-type"]).toMatch(/^application\/json/);
  expect(kept.headers()["content-security-policy"]).toBeTruthy(); // the proxy's security headers, as on any answer
  expect(await kept.json()).toEqual({ items: [], nextCursor: null });
  // A poller sending the answer's tag back gets 304 and no body while nothing changes.
  const etag = kept.headers()["etag"]!;
  expect(kept.headers()["cache-control"]).toBe("private, no-cache");
  const unchanged = await ask({ "if-none-match": etag });
  expect([unchanged.status(), unchanged.headers()["etag"]]).toEqual([304, etag]); // "hit", or "miss" if another test wrote meanwhile
  expect((await unchanged.body()).length).toBe(0);

  const saved = await page.request.post("/api/claims", { data: { statement: `A spokesman said 12 convoys crossed (${marker}).`, kind: "QUANTITY", valueBest: "12", unit: "convoys", asOf: "2023-03-01", asOfPrecision: "DAY" } });
  expect(saved.status()).toBe(201);
  const { value: { id } } = (await saved.json()) as { value: { id: string } };
  const after = await ask({ "if-none-match": etag });
  expect([after.status(), after.headers()["x-factdesk-cache"]]).toEqual([200, "miss"]);
  expect(after.headers()["etag"]).not.toBe(etag);
  expect(((await after.json()) as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([id]);

  // Another user's answer to the same address is their own; a replayed cookie of an ended session gets none.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, accounts.reviewer);
  expect((await reviewer.request.get(path)).headers()["x-factdesk-cache"]).toBe("miss");
  const cookies = await page.context().cookies();
  await expect.poll(async () => (await ask()).headers()["x-factdesk-cache"]).toBe("hit");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await replay.request.get(path)).status()).toBe(401);
  await replay.close();
  await reviewer.context().close();
});
