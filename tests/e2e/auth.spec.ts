import { expect, test } from "@playwright/test";
import { accounts, signInToClaims } from "./helpers";

for (const [key, account] of Object.entries(accounts)) {
  test(`${key} signs in, sees the seeded claims, opens one and signs out`, async ({ page }) => {
    await signInToClaims(page, account);
    await expect(page.getByRole("banner").getByText(`${account.name}`)).toBeVisible();
    await expect(page.getByRole("banner").getByText(`(${account.role})`)).toBeVisible();

    const claim = page.getByRole("link", { name: "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war." });
    await expect(claim).toBeVisible();
    await expect(page.getByRole("row").filter({ has: claim })).toContainText("In review");
    await claim.click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/15,000 to 25,000/);
    await expect(page.getByText("15,000–25,000 soldiers killed, since 24 Feb 2022, as of Aug 2022")).toBeVisible();
    await expect(page.getByText("“Some estimates put the number of Russian soldiers killed as high as 15,000 to 25,000”")).toBeVisible();
    const chain = page.getByRole("list", { name: "Attribution chain, origin first" });
    await expect(chain.getByRole("listitem")).toHaveText([/Unnamed estimates/, /National Review/]);
    await expect(page.getByRole("heading", { name: "Status history" })).toBeVisible();
    await expect(page.getByText("Unverified → In review")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with one generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(accounts.editor.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email").fill("nobody@factdesk.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("the login form shows field errors next to their fields", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a page fetched without a session redirects to the login page and back after signing in", async ({ page }) => {
  await page.goto("/");
  const response = await page.request.get("/", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toMatch(/\/login/);

  await page.goto("/claims/00000000-0000-4000-8000-000000000000");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fclaims%2F/);
  await page.getByLabel("Email").fill(accounts.reviewer.email);
  await page.getByLabel("Password").fill(accounts.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});
