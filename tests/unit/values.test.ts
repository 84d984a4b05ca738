import { describe, expect, it } from "vitest";
import { formatDate, formatFigure, formatQuantity, formatWhen } from "@/lib/values";

describe("formatDate", () => {
  it("shows a date no more precisely than it is known", () => {
    expect(formatDate("2022-02-21", "DAY")).toBe("21 Feb 2022");
    expect(formatDate("2022-07-01", "MONTH")).toBe("Jul 2022");
    expect(formatDate("2014-01-01", "YEAR")).toBe("2014");
  });
  it("reads dates in UTC, so midnight never slips to the day before", () => {
    expect(formatDate(new Date("2022-07-13T00:00:00Z"))).toBe("13 Jul 2022");
  });
  it("is empty for a missing or broken date", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("");
  });
});

describe("formatFigure", () => {
  it("shows a range with an en dash and thousands separators", () => {
    expect(formatFigure({ low: 15000, high: 25000 })).toBe("15,000–25,000");
  });
  it("shows a best estimate inside a range only when it adds something", () => {
    expect(formatFigure({ low: 15000, high: 25000, best: 20000 })).toBe("15,000–25,000 (best estimate 20,000)");
    expect(formatFigure({ low: 15000, high: 25000, best: 25000 })).toBe("15,000–25,000");
  });
  it("handles a single number, open ranges and equal bounds", () => {
    expect(formatFigure({ best: 100000 })).toBe("100,000");
    expect(formatFigure({ low: 15000 })).toBe("at least 15,000");
    expect(formatFigure({ high: 25000 })).toBe("up to 25,000");
    expect(formatFigure({ low: 5, high: 5 })).toBe("5");
    expect(formatFigure({})).toBe("no figure");
  });
  it("takes Prisma's Decimal values as strings", () => {
    expect(formatFigure({ best: "1234.500000" })).toBe("1,234.5");
  });
});

describe("formatWhen", () => {
  it("combines a period and an as-of date", () => {
    expect(formatWhen({ periodStart: "2022-02-24", periodEnd: "2022-07-31" })).toBe("24 Feb 2022 – 31 Jul 2022");
    expect(formatWhen({ periodStart: "2022-02-24", asOf: "2022-08-01", asOfPrecision: "MONTH" })).toBe("since 24 Feb 2022, as of Aug 2022");
    expect(formatWhen({ periodEnd: "2022-07-31" })).toBe("until 31 Jul 2022");
    expect(formatWhen({})).toBe("");
  });
});

describe("formatQuantity", () => {
  it("reads the seed range the way an editor would", () => {
    expect(
      formatQuantity({ low: 15000, high: 25000, unit: "soldiers killed", periodStart: "2022-02-24", asOf: "2022-08-01", asOfPrecision: "MONTH" }),
    ).toBe("15,000–25,000 soldiers killed, since 24 Feb 2022, as of Aug 2022");
  });
  it("marks rates with their period", () => {
    expect(formatQuantity({ best: 100, unit: "soldiers killed", ratePeriod: "DAY" })).toBe("100 soldiers killed per day");
  });
});
