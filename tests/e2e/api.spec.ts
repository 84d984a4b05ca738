import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

test("API routes answer 401 JSON without a session", async ({ request }) => {
  for (const path of ["/api/claims", "/api/users", "/api/conflicts"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
  }
});

test("health is public and reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok" });
});

test("GET /api/claims pages through every seeded claim by keyset", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await page.request.get(`/api/claims?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { id: string; statement: string; sourceCount: number }[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(4);
    seen.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBe(16); // the two seed articles' 15 claims and the UN vote count the published sheet cites

  const bad = await page.request.get("/api/claims?limit=1000&cursor=nonsense");
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.fieldErrors.limit).toEqual(["limit must be at most 100."]);
  expect(body.fieldErrors.cursor[0]).toMatch(/cursor is not valid/);
});

test("GET /api/conflicts pages through the seeded open conflicts, and refuses bad input", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const seen: { kind: string; status: string; claims: { id: string }[] }[] = [];
  let cursor: string | null = null;
  do {
    const res = await page.request.get(`/api/conflicts?status=OPEN&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: (typeof seen)[number][]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(2);
    seen.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  expect(seen.every((c) => c.status === "OPEN")).toBe(true);
  expect(seen.filter((c) => c.kind === "RATE_TOTAL" && c.claims.length === 2).length).toBeGreaterThanOrEqual(1);
  const bad = await page.request.get("/api/conflicts?status=CLOSED&kind=GUESS");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors).toEqual({ status: ["status is OPEN, RESOLVED or DISMISSED."], kind: ["Unknown kind of conflict."] });
});

test("an admin-only route answers 403 JSON to the wrong role and 200 to an admin", async ({ page }) => {
  await signIn(page, accounts.editor);
  const refused = await page.request.get("/api/users");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "forbidden" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, accounts.admin);
  const allowed = await page.request.get("/api/users");
  expect(allowed.status()).toBe(200);
  const users = (await allowed.json()) as { items: { email: string }[] };
  expect(users.items.map((u) => u.email)).toEqual(["admin@factdesk.test", "editor@factdesk.test", "reviewer@factdesk.test"]);
});

test("a request body over the limit is refused with 413 and saves nothing", async ({ page }) => {
  await signIn(page, accounts.editor);
  const marker = `oversized-${Date.now()}`;
  const statement = `${marker} ${"x".repeat(3 * 1024 * 1024)}`;
  const res = await page.request.post("/api/claims", { data: { statement, kind: "FIGURE" } });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ ok: false, error: "too_large", message: "The request is larger than 2 MB: nothing was saved." });
  const found = await page.request.get(`/api/claims?q=${marker}`);
  expect(found.status()).toBe(200);
  expect((await found.json()).items).toEqual([]);
});
