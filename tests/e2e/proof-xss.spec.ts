// The XSS corpus, proven from outside: every payload in every free-text field, written through the
// real verbs over HTTP (server actions, as the forms call them), then shown in a real browser on
// the internal pages, the public pages and every export. A payload that ran would set
// window.__xss or open a dialog; one that became markup would leave an element with an `on…`
// attribute, a `javascript:` address or an `xss-pwn` element in the page; one the CSP stopped
// would be a violation. None of that may happen anywhere.
import { micromark } from "micromark";
import { expect, test, type Page } from "@playwright/test";
import { toPrintHtml } from "../../lib/exports/print-html";
import { accounts } from "./helpers";
import { actionPage, baseUrl, builtActions, HttpSession, pageParams, RowCounter } from "./proof-http";

const X = "window.__xss=1";
/** Script tags, event handlers, javascript: links, SVG, broken markup, and Unicode tricks. */
const PAYLOADS = [
  `<script>${X}</script>`,
  `<SCRIPT SRC=data:,${X}></SCRIPT>`,
  `<script/x>${X}</script>`,
  `</script><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `</textarea><script>${X}</script>`,
  `<img src=x onerror=${X}>`,
  `<img src="x" onerror="${X}" class="xss-pwn">`,
  `<IMG SRC=# onmouseover="${X}">`,
  `<img src=x:x onerror=alert(1)//`,
  `<svg onload=${X}>`,
  `<svg><script>${X}</script></svg>`,
  `<svg><animate onbegin=${X} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${X}"><text>x</text></a></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<body onload=${X}>`,
  `<iframe src="javascript:${X}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `<object data="javascript:${X}">`,
  `<embed src="javascript:${X}">`,
  `<a href="javascript:${X}">click</a>`,
  `<a href="JaVaScRiPt:${X}">click</a>`,
  `<a href="jav&#x09;ascript:${X}">tab</a>`,
  `<a href=" javascript:${X}">space</a>`,
  `javascript:${X}`,
  `[md link](javascript:${X})`,
  `![md img](x" onerror="${X})`,
  `<details open ontoggle=${X}>`,
  `<input autofocus onfocus=${X}>`,
  `<select autofocus onfocus=${X}>`,
  `<video><source onerror=${X}>`,
  `<audio src=x onerror=${X}>`,
  `<marquee onstart=${X}>`,
  `<form><button formaction="javascript:${X}">go</button></form>`,
  `<isindex action="javascript:${X}" type=submit>`,
  `<div style="background:url(javascript:${X})">`,
  `<style>@import 'javascript:${X}';</style>`,
  `<link rel=stylesheet href="javascript:${X}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`,
  `<base href="javascript:${X}//">`,
  `"><img src=x onerror=${X}>`,
  `'><svg onload=${X}>`,
  `" onmouseover="${X}" x="`,
  `' autofocus onfocus='${X}`,
  `<!--<img src="--><img src=x onerror=${X}//">`,
  `<![CDATA[<script>${X}</script>]]>`,
  `<scr<script>ipt>${X}</scr</script>ipt>`,
  `<xss-pwn onclick=${X}>tag</xss-pwn>`,
  `<b class=xss-pwn>bold</b>`,
  `{{constructor.constructor('${X}')()}}`,
  `\${${X}}`,
  `\u202e<img src=x onerror=${X}>\u202c`,
  `<scr\u200bipt>${X}</scr\u200bipt>`,
  `\ufeff<svg onload=${X}>`,
  `＜script＞${X}＜/script＞`,
  `%3Cscript%3E${X}%3C/script%3E`,
  `&lt;script&gt;${X}&lt;/script&gt;`,
  `\\u003cscript\\u003e${X}\\u003c/script\\u003e`,
  `<img src=x onerror=\u0061lert(1)>`,
  `=HYPERLINK("javascript:${X}","csv")`,
  `<script type="application/ld+json">{"@context":"x"}</script><script>${X}</script>`,
  `<template><img src=x onerror=${X}></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
];

/** The payloads joined into as few texts as fit `max` characters (each at least `min`). */
function chunks(max: number, min = 0): string[] {
  const out: string[] = [];
  let current = "";
  for (const p of PAYLOADS) {
    const next = current ? `${current} | ${p}` : p;
    if (next.length > max) {
      out.push(current);
      current = p;
    } else current = next;
  }
  out.push(current);
  return out.map((c) => (c.length < min ? `${c} | padding for the minimum length`.slice(0, max) : c));
}
const ALL = PAYLOADS.join("\n");

/** What a page must not show: a payload that ran, became markup, or was stopped by the CSP. */
async function inspect(page: Page, where: string, problems: string[], violations: () => Promise<string[]>, dialogs: string[]) {
  const found = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const bad: string[] = [];
    if (w.__xss !== undefined) bad.push("window.__xss was set");
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}>`);
        if (/^\s*javascript:/i.test(a.value.replace(/[\u0000-\u001f]/g, ""))) bad.push(`<${el.localName} ${a.name}="${a.value.slice(0, 30)}">`);
      }
      if (el.localName === "xss-pwn" || el.classList.contains("xss-pwn")) bad.push(`<${el.localName} class=xss-pwn>`);
      if (el.localName === "iframe" && el.hasAttribute("srcdoc")) bad.push("<iframe srcdoc>");
    }
    return bad;
  });
  const csp = await violations();
  for (const f of [...found, ...csp.map((v) => `CSP violation: ${v}`), ...dialogs.splice(0).map((d) => `dialog: ${d}`)]) problems.push(`${where}: ${f}`);
}

test("every XSS payload in every free-text field stays text on every page and export", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const actions = builtActions();
  const admin = new HttpSession("admin");
  const editor = new HttpSession("editor");
  const reviewer = new HttpSession("reviewer");
  const anonymous = new HttpSession("signed out");
  await admin.signIn(accounts.admin.email, accounts.admin.password);
  await editor.signIn(accounts.editor.email, accounts.editor.password);
  await reviewer.signIn(accounts.reviewer.email, accounts.reviewer.password);
  const counter = new RowCounter();
  await counter.open();
  const params = await pageParams(counter);
  let writes = 0;
  /** A server action, as its form calls it; throws unless it succeeds. */
  const act = async (who: HttpSession, name: string, args: unknown[]) => {
    const a = actions.find((x) => x.name === name)!;
    const answer = await who.action(a.id, actionPage(a, params), args);
    writes++;
    const result = answer.result as { ok: boolean; value: Record<string, unknown>; message?: string };
    if (!result?.ok) throw new Error(`${name}: ${JSON.stringify(answer.result ?? answer.status)}`);
    return result.value;
  };
  const version = async (table: string, id: string) => (await counter.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0]!.version;
  const fields: Record<string, number> = {};
  /** How many of the payloads a field's texts carry, whole. */
  const field = (name: string, texts: string[]) => (fields[name] = PAYLOADS.filter((p) => texts.some((t) => t.includes(p))).length);

  // Sources: titles (500 each), the text every quote comes from, and notes.
  const titles = chunks(500, 3);
  field("source title", titles);
  const sourceIds: string[] = [];
  for (const [i, title] of titles.entries()) {
    sourceIds.push((await act(editor, "createSourceAction", [{ title, kind: "NEWS_ARTICLE", ...(i === 0 ? { fullText: `Before.\n${ALL}\nAfter.`, notes: ALL } : {}) }])).id as string);
  }
  field("source text", [ALL]);
  field("source notes", [ALL]);

  // Claims: statements (1,000 each), each cited as a primary source with the whole corpus as its
  // quote and payloads as its chain's actor names, verified (so the public pages and exports show it).
  const statements = chunks(1000, 10);
  const names = chunks(200);
  field("statement", statements);
  field("quote", [ALL]);
  field("actor name", names);
  field("speaker name", names);
  field("verification justification", [ALL.slice(0, 4000)]);
  const claimIds: string[] = [];
  for (const [i, statement] of statements.entries()) {
    const claimId = (await act(editor, "createClaimAction", [{ statement, kind: "ATTRIBUTED_STATEMENT", speakerName: names[i % names.length] }])).id as string;
    claimIds.push(claimId);
    const links = names.slice((i * 12) % names.length).concat(names).slice(0, Math.min(12, names.length));
    await act(editor, "createCitationAction", [
      {
        claimId,
        claimVersion: await version("claims", claimId),
        sourceId: sourceIds[0],
        quote: ALL,
        stance: "SUPPORTS",
        isPrimary: true,
        chain: links.map((actorName) => ({ actorName, actorKind: "PERSON", relation: "said" })),
      },
    ]);
    await act(editor, "changeStatusAction", [{ claimId, version: await version("claims", claimId), toStatus: "IN_REVIEW", reason: "Ready for review." }]);
    await act(reviewer, "reviewClaimAction", [{ claimId, version: await version("claims", claimId), decision: "APPROVE", note: ALL.slice(0, 2000) }]);
    await act(editor, "changeStatusAction", [
      { claimId, version: await version("claims", claimId), toStatus: "VERIFIED", reason: ALL.slice(0, 2000), justification: ALL.slice(0, 4000) },
    ]);
  }
  field("review note", [ALL.slice(0, 2000)]);
  field("status reason", [ALL.slice(0, 2000)]);
  // The names outside the first claims' chains still need a claim: the rest go on as speakers.
  for (const name of names.slice(statements.length)) {
    claimIds.push((await act(editor, "createClaimAction", [{ statement: `Said by ${name}`.slice(0, 1000), kind: "ATTRIBUTED_STATEMENT", speakerName: name }])).id as string);
  }

  // A note and a comment with the whole corpus (their limits hold it).
  await act(editor, "createNoteAction", [{ claimId: claimIds[0], body: ALL }]);
  await act(reviewer, "addCommentAction", [{ claimId: claimIds[0], body: ALL }]);
  field("note", [ALL]);
  field("comment", [ALL]);

  // Fact sheets: titles (200 each) and the whole corpus as the summary; each published with the
  // verified claims, with a public link.
  const sheetTitles = chunks(200, 3);
  field("fact-sheet title", sheetTitles);
  field("fact-sheet summary", [ALL]);
  const tokens: string[] = [];
  const sheetIds: string[] = [];
  for (const title of sheetTitles) {
    const sheetId = (await act(editor, "createSheetAction", [{ title, summary: ALL }])).id as string;
    sheetIds.push(sheetId);
    await act(editor, "addSheetClaimsAction", [{ sheetId, version: await version("fact_sheets", sheetId), claimIds: claimIds.slice(0, statements.length), section: names[0] }]);
    await act(editor, "publishSheetAction", [{ sheetId, version: await version("fact_sheets", sheetId), previousNumber: 0, changeNote: ALL.slice(0, 2000) }]);
    tokens.push((await act(editor, "createLinkAction", [{ sheetId }])).token as string);
  }
  field("section heading", [names[0]!]);
  field("change note", [ALL.slice(0, 2000)]);

  // Metrics and events: names (200 each) and the corpus as descriptions; the first of each gets a
  // claim (a figure on the metric, a date of the event), so their pages show claims too. A conflict
  // flagged between the first claims carries the corpus as its reason.
  const metricIds: string[] = [];
  const eventIds: string[] = [];
  for (const name of names) {
    metricIds.push((await act(editor, "createMetricAction", [{ name, unit: "people", description: ALL.slice(0, 2000) }])).id as string);
    eventIds.push((await act(editor, "createEventAction", [{ name, description: ALL.slice(0, 2000) }])).id as string);
  }
  field("metric name", names);
  field("event name", names);
  field("metric and event description", [ALL.slice(0, 2000)]);
  const units = chunks(100).slice(0, 3);
  field("unit", units);
  for (const [i, unit] of units.entries()) {
    await act(editor, "createClaimAction", [{ statement: statements[i % statements.length], kind: "QUANTITY", metricId: metricIds[0], valueBest: String(1000 + i), unit, asOf: "2024-03-01", asOfPrecision: "DAY" }]);
  }
  await act(editor, "createClaimAction", [{ statement: statements[0], kind: "DATE", eventId: eventIds[0], eventDate: "2024-03-01", eventDatePrecision: "DAY" }]);
  const conflictId = (await act(editor, "flagConflictAction", [{ claimIds: claimIds.slice(0, 2), reason: ALL.slice(0, 2000) }])).id as string;
  field("conflict reason", [ALL.slice(0, 2000)]);
  // A bearer token for /api/v1; its name is a payload too.
  const apiToken = (await act(admin, "createApiTokenAction", [{ name: names[0]!.slice(0, 100) }])).token as string;

  // Accounts: names (120 each), by invitation links followed.
  const accountNames = chunks(120);
  field("account name", accountNames);
  for (const name of accountNames) {
    const email = `xss-${Math.random().toString(36).slice(2, 10)}@factdesk.test`;
    const link = await act(admin, "inviteUserAction", [{ email, role: "REVIEWER" }]);
    const token = String(link.path).split("/").at(-1);
    await act(anonymous, "accountLinkAction", [{ token, name, newPassword: "xss-corpus-password", confirmPassword: "xss-corpus-password" }]);
  }
  const wrote = Date.now();

  // The browser: signed in as the admin (who sees every page), watching for dialogs and the CSP.
  const problems: string[] = [];
  const dialogs: string[] = [];
  const violations: string[] = [];
  const watch = async (p: Page) => {
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await p.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  };
  const cspOf = (p: Page) => async () => [...violations.splice(0), ...((await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])) as string[])];
  await watch(page);
  await page.context().addCookies(
    admin
      .cookieHeader()
      .split("; ")
      .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), url: baseUrl })),
  );
  let loads = 0;
  const visit = async (p: Page, path: string) => {
    loads++;
    const res = await p.goto(path, { waitUntil: "load" });
    if (!res || res.status() >= 400) problems.push(`${path}: HTTP ${res?.status()}`);
    await inspect(p, path, problems, cspOf(p), dialogs);
  };
  const internal = [
    "/",
    "/claims?q=xss",
    "/claims",
    ...claimIds.slice(0, statements.length).map((id) => `/claims/${id}`),
    `/claims/${claimIds[0]}/edit`,
    "/sources",
    `/sources/${sourceIds[0]}`,
    `/sources/${sourceIds[0]}/edit`,
    "/fact-sheets",
    `/fact-sheets/${sheetIds[0]}`,
    `/fact-sheets/${sheetIds[0]}/edit`,
    "/metrics",
    `/metrics/${metricIds[0]}`,
    "/events",
    `/events/${eventIds[0]}`,
    "/conflicts",
    `/conflicts/${conflictId}`,
    "/actors",
    "/admin/api-tokens",
    "/admin/users",
    "/admin/security",
    "/account",
  ];
  for (const path of internal) await visit(page, path);
  // What the dashboard and lists show is in the page: the corpus must be there, as text.
  await page.goto(`/claims/${claimIds[0]}`);
  await expect(page.getByText(PAYLOADS[0]!, { exact: false }).first()).toBeAttached();

  // The claims list's download (CSV and JSON, as the admin) and /api/v1's JSON (by bearer token):
  // each holds the corpus; shown inline, one load each for CSV and for JSON, they stay text.
  const signedIn = { cookie: admin.cookieHeader() };
  const bearer = { authorization: `Bearer ${apiToken}` };
  const downloads: [string, string, Record<string, string>][] = [
    ["claims list CSV", "/api/claims/export?format=csv&sort=newest", signedIn],
    ["claims list JSON", "/api/claims/export?format=json&sort=newest", signedIn],
    ["API v1 claims", "/api/v1/claims?sort=newest&limit=100", bearer],
    ["API v1 fact sheet", `/api/v1/fact-sheets/${sheetIds[0]}`, bearer],
    ["API v1 fact sheet version", `/api/v1/fact-sheets/${sheetIds[0]}/versions/1`, bearer],
  ];
  const internalFiles: Record<"csv" | "json", Buffer[]> = { csv: [], json: [] };
  for (const [name, path, headers] of downloads) {
    const res = await fetch(`${baseUrl}${path}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || res.headers.get("x-content-type-options") !== "nosniff") problems.push(`${name}: expected 200 and nosniff; got ${res.status} ${res.headers.get("x-content-type-options")}`);
    if (!body.toString("utf8").includes("xss-pwn")) problems.push(`${name} lacks the corpus`);
    internalFiles[path.includes("format=csv") ? "csv" : "json"].push(body);
  }
  for (const [format, bodies] of Object.entries(internalFiles)) {
    const inline = `${baseUrl}/__inline/internal.${format}`;
    await page.route(inline, (route) => route.fulfill({ body: Buffer.concat(bodies), contentType: format === "csv" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", headers: { "x-content-type-options": "nosniff" } }));
    await visit(page, inline);
  }

  // Public pages and exports, signed out.
  const outside = await browser.newContext();
  const pub = await outside.newPage();
  await watch(pub);
  for (const token of tokens) await visit(pub, `/p/${token}`);
  // The exports download (attachment, nosniff). Shown inline, every sheet's file of a format in one
  // load (JSON with its own type; CSV and Markdown, which Chromium would only download, as plain
  // text), they stay text.
  const files: Record<string, Buffer[]> = { csv: [], json: [], jsonld: [], md: [] };
  for (const [i, token] of tokens.entries()) {
    for (const format of Object.keys(files)) {
      const res = await fetch(`${baseUrl}/p/${token}/exports/${format}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || res.headers.get("x-content-type-options") !== "nosniff" || !/^attachment/.test(res.headers.get("content-disposition") ?? "")) {
        problems.push(`${format} export of sheet ${i + 1}: expected 200, an attachment, nosniff; got ${res.status} ${res.headers.get("content-disposition")} ${res.headers.get("x-content-type-options")}`);
      }
      if (!body.toString("utf8").includes(format === "json" || format === "jsonld" ? "xss-pwn" : "xss-pwn")) problems.push(`${format} export of sheet ${i + 1} lacks the corpus`);
      files[format]!.push(body);
    }
  }
  for (const [format, bodies] of Object.entries(files)) {
    const inline = `${baseUrl}/__inline/all.${format}`;
    const type = format === "csv" || format === "md" ? "text/plain; charset=utf-8" : format === "json" ? "application/json; charset=utf-8" : "application/ld+json; charset=utf-8";
    await pub.route(inline, (route) => route.fulfill({ body: Buffer.concat(bodies), contentType: type, headers: { "x-content-type-options": "nosniff" } }));
    await visit(pub, inline);
  }
  // Markdown as a careless reader renders it (raw HTML and any link allowed), and the PDF's print
  // pages, each in a fresh page (setContent keeps the window, so what one render set would show in the next).
  const render = async (where: string, html: string) => {
    loads++;
    const p = await outside.newPage();
    await watch(p);
    await p.setContent(html);
    await inspect(p, where, problems, cspOf(p), dialogs);
    const content = await p.content();
    await p.close();
    return content;
  };
  await render("every sheet's Markdown, rendered", files.md!.map((b) => micromark(b.toString("utf8"), { allowDangerousHtml: true, allowDangerousProtocol: true })).join("\n<hr>\n"));
  const snapshots = await counter.query<{ content: Parameters<typeof toPrintHtml>[0] }>("SELECT content FROM fact_sheet_snapshots WHERE fact_sheet_id = ANY($1) AND number = 1", [sheetIds]);
  expect(snapshots).toHaveLength(sheetIds.length);
  const print = await render("every sheet's PDF print page", snapshots.map((s) => toPrintHtml(s.content, baseUrl)).join("\n"));
  expect(print, "the print pages hold the corpus, escaped").toContain("&lt;script&gt;");
  await outside.close();
  await counter.close();

  const total = Object.values(fields).reduce((a, b) => a + b, 0);
  console.log(
    `[xss] ${PAYLOADS.length} payloads × ${Object.keys(fields).length} fields (${total} payload placements: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join(", ")}); ${writes} writes in ${((wrote - started) / 1000).toFixed(1)} s, ${loads} page loads and renders in ${((Date.now() - wrote) / 1000).toFixed(1)} s`,
  );
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  expect(ALL.length, "the corpus fits the 4,000-character fields whole").toBeLessThanOrEqual(4000);
  const whole = ["source title", "source text", "source notes", "statement", "quote", "actor name", "speaker name", "note", "comment", "fact-sheet title", "fact-sheet summary", "account name", "verification justification", "metric name", "event name"];
  for (const name of whole) expect(fields[name], `${name} carries every payload`).toBe(PAYLOADS.length);
  expect(problems).toEqual([]);
});
