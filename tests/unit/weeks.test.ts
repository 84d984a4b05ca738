import { describe, expect, it } from "vitest";
import { weekStart, weeklySeries } from "@/lib/weeks";

describe("weekStart", () => {
  it("is the Monday at midnight UTC of the same week", () => {
    expect(weekStart(new Date("2026-11-23T17:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z"); // a Monday
    expect(weekStart(new Date("2026-11-29T23:59:59Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z"); // its Sunday
    expect(weekStart(new Date("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});

describe("weeklySeries", () => {
  const now = new Date("2026-11-25T10:00:00Z");
  it("gives every week oldest first, ending with the current one, with zeros where nothing happened", () => {
    const series = weeklySeries([{ week: new Date("2026-11-16T00:00:00Z"), count: 3 }], now, 4);
    expect(series.map((s) => [s.week.toISOString().slice(0, 10), s.count])).toEqual([
      ["2026-11-02", 0],
      ["2026-11-09", 0],
      ["2026-11-16", 3],
      ["2026-11-23", 0],
    ]);
  });
  it("ignores rows outside the range", () => {
    const series = weeklySeries([{ week: new Date("2025-01-06T00:00:00Z"), count: 9 }, { week: new Date("2026-11-23T00:00:00Z"), count: 2 }], now, 2);
    expect(series.map((s) => s.count)).toEqual([0, 2]);
  });
});
