import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./helpers";

const run = Date.now().toString(36);
const title = `Evening news transcript ${run}`;
const statement = `The minister said 3,000 volunteers had arrived (${run}).`;
// A no-break space and line breaks: offsets must count them exactly as the stored string does.
const text = `Host: Good evening.\nThe minister said that 3\u00a0000 volunteers had arrived on Monday, according to the ministry.\nHost: Thank you, minister.`;
const cited = "3\u00a0000 volunteers had arrived";
const noted = "arrived on Monday";
const shared = { sourceUrl: "", claimUrl: "" };

/** Drags the mouse across `words` in the source's highlighted text, as an editor would. */
async function selectWithMouse(page: Page, words: string) {
  const box = await page.locator("[data-source-text]").evaluate((el, words) => {
    const node = [...el.querySelectorAll("[data-start]")].find((s) => s.textContent?.includes(words))!.firstChild!;
    const at = node.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const rects = [...range.getClientRects()];
    const first = rects[0]!;
    const last = rects.at(-1)!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, words);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

test.describe.serial("sources, citations and notes", () => {
  test("an editor records a source with its text, selects a passage and cites it on a claim with a two-link chain", async ({ page }) => {
    await signIn(page, accounts.editor);
    await page.goto("/claims/new");
    const claimForm = page.getByRole("form", { name: "New claim" });
    await claimForm.getByLabel("Claim").fill(statement);
    await claimForm.getByLabel("Kind").selectOption({ label: "Event" });
    await claimForm.getByRole("button", { name: "Save claim" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
    shared.claimUrl = page.url();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
    await page.getByRole("link", { name: "New source" }).click();
    const form = page.getByRole("form", { name: "New source" });
    await form.getByRole("button", { name: "Save source" }).click();
    await expect(form.getByText("Give the source its title (at least 3 characters).")).toBeVisible();
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Outlet or publisher").fill("Channel One");
    await form.getByLabel("Kind").selectOption({ label: "State media broadcast" });
    await form.getByLabel("Web address (optional)").fill("ftp://example.org/transcript");
    await form.getByLabel("Date (if known)").fill("18 Julyy 2022");
    await form.getByLabel("Full text (optional)").fill(text);
    await form.getByRole("button", { name: "Save source" }).click();
    await expect(form.getByText("Enter a web address starting with http:// or https://.")).toBeVisible();
    await expect(form.getByText("Write a date such as “4 March 2025”, “March 2025” or “2025”.")).toBeVisible();
    await form.getByLabel("Web address (optional)").fill("https://example.org/transcript");
    await form.getByLabel("Date (if known)").fill("18/7/2022");
    await form.getByRole("button", { name: "Save source" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    shared.sourceUrl = page.url();

    await selectWithMouse(page, cited);
    const selected = page.getByRole("region", { name: "Selected passage" });
    await expect(selected).toContainText(cited);
    await selected.getByRole("button", { name: "Cite this passage" }).click();

    const cite = page.getByRole("form", { name: "New citation" });
    await expect(cite.getByText(cited, { exact: true })).toBeVisible();
    await cite.getByRole("combobox", { name: "Claim" }).fill(run);
    await cite.getByRole("option", { name: new RegExp(run) }).click();
    await cite.getByRole("button", { name: "Add citation" }).click();
    await expect(cite.getByText("Name who said it or passed it on.").first()).toBeVisible();

    const origin = cite.getByRole("group", { name: "Link 1 (origin)" });
    await origin.getByLabel("Name").fill(`Minister ${run}`);
    await origin.getByLabel("Kind").selectOption({ label: "Person" });
    await origin.getByLabel("How they passed it on (optional)").fill("said in a briefing");
    const reporter = cite.getByRole("group", { name: "Link 2 (nearest reporter)" });
    await reporter.getByLabel("Name").fill("channel  one");
    await reporter.getByLabel("Kind").selectOption({ label: "Broadcaster" });
    await reporter.getByLabel("How they passed it on (optional)").fill("broadcast");
    await cite.getByRole("button", { name: "Add citation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Cited on “${statement}”.` })).toBeVisible();

    const mark = page.locator("[data-source-text] mark", { hasText: "volunteers had arrived" });
    await expect(mark).toHaveText(cited);
    await expect(page.locator("[data-source-text]").getByRole("link", { name: /^C1,/ })).toBeVisible();
    const citing = page.getByRole("region", { name: /Claims citing this source/ });
    await citing.getByRole("link", { name: statement }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
    const citations = page.getByRole("region", { name: /Citations/ });
    await expect(citations.locator("blockquote")).toHaveText(`“${cited}”`);
    await expect(citations.getByRole("list", { name: "Attribution chain, origin first" }).getByRole("listitem")).toHaveText([
      `Minister ${run} (said in a briefing) (origin)`,
      "→Channel One (broadcast)",
    ]);
    await expect(citations.getByRole("link", { name: "Show in the source’s text" })).toBeVisible();
  });

  test("an editor selects a passage with the keyboard, annotates it, and sees the note in place and on the claim", async ({ page }) => {
    await signIn(page, accounts.editor);
    await page.goto(shared.sourceUrl);
    await page.getByRole("button", { name: "Select with the keyboard" }).click();
    const plain = page.getByLabel("Source text (read-only): move with the arrow keys, hold Shift to select a passage");
    await plain.focus();
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < text.indexOf(noted); i++) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < noted.length; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("typing changes nothing");
    await expect(plain).toHaveValue(text);
    const selected = page.getByRole("region", { name: "Selected passage" });
    await expect(selected).toContainText(noted);
    await selected.getByRole("button", { name: "Annotate this passage" }).click();
    const noteForm = page.getByRole("form", { name: "Save note" });
    await noteForm.getByRole("button", { name: "Save note" }).click();
    await expect(noteForm.getByText("Write the note.")).toBeVisible();
    await noteForm.getByRole("textbox", { name: "Note", exact: true }).fill(`Which Monday? The broadcast is dated 18 July (${run}).`);
    await noteForm.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note added." })).toBeVisible();

    await page.getByRole("button", { name: "Back to the highlighted text" }).click();
    const marks = page.locator("[data-source-text] mark");
    await expect(marks).toHaveText(["3\u00a0000 volunteers had ", "arrived", " on Monday"]);
    const marker = page.locator("[data-source-text]").getByRole("link", { name: /^N1,/ });
    await marker.click();
    await expect(page.locator(":target")).toContainText(`Which Monday? The broadcast is dated 18 July (${run}).`);

    await page.goto(shared.claimUrl);
    const notes = page.getByRole("region", { name: /Notes/ });
    await expect(notes).toContainText(`Which Monday? The broadcast is dated 18 July (${run}).`);
    await expect(notes.getByRole("link", { name: `“${noted}”` })).toBeVisible();
    await notes.getByText("Add a note", { exact: true }).click();
    await notes.getByRole("textbox", { name: "Note", exact: true }).fill(`A note on the claim itself (${run}).`);
    await notes.getByRole("button", { name: "Add note" }).click();
    await expect(notes.getByText(`A note on the claim itself (${run}).`)).toBeVisible();
  });

  test("an editor cites from the claim page by searching a source, reorders the chain, edits and deletes the citation", async ({ page }) => {
    await signIn(page, accounts.editor);
    await page.goto(shared.claimUrl);
    const citations = page.getByRole("region", { name: /Citations/ });
    await citations.getByRole("button", { name: "Add citation" }).click();
    const cite = citations.getByRole("form", { name: "New citation" });
    await cite.getByRole("combobox", { name: "Source" }).fill(run);
    await cite.getByRole("option", { name: new RegExp(title) }).click();
    await cite.getByLabel("Quote: the exact words in the source").fill("Thank you, minister");
    await cite.getByLabel("Stance").selectOption({ label: "Mentions the claim" });
    await cite.getByRole("group", { name: "Link 1 (origin)" }).getByLabel("Name").fill("Channel One");
    await cite.getByRole("group", { name: "Link 1 (origin)" }).getByLabel("Kind").selectOption({ label: "Broadcaster" });
    await cite.getByRole("group", { name: "Link 2 (nearest reporter)" }).getByLabel("Name").fill(`Host ${run}`);
    await cite.getByRole("group", { name: "Link 2 (nearest reporter)" }).getByLabel("Kind").selectOption({ label: "Person" });
    await cite.getByRole("button", { name: "Move link 2 up" }).click();
    await expect(cite.getByRole("group", { name: "Link 1 (origin)" }).getByLabel("Name")).toHaveValue(`Host ${run}`);
    await cite.getByRole("button", { name: "Add citation" }).click();
    await expect(citations.getByRole("status").filter({ hasText: "Citation added." })).toBeVisible();
    await expect(citations.getByRole("heading", { name: "Citations (2)" })).toBeVisible();
    const second = citations.getByRole("listitem").filter({ hasText: "Thank you, minister" }).first();
    await expect(second.getByRole("list", { name: "Attribution chain, origin first" }).getByRole("listitem")).toHaveText([`Host ${run} (origin)`, "→Channel One"]);

    await citations.getByRole("button", { name: `Edit citation 2 (${title})` }).click();
    const edit = citations.getByRole("form", { name: "Edit citation" });
    await edit.getByLabel("Quote: the exact words in the source").fill("Thank you, ministers");
    await edit.getByRole("button", { name: "Save citation" }).click();
    await expect(edit.getByRole("alert")).toContainText("These exact words are not in the source’s stored text");
    await edit.getByLabel("Quote: the exact words in the source").fill("Host: Thank you");
    await edit.getByLabel("Stance").selectOption({ label: "Contradicts the claim" });
    await edit.getByRole("button", { name: "Save citation" }).click();
    await expect(citations.getByText("Citation saved.")).toBeVisible();
    await expect(citations.locator("blockquote").nth(1)).toHaveText("“Host: Thank you”");
    await expect(citations.getByText("Contradicts", { exact: true })).toBeVisible();

    await citations.getByRole("button", { name: `Delete citation 2 (${title})` }).click();
    await citations.getByRole("group", { name: `Delete citation 2 (${title})?` }).getByRole("button", { name: "Delete" }).click();
    await expect(citations.getByRole("heading", { name: "Citations (1)" })).toBeVisible();
  });

  test("an editor changes the text: the cited passage moves with it, and a note whose words are gone is reported", async ({ page }) => {
    await signIn(page, accounts.editor);
    await page.goto(shared.sourceUrl);
    await page.getByRole("link", { name: "Edit source" }).click();
    const form = page.getByRole("form", { name: "Edit source" });
    await form.getByLabel("Full text (optional)").fill(`Breaking news.\n${text.replace("on Monday", "on Tuesday")}`);
    await form.getByRole("button", { name: "Save source" }).click();
    const saved = form.getByRole("status").filter({ hasText: "Source saved." });
    await expect(saved).toContainText("1 quoted passage(s) moved with the new text and are still highlighted.");
    await expect(saved).toContainText(`No longer in the text, highlight removed (note): “${noted}”`);
    await saved.getByRole("link", { name: "View the source" }).click();
    await expect(page.locator("[data-source-text] mark")).toHaveText([cited]);
    await expect(page.getByRole("complementary", { name: "Notes on passages" })).toContainText(`“${noted}” (no longer found in the text)`);
  });

  test("a reviewer reads sources, highlights and citations but is offered no form", async ({ page }) => {
    await signIn(page, accounts.reviewer);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
    await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "New source" })).toHaveCount(0);
    await page.getByLabel("Search sources by title or outlet").fill(run);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${run}`));
    await page.getByRole("link", { name: title }).click();
    await expect(page.locator("[data-source-text] mark").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit source" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Select with the keyboard" })).toHaveCount(0);
    await selectWithMouse(page, "Good evening");
    await expect(page.getByRole("region", { name: "Selected passage" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Cite this passage" })).toHaveCount(0);

    await page.goto(shared.claimUrl);
    await expect(page.getByRole("region", { name: /Citations/ }).locator("blockquote")).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Add citation" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit citation/ })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Add note" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Notes/ })).toContainText(`A note on the claim itself (${run}).`);
  });
});

test("an attributed statement asks for its speaker and finds the actor however the name is typed", async ({ page }) => {
  await signIn(page, accounts.editor);
  await page.goto("/claims/new");
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Claim").fill(`Alexander Matsegora said North Korean builders would arrive by autumn (${run}).`);
  await expect(form.getByLabel("Speaker")).toHaveCount(0);
  await form.getByLabel("Kind").selectOption({ label: "Attributed statement" });
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByText("Name who made the statement.")).toBeVisible();
  await form.getByLabel("Speaker").fill("alexander   matsegora");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(run);
  await expect(page.getByText("Alexander Matsegora, Russian ambassador to North Korea")).toBeVisible();
  await page.getByRole("link", { name: "Edit claim" }).click();
  await expect(page.getByRole("form", { name: "Edit claim" }).getByLabel("Speaker")).toHaveValue("Alexander Matsegora");
});
