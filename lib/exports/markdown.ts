// A published version as Markdown: for pasting into an article or a wiki. Made only from the snapshot.
import type { SnapshotContent } from "../factsheets/snapshot";
import { formatDate } from "../values";
import { chainText, publishedDate, sourceLine, stanceLabel, statusLabel, verificationText } from "./text";

/** Markdown-significant characters in running text are escaped so a statement cannot become markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+=-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/**
 * Editors' Markdown, safe wherever it is pasted: raw HTML is shown as text (`<` and `>` escaped) and
 * links keep only web, mail, relative and in-page addresses (any other, `javascript:` among them,
 * is shown as text). Found by the XSS corpus (tests/e2e/proof-xss.spec.ts): a reader that renders
 * raw HTML ran the summary's script.
 */
export function safeMarkdown(text: string): string {
  const safe = /^\s*<?\s*(https?:|mailto:|\/|#)/i;
  return text
    .replace(/[<>]/g, (c) => `\\${c}`)
    .replace(/\]\(([^)]*)/g, (m, dest: string) => (safe.test(dest) ? m : `\\]\\(${dest}`))
    .replace(/^(\s{0,3})(\[[^\]]*\]:)(.*)$/gm, (m, pad: string, label: string, dest: string) => (safe.test(dest) ? m : `${pad}\\${label}${dest}`));
}

const quoteBlock = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join("\n");

export function toMarkdown(content: SnapshotContent): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(content.title)}`, "");
  out.push(`Version ${content.number}, published ${publishedDate(content.publishedAt)} by ${escapeMarkdown(content.newsroom.name)}.`, "");
  if (content.changeNote) out.push(`**What changed:** ${escapeMarkdown(content.changeNote)}`, "");
  // The summary is the editors' own Markdown: kept as written, but made safe for readers that render raw HTML.
  if (content.summary) out.push(safeMarkdown(content.summary.trim()), "");
  let section: string | null = null;
  for (const claim of content.claims) {
    if (claim.section && claim.section !== section) {
      section = claim.section;
      out.push(`## ${escapeMarkdown(section)}`, "");
    }
    out.push(`### ${claim.position}. ${escapeMarkdown(claim.statement)}`, "");
    out.push(`- **Status:** ${statusLabel(claim)}`);
    if (claim.valueText) out.push(`- **Value:** ${escapeMarkdown(claim.valueText)}`);
    if (claim.eventDate) out.push(`- **Date:** ${formatDate(claim.eventDate, claim.eventDatePrecision)}`);
    if (claim.speaker) out.push(`- **Speaker:** ${escapeMarkdown(claim.speaker)}`);
    const verification = verificationText(claim);
    if (verification) out.push(`- **Verification:** ${escapeMarkdown(verification)}`);
    if (claim.verification.note) out.push(`- **Justification:** ${escapeMarkdown(claim.verification.note)}`);
    out.push("");
    claim.citations.forEach((c, i) => {
      const source = c.source.url ? `[${escapeMarkdown(sourceLine(c))}](<${c.source.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeMarkdown(sourceLine(c));
      out.push(`${i + 1}. ${source}: ${stanceLabel(c).toLowerCase()}${c.isPrimary ? ", primary source" : ""}`);
      out.push("", quoteBlock(c.quote).replace(/^/gm, "   "), "");
      if (c.chain.length) out.push(`   Chain: ${escapeMarkdown(chainText(c.chain))}`, "");
    });
  }
  return `${out.join("\n").trimEnd()}\n`;
}
