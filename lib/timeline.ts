// Where each figure of a metric sits on its timeline: x is time, y is value, both as percentages
// of the plot so the chart is drawn by the server and stretches to any width. Totals and rates
// are different units, so each rate period gets its own y axis.
import { scaleLinear, scaleUtc } from "d3-scale";
import { toDate, toNumber, type DateLike, type Num, type RatePeriod } from "./values";

export interface TimelineFigure {
  id: string;
  valueLow?: Num;
  valueHigh?: Num;
  valueBest?: Num;
  ratePeriod?: RatePeriod | null;
  asOf?: DateLike;
  periodStart?: DateLike;
  periodEnd?: DateLike;
}

/** A chart position (0-100) as a CSS percentage. */
export const pct = (n: number) => `${n.toFixed(3)}%`;

/**
 * Positions are kept to the thousandth of a percent `pct` draws with: they travel to the browser
 * for every mark, and 16-digit fractions made them 40% larger for nothing.
 */
const drawnPosition = (n: number) => Math.round(n * 1000) / 1000;

/** One figure's marks, in percent of the plot: x from the left, y from the top. */
export interface TimelineMark<F extends TimelineFigure = TimelineFigure> {
  figure: F;
  /** The period the figure covers, drawn as a band from low to high (a line for a single value). */
  span: { x1: number; x2: number; yTop: number; yBottom: number } | null;
  /** The range at its as-of date, drawn as a vertical bar. */
  bar: { x: number; yTop: number; yBottom: number } | null;
  /** The best value, or the only one given. */
  point: { x: number; y: number; open: "at-least" | "up-to" | null } | null;
  /** Where the mark's handle (its number, link and tooltip) sits. */
  anchor: { x: number; y: number };
}

export interface TimelineSeries<F extends TimelineFigure = TimelineFigure> {
  /** null for totals, else the rate's period. */
  ratePeriod: RatePeriod | null;
  yTicks: { value: number; y: number }[];
  marks: TimelineMark<F>[];
}

export interface TimelineLayout<F extends TimelineFigure = TimelineFigure> {
  xTicks: { date: Date; label: string; x: number }[];
  series: TimelineSeries<F>[];
  /** Figures with no date or no number: listed in the table, not drawn. */
  undrawn: F[];
}

const DAY = 86_400_000;
const RATE_ORDER: (RatePeriod | null)[] = [null, "DAY", "WEEK", "MONTH", "YEAR"];

const num = toNumber;
const time = (d: DateLike) => toDate(d)?.getTime() ?? null;

/** The moment a figure is placed at: its as-of date, else the end of its period, else its start. */
export function figureMoment(f: TimelineFigure): number | null {
  return time(f.asOf) ?? time(f.periodEnd) ?? time(f.periodStart);
}

/** The period a figure covers, when it has one that lasts: start..end, or start..as-of. */
export function figurePeriod(f: TimelineFigure): [number, number] | null {
  const start = time(f.periodStart);
  const end = time(f.periodEnd) ?? time(f.asOf);
  return start !== null && end !== null && end > start ? [start, end] : null;
}

/** Oldest first by the moment each figure holds for; undated figures last, ties by id. */
export function byMoment<F extends TimelineFigure>(figures: readonly F[]): F[] {
  return [...figures].sort((a, b) => {
    const ma = figureMoment(a) ?? Infinity;
    const mb = figureMoment(b) ?? Infinity;
    return ma === mb ? a.id.localeCompare(b.id) : ma - mb;
  });
}

function values(f: TimelineFigure): number[] {
  return [num(f.valueLow), num(f.valueHigh), num(f.valueBest)].filter((v): v is number => v !== null);
}

/** The time axis: every drawn moment and period, with a margin so no mark sits on the edge. */
function timeDomain(figures: TimelineFigure[]): [number, number] {
  const times = figures.flatMap((f) => [figureMoment(f), ...(figurePeriod(f) ?? [])]).filter((t): t is number => t !== null);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = max === min ? 90 * DAY : Math.max((max - min) * 0.06, 10 * DAY);
  return [min - pad, max + pad];
}

function layoutSeries<F extends TimelineFigure>(figures: F[], x: (t: number) => number, ratePeriod: RatePeriod | null): TimelineSeries<F> {
  const all = figures.flatMap(values);
  const lo = Math.min(0, ...all);
  const hi = Math.max(...all);
  // A little headroom above the highest figure, so its mark and number clear the top edge.
  const scale = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi + (hi - lo) * 0.08])
    .nice(5)
    .range([100, 0]);
  const y = (value: number) => drawnPosition(scale(value));
  const marks = figures.map((figure): TimelineMark<F> => {
    const low = num(figure.valueLow);
    const high = num(figure.valueHigh);
    const best = num(figure.valueBest);
    const period = figurePeriod(figure);
    const asOf = time(figure.asOf);
    const at = x(figureMoment(figure)!);
    const range = low !== null && high !== null ? ([y(high), y(low)] as const) : null;
    const single = best ?? (range ? null : (low ?? high));
    const bandValues = range ?? (single !== null ? ([y(single), y(single)] as const) : null);
    const span = period && bandValues ? { x1: x(period[0]), x2: x(period[1]), yTop: bandValues[0], yBottom: bandValues[1] } : null;
    // A period's band already carries its range; the bar marks the as-of date the range is given for.
    const bar = range && (!period || asOf !== null) ? { x: at, yTop: range[0], yBottom: range[1] } : null;
    const open: "at-least" | "up-to" | null = best === null && !range ? (low !== null ? "at-least" : "up-to") : null;
    const point = single !== null ? { x: at, y: y(single), open } : null;
    return { figure, span, bar, point, anchor: { x: at, y: point?.y ?? range?.[0] ?? 0 } };
  });
  return { ratePeriod, yTicks: scale.ticks(5).map((value) => ({ value, y: y(value) })), marks };
}

/**
 * Lays out a metric's figures: one series for totals and one per rate period, on one shared time
 * axis so marks that hold for the same moment line up across the charts.
 */
export function layoutTimeline<F extends TimelineFigure>(figures: readonly F[]): TimelineLayout<F> {
  const ordered = byMoment(figures);
  const drawn = ordered.filter((f) => figureMoment(f) !== null && values(f).length > 0);
  const undrawn = ordered.filter((f) => !drawn.includes(f));
  if (!drawn.length) return { xTicks: [], series: [], undrawn };
  const x = scaleUtc().domain(timeDomain(drawn)).range([0, 100]);
  const toX = (t: number) => drawnPosition(x(new Date(t)));
  const series = RATE_ORDER.flatMap((rate) => {
    const group = drawn.filter((f) => (f.ratePeriod ?? null) === rate);
    return group.length ? [layoutSeries(group, toX, rate)] : [];
  });
  const ticks = x.ticks(6);
  const labels = formatTimeTicks(ticks);
  return { xTicks: ticks.map((date, i) => ({ date, label: labels[i]!, x: drawnPosition(x(date)) })), series, undrawn };
}

const tickFormats = {
  day: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }),
  dayYear: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  month: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short" }),
  monthYear: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "numeric" }),
};

/**
 * Time-axis labels as short as each tick allows, with the year wherever it changes (and on the
 * first tick): "2021", "2022"; "Feb 2022", "Mar", … "Jan 2023"; "15 Mar 2022", "22 Mar".
 */
export function formatTimeTicks(ticks: readonly Date[]): string[] {
  const yearly = ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1);
  return ticks.map((d, i) => {
    if (yearly) return String(d.getUTCFullYear());
    const withYear = i === 0 || d.getUTCFullYear() !== ticks[i - 1]!.getUTCFullYear();
    if (d.getUTCDate() === 1) return (withYear ? tickFormats.monthYear : tickFormats.month).format(d);
    return (withYear ? tickFormats.dayYear : tickFormats.day).format(d);
  });
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A value-axis label that fits a narrow margin: "25,000", "1.5M". */
export function formatValueTick(n: number): string {
  return Math.abs(n) >= 1_000_000 ? compact.format(n) : plain.format(n);
}

/**
 * What a chart mark says of its figure, worked out once on the server and sent once for the whole
 * chart: the claim, its figure, its sources, why it is set aside ("" when it stands: else
 * "deprecated", "false", "retracted") and whether its card opens leftwards (a mark on the right half).
 */
export type MarkCard = [statement: string, value: string, sources: string, aside: string, leftwards: boolean];

/** A mark's accessible name, from its card: number, statement, figure and source. */
export function markLabel(n: number, [statement, value, sources, aside]: MarkCard) {
  return `Figure ${n}${aside ? ` (${aside})` : ""}: ${statement} ${value}. Source: ${sources}.`;
}
