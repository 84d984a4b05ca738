import { expect, test } from "@playwright/test";
import { accounts, signInToClaims } from "./helpers";

const openClaim = async (page: import("@playwright/test").Page, statement: string) => {
  await page.getByRole("link", { name: statement }).click();
  await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
};

test("an editor moves a claim to review; verifying on one origin is refused with the rule and the input kept", async ({ page }) => {
  await signInToClaims(page, accounts.editor);
  await openClaim(page, "Alexander Matsegora said Russia intends to fight the global sanctions on North Korea.");
  await expect(page.getByTestId("verification-readiness")).toContainText("two independent origins (this claim has 1)");

  const form = page.getByRole("form", { name: "Change status" });
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByText("Choose a status.")).toBeVisible();
  await expect(form.getByText("Say why, in a few words.")).toBeVisible();

  await form.getByLabel("Move to").selectOption({ label: "In review" });
  await form.getByLabel("Reason").fill("Both articles quote the interview");
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("status")).toHaveText("Moved to In review.");
  await expect(page.getByText("Unverified → In review")).toBeVisible();
  await expect(page.getByText(/Eddie Editor, .*: Both articles quote the interview/)).toBeVisible();

  await form.getByLabel("Move to").selectOption({ label: "Verified" });
  await form.getByLabel("Reason").fill("Two articles say so");
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(form.getByRole("alert")).toContainText("two independent origins (this claim has 1)");
  await expect(form.getByLabel("Reason")).toHaveValue("Two articles say so");
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("In review")).toBeVisible();
});

test("a stale status change is refused without losing the editor's input", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInToClaims(first, accounts.editor);
  await openClaim(first, "Igor Korotchenko said Russia has invited North Korean builders to repair occupied Donbas.");
  const second = await context.newPage();
  await second.goto(first.url());

  const formA = first.getByRole("form", { name: "Change status" });
  await formA.getByLabel("Move to").selectOption({ label: "In review" });
  await formA.getByLabel("Reason").fill("Ready for review");
  await formA.getByRole("button", { name: "Change status" }).click();
  await expect(formA.getByRole("status")).toHaveText("Moved to In review.");

  const formB = second.getByRole("form", { name: "Change status" });
  await formB.getByLabel("Move to").selectOption({ label: "In review" });
  await formB.getByLabel("Reason").fill("My own reason, typed on an old copy");
  await formB.getByRole("button", { name: "Change status" }).click();
  await expect(formB.getByRole("alert")).toContainText("Someone else changed this claim after you opened it. Nothing was overwritten");
  await expect(formB.getByLabel("Reason")).toHaveValue("My own reason, typed on an old copy");

  await second.reload();
  await expect(second.getByText("Unverified → In review")).toHaveCount(1);
  await context.close();
});

test("reviewers see the workflow but no status control", async ({ page }) => {
  await signInToClaims(page, accounts.reviewer);
  await openClaim(page, "North Korea was one of five countries to vote against the UN resolution condemning Russia’s invasion of Ukraine.");
  await expect(page.getByText("Reviewers comment and approve; editors change a claim’s status.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Change status" })).toHaveCount(0);
});
