import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./helpers";

const DEATHS = "Russian military deaths in Ukraine since 24 Feb 2022";

test("an editor creates a metric, records a figure on it by keyboard, sees it charted, renames it and merges another into it", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `Russian soldiers killed, per Ukraine's defence ministry ${stamp}`;
  const renamed = `Russian soldiers killed, Ukrainian MoD count ${stamp}`;
  await signIn(page, accounts.editor);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).click();
  await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New metric" }).click();

  const form = page.getByRole("form", { name: "New metric" });
  await form.getByLabel("Name: what is measured, and its scope").fill(DEATHS.toUpperCase());
  await form.getByLabel("Unit").fill("soldiers killed");
  await form.getByRole("button", { name: "Create metric" }).click();
  await expect(form.getByText("A metric with that name exists.").first()).toBeVisible();
  await form.getByLabel("Name: what is measured, and its scope").fill(name);
  await form.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("No figures recorded for this metric yet.")).toBeVisible();

  // Record a claim on it, picking the metric by keyboard.
  await page.goto("/claims/new");
  const claim = page.getByRole("form", { name: "New claim" });
  await claim.getByLabel("Claim").fill(`Ukraine's defence ministry says 41,900 Russian soldiers were killed by mid-August (${stamp}).`);
  const picker = claim.getByRole("combobox", { name: "Metric" });
  await picker.focus();
  await page.keyboard.type(`defence ministry ${stamp}`);
  await expect(claim.getByRole("option", { name: new RegExp(`^${name}`) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveValue(name);
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expect(claim.getByText("Unit: soldiers killed")).toBeVisible();
  await expect(claim.getByLabel("Unit")).toHaveValue("soldiers killed");
  await claim.getByLabel("Low").fill("40,000");
  await claim.getByLabel("High").fill("45,000");
  await claim.getByLabel("Best estimate or single figure").fill("41,900");
  await claim.getByLabel("As of", { exact: true }).fill("15 August 2022");
  await claim.getByLabel("Period from").fill("2022-02-24");
  await claim.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText("Recorded as Unverified")).toBeVisible();

  // The claim links to its metric; the metric page charts and lists the figure.
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const chart = page.getByRole("figure");
  await expect(chart.getByRole("link", { name: /^Figure 1: Ukraine's defence ministry says 41,900/ })).toBeVisible();
  await expect(chart.getByText("Totals: soldiers killed")).toBeVisible();
  // Its card (hidden from assistive technology: the mark's name says the same) while the pointer is on the mark.
  const mark = chart.getByRole("link", { name: /^Figure 1: / });
  await mark.hover();
  await expect(mark.getByText("Source: no source cited yet")).toBeVisible();
  await expect(mark.getByText("40,000–45,000 (best estimate 41,900)", { exact: false })).toBeVisible();
  await page.getByRole("heading", { name, level: 1 }).hover();
  await expect(mark.getByText("Source: no source cited yet")).toHaveCount(0);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: /Ukraine's defence ministry says 41,900/ })).toBeVisible();
  await expect(table.getByText("40,000–45,000 (best estimate 41,900)")).toBeVisible();
  await expect(table.getByText("since 24 Feb 2022, as of 15 Aug 2022")).toBeVisible();
  await expect(page.getByRole("link", { name: "See them in the claims list" })).toHaveAttribute("href", /\/claims\?metric=/);

  // Rename it.
  await page.getByRole("link", { name: "Edit or merge" }).click();
  const edit = page.getByRole("form", { name: "Edit metric" });
  await edit.getByLabel("Name: what is measured, and its scope").fill(renamed);
  await edit.getByRole("button", { name: "Save metric" }).click();
  await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
  const metricUrl = page.url();

  // Another metric, merged into it.
  const duplicate = `MoD count of Russian deaths ${stamp}`;
  await page.goto("/metrics/new");
  await page.getByLabel("Name: what is measured, and its scope").fill(duplicate);
  await page.getByLabel("Unit").fill("soldiers killed");
  await page.getByRole("button", { name: "Create metric" }).click();
  await expect(page.getByRole("heading", { name: duplicate, level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Edit or merge" }).click();
  const merge = page.getByRole("form", { name: "Merge metric" });
  await merge.getByRole("button", { name: "Merge metrics" }).click();
  await expect(merge.getByText("Choose the metric to merge into.")).toBeVisible();
  const target = merge.getByRole("combobox", { name: "Merge into…" });
  await target.focus();
  await page.keyboard.type(`MoD count ${stamp}`);
  await expect(merge.getByRole("option", { name: new RegExp(`^${renamed}`) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await merge.getByLabel("Why they measure the same thing").fill("Both are the Ukrainian defence ministry's running count.");
  await merge.getByRole("button", { name: "Merge metrics" }).click();
  await expect(page).toHaveURL(metricUrl);
  await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
  await page.getByRole("link", { name: duplicate }).click();
  await expect(page.getByRole("note")).toHaveText(`Merged into ${renamed}: its figures are recorded there now.`);
  await expect(page.getByRole("link", { name: "Edit or merge" })).toHaveCount(0);
});

test("the seeded deaths metric charts its range and, on its own axis, its rate", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto("/metrics?q=military+deaths");
  await page.getByRole("link", { name: DEATHS }).click();
  const chart = page.getByRole("figure");
  await expect(chart.getByText("Totals: soldiers killed")).toBeVisible();
  await expect(chart.getByText("Rates: soldiers killed per day")).toBeVisible();
  await expect(chart.getByRole("link", { name: /^Figure \d: Some estimates put Russian soldiers killed .* 15,000–25,000 soldiers killed/ })).toBeVisible();
  await expect(chart.getByRole("link", { name: /^Figure \d: Russian soldiers have been killed in Ukraine at about 100 a day\. 100 soldiers killed per day/ })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("list", { name: "Attribution chain, origin first" }).first()).toContainText("Unnamed estimates");
  // The marks are drawn in the browser from the payload: the server's HTML has the table's text, not a second copy in marks.
  const html = await (await page.request.get(page.url(), { headers: { accept: "text/html" } })).text();
  expect(html).toContain("<table");
  expect(html).not.toContain("data-card=");
});

test("a reviewer reads metrics and events but is offered no way to change them", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto("/metrics");
  await expect(page.getByRole("heading", { name: "Metrics", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New metric" })).toHaveCount(0);
  await page.getByRole("link", { name: DEATHS }).click();
  await expect(page.getByRole("heading", { name: DEATHS, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit or merge" })).toHaveCount(0);
  await page.goto(`${page.url()}/edit`);
  await expect(page.getByText("Reviewers read metrics; editors rename and merge them.")).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);
  await page.goto("/metrics/new");
  await expect(page.getByRole("form")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New event" })).toHaveCount(0);
  await page.getByRole("link", { name: "Russia recognises the Donetsk and Luhansk people’s republics" }).click();
  await expect(page.getByRole("link", { name: "Rename event" })).toHaveCount(0);
  await expect(page.getByRole("table").getByText("21 Feb 2022")).toBeVisible();
  await expect(page.getByText("1 claim about this event, all dated 21 Feb 2022.")).toBeVisible();
});

test("an editor creates an event, records a dated claim on it through the picker, and renames it", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const name = `Belarus recognises the two people’s republics ${stamp}`;
  await signIn(page, accounts.editor);
  await page.goto("/events");
  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Name: what happened").fill(name);
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  await page.goto("/claims/new");
  const claim = page.getByRole("form", { name: "New claim" });
  await claim.getByLabel("Claim").fill(`Belarus recognised the two republics in March 2022 (${stamp}).`);
  await claim.getByLabel("Kind").selectOption({ label: "Date" });
  const picker = claim.getByRole("combobox", { name: "Event" });
  await picker.focus();
  await page.keyboard.type(stamp);
  await expect(claim.getByRole("option", { name })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(picker).toHaveValue(name);
  // One field sets the date and its precision: "March 2022" is known to the month.
  await claim.getByLabel("Date it happened").fill("March 2022");
  await expect(claim.getByText("Read as March 2022, known to the month.")).toBeVisible();
  await claim.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText("Recorded as Unverified")).toBeVisible();

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("table").getByText("Mar 2022")).toBeVisible();
  await expect(page.getByText("Known to the month")).toBeVisible();
  await page.getByRole("link", { name: "Rename event" }).click();
  await page.getByLabel("Name: what happened").fill(`${name} (hypothetical)`);
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("heading", { name: `${name} (hypothetical)`, level: 1 })).toBeVisible();
});
