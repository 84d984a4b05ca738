import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

// Headers (the CSP in a real browser is checked on every page by every-page.spec.ts), sessions that end, throttling and accounts, from outside.

test("every response carries the security headers, with a new nonce each time", async ({ request }) => {
  const [a, b] = [await request.get("/login"), await request.get("/login")];
  const csp = a.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]{24}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toBe(b.headers()["content-security-policy"]);
  for (const r of [a, await request.get("/api/claims"), await request.get("/api/health")]) {
    expect(r.headers()["x-content-type-options"]).toBe("nosniff");
    expect(r.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(r.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers()["strict-transport-security"]).toBeUndefined();
  }
  const behindHttps = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(behindHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  const html = await a.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The static files skip proxy.ts (its matcher): next.config.ts gives them the headers besides the CSP.
  const assets = [/<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/, /<link\b[^>]*\bhref="(\/_next\/static\/[^"]+\.css)"/].map((re) => re.exec(html)?.[1]);
  expect(assets, "the page loads a script and a stylesheet from /_next/static").toEqual([expect.any(String), expect.any(String)]);
  for (const path of assets as string[]) {
    const file = await request.get(path);
    expect(file.status(), path).toBe(200);
    expect(file.headers()["content-security-policy"], `${path} is not answered by the proxy`).toBeUndefined();
    expect(file.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(file.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(file.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("a cookie replayed after signing out signs no one in", async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, accounts.editor);
  const cookies = await first.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const api = await replay.request.get("/api/claims");
  expect(api.status()).toBe(401);
  const again = await replay.newPage();
  await again.goto("/");
  await expect(again).toHaveURL(/\/login/);
  await Promise.all([first.close(), replay.close()]);
});

test("failed sign-ins are throttled with the wait in seconds", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody-throttled@factdesk.test");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#login-error")).toHaveText("Wrong email or password.");
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
});

test("an admin invites someone by link; they join, sign in, and the admin reads the record", async ({ page, browser }) => {
  await signIn(page, accounts.admin);
  // The admin-only sections sit in the header's Admin menu, opened here by keyboard.
  await page.getByRole("navigation", { name: "Main" }).locator("summary", { hasText: "Admin" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill("invited.e2e@factdesk.test");
  await page.getByLabel("Role", { exact: true }).selectOption("REVIEWER");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = page.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/account-link\/[\w-]{43}$/);
  const url = await link.inputValue();

  const other = await browser.newContext();
  const joiner = await other.newPage();
  await joiner.goto(url);
  await expect(joiner.getByRole("heading", { name: "Join Factdesk" })).toBeVisible();
  await joiner.getByLabel("Your name").fill("Ivy Invited");
  await joiner.getByLabel("Password (12 characters or more)").fill("ivy's long password");
  await joiner.getByLabel("Password again").fill("ivy's long password");
  await joiner.getByRole("button", { name: "Create my account" }).click();
  await expect(joiner.getByText("Your account is ready.")).toBeVisible();
  await signIn(joiner, { email: "invited.e2e@factdesk.test", password: "ivy's long password", name: "Ivy Invited", role: "Reviewer" } as never);
  await joiner.goto(url);
  await expect(joiner.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await other.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: /^Ivy Invited invited\.e2e@/ })).toBeVisible();
  await page.getByRole("link", { name: "Sign-in and refusal record" }).click();
  await expect(page.getByRole("heading", { name: "Sign-in record" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "invited.e2e@factdesk.test" }).or(page.getByRole("row").filter({ hasText: "Ivy Invited" })).first()).toBeVisible();
});

test("a form over the 2 MB body limit says so and saves nothing", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/sources/new");
  const form = page.getByRole("form", { name: "New source" });
  const title = `Oversized transcript ${Date.now()}`;
  await form.getByLabel("Title").fill(title);
  // Within the text's 500,000 characters, but 2.2 MB as sent: each control character travels as `\u0001`.
  await form.getByLabel("Full text (optional)").fill(`Start${"\u0001".repeat(360_000)}end`);
  await form.getByRole("button", { name: "Save source" }).click();
  await expect(form.getByText("The request is larger than 2 MB: nothing was saved.")).toBeVisible();
  await expect(page).toHaveURL(/\/sources\/new$/);
  await page.goto(`/sources?q=${encodeURIComponent(title)}`);
  await expect(page.getByText(`No source’s title or outlet contains “${title}”.`)).toBeVisible();
});

test("an address holding a NUL character is refused with 400, signed in or not, never a 500", async ({ page }) => {
  // Searches and filters reach the database, which cannot compare a NUL: this was a 500 on the
  // APIs and an error page on the lists.
  const addresses = ["/claims?q=a%00b", "/claims?tag=%00", "/sources?q=a%00b", "/metrics?q=%00", "/claims/a%00b", "/api/claims?q=a%00b", "/api/metrics?q=a%00b", "/api/users?q=%00"];
  const signedOut = await Promise.all([...addresses, "/p/a%00b", "/api/v1/claims?q=%00", "/login?callbackUrl=%00"].map((a) => page.request.get(a, { maxRedirects: 0 })));
  await signIn(page, accounts.editor);
  const signedIn = await Promise.all(addresses.map((a) => page.request.get(a, { maxRedirects: 0 })));
  for (const r of [...signedOut, ...signedIn]) expect(r.status(), r.url()).toBe(400);
  expect(await signedIn[0]!.text()).toContain("NUL character");
  expect(await signedIn[5]!.json()).toMatchObject({ error: "invalid_request", message: expect.stringContaining("NUL character") });
  // Without the NUL the same search answers.
  expect((await page.request.get("/api/claims?q=ab")).status()).toBe(200);
});
