// Figures compared exactly: decimals become integers of millionths (the column is NUMERIC(24, 6)),
// so no rounding can make two figures look apart or together. Scales ("15k", "15 thousand") and
// unit spellings ("Soldiers killed", "soldier killed") normalise before anything is compared.

export const MICRO = 1_000_000n;

/** A closed interval of millionths; null is unbounded on that side. */
export interface Interval {
  low: bigint | null;
  high: bigint | null;
}

const SCALES: [RegExp, bigint][] = [
  [/^(k|thousands?)$/i, 1_000n],
  [/^(m|mn|mln|millions?)$/i, 1_000_000n],
  [/^(bn|b|billions?)$/i, 1_000_000_000n],
];

function scaleOf(word: string): bigint | null {
  for (const [pattern, factor] of SCALES) if (pattern.test(word)) return factor;
  return null;
}

/** A plain decimal ("15000", "-1.5", "15000.000000") as millionths; null when it is not one. */
export function toMicro(value: string | number | { toString(): string } | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === "number" ? numberText(value) : value.toString()).trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? "").slice(0, 6).padEnd(6, "0");
  const micro = BigInt(match[2]!) * MICRO + BigInt(fraction);
  return match[1] ? -micro : micro;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  // Up to 6 decimals, never exponent notation.
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 6 });
}

/** Millionths back to a plain decimal string ("15000", "0.5"). */
export function fromMicro(micro: bigint): string {
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  const whole = abs / MICRO;
  const fraction = (abs % MICRO).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * A figure as people write it: "15,000", "15 000", "15k", "15 thousand", "1.5 million", "2bn".
 * Returns millionths, or null when the text is not a figure. Ambiguous forms are refused rather
 * than guessed at: "1,5" (a decimal comma or a typo), "1e3", "0x10".
 */
export function parseFigure(text: string): bigint | null {
  const trimmed = text.trim().replace(/\u00a0/g, " ");
  const match = /^(-?)(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?\s*([a-z]+)?$/i.exec(trimmed);
  if (!match) return null;
  const [, sign, whole, fraction, word] = match;
  const digits = `${whole!.replace(/[, ]/g, "")}${fraction ? `.${fraction}` : ""}`;
  let micro = toMicro(digits);
  if (micro === null) return null;
  if (word) {
    const factor = scaleOf(word);
    if (factor === null) return null;
    // Decimals beyond the scale's digits are kept exactly: "1.5 million" is 1,500,000.
    const exact = `${whole!.replace(/[, ]/g, "")}${fraction ?? ""}`;
    const shift = (fraction ?? "").length;
    micro = (BigInt(exact) * factor * MICRO) / 10n ** BigInt(shift);
  }
  return sign ? -micro : micro;
}

const IRREGULAR: Record<string, string> = { people: "person", persons: "person", men: "man", women: "woman", children: "child" };

function singular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1);
  return word;
}

/** Scale words a unit may start with: whole words only, so "m" (metres) is a unit, not a million. */
const UNIT_SCALES: [RegExp, bigint][] = [
  [/^thousands?$/i, 1_000n],
  [/^millions?$/i, 1_000_000n],
  [/^billions?$/i, 1_000_000_000n],
];

/** Symbols and words that name one unit: "%", "percent" and "per cent" are one; "$" and "USD" are one. */
const UNIT_SYNONYMS: [RegExp, string][] = [
  [/%|\bper\s*cent\b|\bpercent(age)?s?\b/g, " percent "],
  [/\bus\s*\$|\$|\bus\s+dollars?\b|\bdollars?\b|\busd\b/g, " usd "],
  [/€|\beuros?\b|\beur\b/g, " eur "],
  // A bare "pound" may be a weight: only sterling spelled out, "£" and "GBP" are money.
  [/£|\bpounds?\s+sterling\b|\bsterling\b|\bgbp\b/g, " gbp "],
];
export const CURRENCIES = new Set(["usd", "eur", "gbp"]);

/**
 * A unit as a comparable key and the scale it carries: "Thousand soldiers killed" is
 * { key: "soldier killed", factor: 1000 }. Plural and singular, case and spacing do not matter;
 * "people" and "persons" are one unit, and so are "%", "percent" and "per cent", "$" and "USD".
 */
export function normaliseUnit(unit: string | null | undefined): { key: string; factor: bigint } {
  let text = (unit ?? "").toLowerCase();
  // "percentage points" are not percent: kept apart before the synonyms run.
  text = text.replace(/\bpercentage\s+points?\b/g, " percentagepoint ");
  for (const [pattern, word] of UNIT_SYNONYMS) text = text.replace(pattern, word);
  const words = text.replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);
  let factor = 1n;
  while (words.length) {
    const scale = UNIT_SCALES.find(([pattern]) => pattern.test(words[0]!))?.[1] ?? null;
    if (scale === null) break;
    factor *= scale;
    words.shift();
    if (words[0] === "of") words.shift();
  }
  return { key: words.map(singular).join(" "), factor };
}

/**
 * Whether two units can be compared: the same unit after normalising. A percentage is never a
 * count, two currencies are never compared, and a figure with no unit meets only figures with none.
 */
export function sameUnit(a: string | null | undefined, b: string | null | undefined): boolean {
  return normaliseUnit(a).key === normaliseUnit(b).key;
}

/** The default tolerance of approximate figures ("about 1,200"), in percent. */
export const DEFAULT_TOLERANCE_PERCENT = 10;

/** An interval widened by a tolerance in percent on each side (outwards, exactly, in millionths). */
export function widen(i: Interval, tolerancePercent: number): Interval {
  const bp = BigInt(Math.round(tolerancePercent * 100));
  const by = (n: bigint) => ((n < 0n ? -n : n) * bp + 9_999n) / 10_000n;
  return { low: i.low === null ? null : i.low - by(i.low), high: i.high === null ? null : i.high + by(i.high) };
}

/** Why a figure is refused for a metric that counts things (no negative figures), or null. */
export function signRefusal(values: readonly (string | number | { toString(): string } | null | undefined)[], allowsSigned: boolean): string | null {
  if (allowsSigned) return null;
  return values.some((v) => (toMicro(v) ?? 0n) < 0n) ? "This metric counts things: a figure cannot be negative (an admin can allow signed figures on the metric)." : null;
}

export interface FigureFields {
  low?: string | number | { toString(): string } | null;
  high?: string | number | { toString(): string } | null;
  best?: string | number | { toString(): string } | null;
  unit?: string | null;
}

/**
 * The values a figure allows, in its unit's base scale: a range is its ends, a single figure is
 * itself, "at least" and "up to" are open on one side. Null when the claim has no figure.
 */
export function figureInterval(f: FigureFields): Interval | null {
  const factor = normaliseUnit(f.unit).factor;
  const scale = (n: bigint | null) => (n === null ? null : n * factor);
  const low = scale(toMicro(f.low));
  const high = scale(toMicro(f.high));
  const best = scale(toMicro(f.best));
  if (low !== null || high !== null) return { low, high };
  if (best !== null) return { low: best, high: best };
  return null;
}

/** Whether no value lies in both intervals. */
export function disjoint(a: Interval, b: Interval): boolean {
  return (a.high !== null && b.low !== null && a.high < b.low) || (b.high !== null && a.low !== null && b.high < a.low);
}

export function scaleInterval(i: Interval, by: bigint): Interval {
  return { low: i.low === null ? null : i.low * by, high: i.high === null ? null : i.high * by };
}
