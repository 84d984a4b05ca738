// The print page a version's PDF is made from: plain HTML and CSS, no script. Fonts come from the
// packages shipped with the app (Noto Sans for Latin, Cyrillic and Greek; Noto Sans KR for Hangul),
// served to the browser by the renderer from `fontBase`, so nothing is downloaded.
import type { SnapshotClaim, SnapshotContent } from "../factsheets/snapshot";
import { formatDate } from "../values";
import { chainText, publishedDate, sourceLine, stanceLabel, statusLabel, verificationText } from "./text";

/** The font packages the print page loads, by the path the renderer serves them under. */
export const PRINT_FONT_PACKAGES = { "noto-sans": "@fontsource-variable/noto-sans", "noto-sans-kr": "@fontsource-variable/noto-sans-kr" } as const;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");

function claimHtml(claim: SnapshotClaim): string {
  const facts: [string, string | null][] = [
    ["Status", statusLabel(claim)],
    ["Value", claim.valueText],
    ["Date", claim.eventDate ? formatDate(claim.eventDate, claim.eventDatePrecision) : null],
    ["Speaker", claim.speaker],
    ["Verification", verificationText(claim) || null],
    ["Justification", claim.verification.note],
  ];
  const citations = claim.citations
    .map(
      (c) => `<li>
  <p class="source">${escapeHtml(sourceLine(c))} <span class="muted">(${stanceLabel(c).toLowerCase()}${c.isPrimary ? ", primary source" : ""})</span></p>
  ${c.source.url ? `<p class="url">${escapeHtml(c.source.url)}</p>` : ""}
  <blockquote>${escapeHtml(c.quote)}</blockquote>
  ${c.chain.length ? `<p class="chain">Chain: ${escapeHtml(chainText(c.chain))}</p>` : ""}
</li>`,
    )
    .join("\n");
  return `<article id="claim-${claim.position}">
<h3><span class="pos">${claim.position}.</span> ${escapeHtml(claim.statement)}</h3>
<dl>${facts
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([k, v]) => `<div><dt>${k}</dt><dd${k === "Status" ? ` class="status status-${claim.status.toLowerCase()}"` : ""}>${escapeHtml(v)}</dd></div>`)
    .join("")}</dl>
${citations ? `<ol class="citations">${citations}</ol>` : ""}
</article>`;
}

export function toPrintHtml(content: SnapshotContent, fontBase: string): string {
  let section: string | null = null;
  const body = content.claims
    .map((claim) => {
      const heading = claim.section && claim.section !== section ? `<h2>${escapeHtml(claim.section)}</h2>` : "";
      section = claim.section ?? section;
      return heading + claimHtml(claim);
    })
    .join("\n");
  const fonts = Object.keys(PRINT_FONT_PACKAGES)
    .map((name) => `<link rel="stylesheet" href="${fontBase}/${name}/index.css">`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(content.title)}: version ${content.number}</title>
${fonts}
<style>
  @page { size: A4; margin: 18mm 16mm 20mm; }
  html { font-family: "Noto Sans Variable", "Noto Sans KR Variable", sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; }
  h3 { font-size: 11pt; margin: 0 0 4pt; }
  .meta, .muted { color: #444; }
  .change { border-left: 3px solid #999; padding-left: 8pt; }
  article { break-inside: avoid-page; border-top: 1px solid #ddd; padding: 8pt 0; }
  dl { display: flex; flex-wrap: wrap; gap: 2pt 14pt; margin: 0 0 4pt; }
  dl div { display: flex; gap: 4pt; }
  dt { font-weight: 600; }
  dt::after { content: ":"; }
  dd { margin: 0; }
  .status { font-weight: 700; }
  ol.citations { margin: 4pt 0 0; padding-left: 16pt; }
  ol.citations li { margin-bottom: 4pt; }
  p { margin: 0 0 2pt; }
  .url { font-size: 8.5pt; color: #444; word-break: break-all; }
  blockquote { margin: 2pt 0; padding-left: 8pt; border-left: 2px solid #bbb; font-style: italic; white-space: pre-line; }
  .chain { font-size: 9pt; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(content.title)}</h1>
<p class="meta">Version ${content.number} · published ${escapeHtml(publishedDate(content.publishedAt))} by ${escapeHtml(content.newsroom.name)} · ${content.claims.length} claim${content.claims.length === 1 ? "" : "s"}</p>
${content.changeNote ? `<div class="change"><p><strong>What changed:</strong> ${escapeHtml(content.changeNote)}</p></div>` : ""}
${content.summary ? `<div class="summary">${paragraphs(content.summary)}</div>` : ""}
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
