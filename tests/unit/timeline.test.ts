import { describe, expect, it } from "vitest";
import { byMoment, figureMoment, figurePeriod, formatTimeTicks, formatValueTick, layoutTimeline, markLabel, type TimelineFigure } from "@/lib/timeline";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The seeded deaths metric: a range over a period given as of a month, and a rate over the same period.
const range: TimelineFigure = { id: "range", valueLow: "15000", valueHigh: "25000", periodStart: d("2022-02-24"), asOf: d("2022-08-01") };
const rate: TimelineFigure = { id: "rate", valueBest: 100, ratePeriod: "DAY", periodStart: d("2022-02-24"), asOf: d("2022-08-01") };
const single: TimelineFigure = { id: "single", valueBest: 42000, asOf: d("2022-08-15") };

describe("figureMoment and figurePeriod", () => {
  it("places a figure at its as-of date, else its period's end, else its start", () => {
    expect(figureMoment(range)).toBe(d("2022-08-01").getTime());
    expect(figureMoment({ id: "a", periodStart: "2022-02-24", periodEnd: "2022-03-01" })).toBe(d("2022-03-01").getTime());
    expect(figureMoment({ id: "b", periodStart: "2022-02-24" })).toBe(d("2022-02-24").getTime());
    expect(figureMoment({ id: "c" })).toBeNull();
  });
  it("takes a period from its start to its end or to the as-of date, and only when it lasts", () => {
    expect(figurePeriod(range)).toEqual([d("2022-02-24").getTime(), d("2022-08-01").getTime()]);
    expect(figurePeriod({ id: "a", periodStart: "2022-02-24", periodEnd: "2022-03-01", asOf: "2022-08-01" })).toEqual([
      d("2022-02-24").getTime(),
      d("2022-03-01").getTime(),
    ]);
    expect(figurePeriod({ id: "b", periodStart: "2022-02-24" })).toBeNull();
    expect(figurePeriod({ id: "c", periodStart: "2022-02-24", periodEnd: "2022-02-24" })).toBeNull();
  });
  it("orders figures oldest first, undated last, ties by id", () => {
    const undated: TimelineFigure = { id: "0-undated", valueBest: 1 };
    const same: TimelineFigure = { id: "a-same", valueBest: 1, asOf: d("2022-08-01") };
    expect(byMoment([single, undated, range, same]).map((f) => f.id)).toEqual(["a-same", "range", "single", "0-undated"]);
  });
});

describe("layoutTimeline", () => {
  it("keeps rates off the totals' axis: one series for totals, one per rate period, on one time axis", () => {
    const layout = layoutTimeline([rate, range, single, { id: "weekly", valueBest: 700, ratePeriod: "WEEK", asOf: d("2022-06-01") }]);
    expect(layout.series.map((s) => s.ratePeriod)).toEqual([null, "DAY", "WEEK"]);
    expect(layout.series[0]!.marks.map((m) => m.figure.id)).toEqual(["range", "single"]);
    // The same as-of date lines up across the charts.
    expect(layout.series[1]!.marks[0]!.point!.x).toBeCloseTo(layout.series[0]!.marks[0]!.bar!.x);
  });

  it("draws a range over a period as a band, with a bar at its as-of date and no invented best point", () => {
    const [mark] = layoutTimeline([range]).series[0]!.marks;
    expect(mark!.span).not.toBeNull();
    expect(mark!.span!.x1).toBeLessThan(mark!.span!.x2);
    expect(mark!.bar!.x).toBeCloseTo(mark!.span!.x2);
    expect(mark!.bar!.yTop).toBeLessThan(mark!.bar!.yBottom);
    expect(mark!.point).toBeNull();
    expect(mark!.anchor).toEqual({ x: mark!.bar!.x, y: mark!.bar!.yTop });
  });

  it("draws a range given only for a period (no as-of date) as its band alone", () => {
    const [mark] = layoutTimeline([{ id: "p", valueLow: 10, valueHigh: 20, periodStart: "2022-01-01", periodEnd: "2022-03-01" }]).series[0]!.marks;
    expect(mark!.span).not.toBeNull();
    expect(mark!.bar).toBeNull();
  });

  it("draws a single value at a date as a point, and a rate over a period as a flat band with its point", () => {
    const [point] = layoutTimeline([single]).series[0]!.marks;
    expect([point!.span, point!.bar]).toEqual([null, null]);
    expect(point!.point).toMatchObject({ open: null });
    const [flat] = layoutTimeline([rate]).series[0]!.marks;
    expect(flat!.span!.yTop).toBe(flat!.span!.yBottom);
    expect(flat!.point!.y).toBe(flat!.span!.yTop);
  });

  it("marks open-ended figures and puts the best value inside its range", () => {
    const [atLeast] = layoutTimeline([{ id: "l", valueLow: 15000, asOf: "2022-08-01" }]).series[0]!.marks;
    expect(atLeast!.point!.open).toBe("at-least");
    const [upTo] = layoutTimeline([{ id: "h", valueHigh: 25000, asOf: "2022-08-01" }]).series[0]!.marks;
    expect(upTo!.point!.open).toBe("up-to");
    const [withBest] = layoutTimeline([{ id: "b", valueLow: 10, valueHigh: 30, valueBest: 20, asOf: "2022-08-01" }]).series[0]!.marks;
    expect(withBest!.point!.y).toBeGreaterThan(withBest!.bar!.yTop);
    expect(withBest!.point!.y).toBeLessThan(withBest!.bar!.yBottom);
  });

  it("keeps every mark inside the plot, with zero on the value axis for counts", () => {
    const layout = layoutTimeline([range, single]);
    const [totals] = layout.series;
    for (const m of totals!.marks) {
      for (const v of [m.anchor.x, m.anchor.y, m.span?.x1, m.span?.x2, m.bar?.yTop, m.bar?.yBottom].filter((n) => n !== undefined)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
    expect(totals!.yTicks[0]).toEqual({ value: 0, y: 100 });
    expect(totals!.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(42000);
    expect(layout.xTicks.length).toBeGreaterThan(2);
    expect(layout.xTicks.every((t) => t.x >= 0 && t.x <= 100)).toBe(true);
    // To the thousandth the chart draws with (pct), no finer: every mark's positions go to the browser.
    const positions = [...totals!.marks.flatMap((m) => [m.anchor.x, m.anchor.y, m.span?.x1, m.span?.x2, m.span?.yTop, m.bar?.x, m.bar?.yTop, m.bar?.yBottom, m.point?.y]), ...layout.xTicks.map((t) => t.x)];
    for (const v of positions.filter((n) => n !== undefined)) expect(Math.round(v * 1000) / 1000).toBe(v);
    expect(positions.some((v) => v !== undefined && !Number.isInteger(v))).toBe(true);
  });

  it("gives a lone figure room on both sides, and lists figures it cannot draw", () => {
    const layout = layoutTimeline([single, { id: "undated", valueBest: 5 }, { id: "no-figure", asOf: "2022-01-01" }]);
    expect(layout.series[0]!.marks[0]!.anchor.x).toBeCloseTo(50);
    expect(layout.undrawn.map((f) => f.id)).toEqual(["no-figure", "undated"]);
    expect(layoutTimeline([{ id: "undated", valueBest: 5 }])).toEqual({ xTicks: [], series: [], undrawn: [{ id: "undated", valueBest: 5 }] });
  });

  it("handles negative values and a figure of zero", () => {
    const [totals] = layoutTimeline([{ id: "n", valueLow: -5, valueHigh: 5, asOf: "2022-01-01" }, { id: "z", valueBest: 0, asOf: "2022-02-01" }]).series;
    expect(totals!.yTicks[0]!.value).toBeLessThanOrEqual(-5);
    expect(totals!.marks[1]!.point!.y).toBeGreaterThan(0);
    expect(totals!.marks[1]!.point!.y).toBeLessThan(100);
  });
});

describe("axis labels", () => {
  it("labels months short, with the year on the first tick and wherever it changes", () => {
    expect(formatTimeTicks([d("2022-11-01"), d("2022-12-01"), d("2023-01-01"), d("2023-02-01")])).toEqual(["Nov 2022", "Dec", "Jan 2023", "Feb"]);
    expect(formatTimeTicks([d("2021-01-01"), d("2022-01-01")])).toEqual(["2021", "2022"]);
    expect(formatTimeTicks([d("2022-03-15"), d("2022-03-22")])).toEqual(["15 Mar 2022", "22 Mar"]);
  });
  it("keeps value labels narrow", () => {
    expect(formatValueTick(25000)).toBe("25,000");
    expect(formatValueTick(1_500_000)).toBe("1.5M");
    expect(formatValueTick(0.25)).toBe("0.25");
  });
});

describe("markLabel", () => {
  it("names a mark by its number, statement, figure and sources, and says why a figure is set aside", () => {
    expect(markLabel(3, ["The ministry said 41,900 died.", "41,900 people", "Reuters, “Losses”", "", true])).toBe(
      "Figure 3: The ministry said 41,900 died. 41,900 people. Source: Reuters, “Losses”.",
    );
    expect(markLabel(4, ["An old count.", "12 people", "no source cited yet", "deprecated", false])).toBe("Figure 4 (deprecated): An old count. 12 people. Source: no source cited yet.");
  });
});
