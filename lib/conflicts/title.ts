// A conflict's title as a list shows it: what it is about first (the metric or event), then what
// each claim says ("Russian military deaths in Ukraine: 15,000–25,000 soldiers killed against 100 per day").
import { formatDate, formatFigure, RATE_LABELS, type DatePrecision, type Num, type RatePeriod } from "@/lib/values";

export interface TitleClaim {
  statement: string;
  kind: string;
  valueLow?: Num;
  valueHigh?: Num;
  valueBest?: Num;
  unit?: string | null;
  ratePeriod?: RatePeriod | null;
  eventDate?: Date | string | null;
  eventDatePrecision?: DatePrecision | null;
  metric?: { name: string } | null;
  event?: { name: string } | null;
}

const MAX_STATEMENT = 90;
const short = (s: string) => (s.length > MAX_STATEMENT ? `${s.slice(0, MAX_STATEMENT - 1).trimEnd()}…` : s);

/** What one claim says, as briefly as the conflict needs: its figure, its date, or its words. */
export function claimGist(c: TitleClaim): string {
  if (c.kind === "QUANTITY") {
    const figure = formatFigure({ low: c.valueLow, high: c.valueHigh, best: c.valueBest });
    return [figure, c.unit, c.ratePeriod ? RATE_LABELS[c.ratePeriod] : null].filter(Boolean).join(" ");
  }
  if (c.kind === "DATE" && c.eventDate) return formatDate(c.eventDate, c.eventDatePrecision);
  return `“${short(c.statement)}”`;
}

/** The metric or event the claims share, or null when they share none. */
function subject(claims: readonly TitleClaim[]): string | null {
  const names = new Set(claims.map((c) => c.metric?.name ?? c.event?.name ?? null));
  const [only] = names;
  return names.size === 1 && only ? only : null;
}

export function conflictTitle(kind: string, claims: readonly TitleClaim[]): string {
  if (!claims.length) return "A conflict with no claims left";
  if (kind === "STATEMENT_DATE") return `When was it said? ${claimGist(claims[0]!)}`;
  const about = subject(claims);
  const gists = [...new Set(claims.map(claimGist))];
  const said = gists.length > 3 ? `${gists.slice(0, 3).join(" against ")} and ${gists.length - 3} more` : gists.join(" against ");
  return about ? `${about}: ${said}` : said;
}

/** The key that groups statement-date questions raised by the same articles, and its heading. */
export function sourceGroup(sources: readonly { id: string; title: string }[]): { key: string; heading: string } | null {
  if (!sources.length) return null;
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()].sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  const titles = unique.map((s) => `“${s.title}”`);
  const heading = titles.length === 1 ? titles[0]! : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
  return { key: unique.map((s) => s.id).join("+"), heading };
}
