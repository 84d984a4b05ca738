import { expect, test, type Locator, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

/** Selects `words` in the source's highlighted text, as a mouse drag would (one step). */
async function selectPassage(page: Page, words: string) {
  await page.locator("[data-source-text]").evaluate((el, words) => {
    const node = [...el.querySelectorAll("[data-start]")].find((s) => s.textContent?.includes(words))!.firstChild!;
    const at = node.textContent!.indexOf(words);
    document.getSelection()!.setBaseAndExtent(node, at, node, at + words.length);
  }, words);
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText(words.slice(0, 40));
}

// Journeys that count the reader's steps: every click, choice, selection and key press goes
// through `steps` (and the characters typed are counted too).
function stepCounter(page: Page) {
  let count = 0;
  let typed = 0;
  return {
    get count() {
      return count;
    },
    get typed() {
      return typed;
    },
    click: async (target: Locator) => {
      count++;
      await target.click();
    },
    choose: async (target: Locator, label: string) => {
      count++;
      await target.selectOption({ label });
    },
    fill: async (target: Locator, text: string) => {
      count++;
      typed += text.length;
      await target.fill(text);
    },
    press: async (key: string) => {
      count++;
      await page.keyboard.press(key);
    },
    /** Drags the mouse across `words` in the source's highlighted text: one step. */
    select: async (words: string) => {
      count++;
      await selectPassage(page, words);
    },
  };
}

const run = Date.now().toString(36);
const figureStatement = "Shelling has killed 1,240 civilians in the region since March";

test("a reviewer's queue empties as they review: each claim reviewed leaves it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.reviewer);
  const steps = stepCounter(page);
  const queue = page.getByRole("region", { name: /^Waiting for review/ });
  // The reviewer's dashboard leads with their queue.
  await expect(page.getByRole("main").getByRole("region").first()).toHaveAccessibleName(/^Waiting for review/);
  const countOf = async () => Number((await queue.getByRole("heading").textContent())?.match(/(\d+)\s*$/)?.[1] ?? NaN);
  let left = await countOf();
  expect(left).toBeGreaterThan(0);
  let reviewed = 0;
  while (left > 0 && reviewed < 30) {
    const first = queue.getByRole("listitem").first().getByRole("link");
    const statement = (await first.textContent())!;
    await steps.click(first);
    await expect(page.getByRole("heading", { level: 1, name: statement })).toBeVisible();
    const review = page.getByRole("form", { name: "Review claim" });
    // Every other claim is sent back, so both decisions leave the queue.
    if (reviewed % 2 === 1) {
      await steps.fill(review.getByLabel("Review note (required to send back)"), "Name the origin of this figure, please.");
      await steps.click(review.getByRole("button", { name: "Send back" }));
    } else {
      await steps.click(review.getByRole("button", { name: "Approve" }));
    }
    await expect(review.getByRole("status")).toHaveText("Review recorded.");
    await steps.click(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }));
    await expect(queue.getByRole("link", { name: statement, exact: true })).toHaveCount(0);
    const now = await countOf();
    expect(now).toBe(left - 1);
    left = now;
    reviewed++;
  }
  await expect(queue.getByText("Your queue is empty: every claim in review has been reviewed as it stands.")).toBeVisible();
  // Three steps a claim: open it, decide (a send-back's note is one more), back to the queue.
  expect(steps.count).toBeLessThanOrEqual(reviewed * 3 + Math.floor(reviewed / 2));
  // The claims list's view of the queue is empty too, and the decisions are in the activity.
  await page.goto("/claims?review=waiting");
  await expect(page.getByText("No claim matches this view.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Recent activity" }).getByText("Rita Reviewer approved").first()).toBeVisible();
});

test("the claim form focuses its first field, keeps unsaved input over a reload, and asks before leaving it", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/claims/new");
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByLabel("Claim")).toBeFocused();
  await form.getByLabel("Claim").fill(`A draft that must survive a reload (${run}).`);
  await form.getByLabel("As of", { exact: true }).fill("March 2025");
  // The reload's "leave site?" is answered yes; the input comes back.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(form.getByText("Your unsaved changes were restored.")).toBeVisible();
  await expect(form.getByLabel("Claim")).toHaveValue(`A draft that must survive a reload (${run}).`);
  await expect(form.getByLabel("As of", { exact: true })).toHaveValue("March 2025");
  // Following a link asks first; saying no stays on the form.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect.poll(() => asked).toContain("not saved");
  await expect(page).toHaveURL(/\/claims\/new$/);
  await form.getByRole("button", { name: "Discard them" }).click();
  await expect(form.getByLabel("Claim")).toHaveValue("");
});
