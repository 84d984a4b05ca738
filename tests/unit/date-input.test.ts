import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDateInput, lastDayOf, parseDateInput, readDateOrder, type DateOrder } from "@/lib/date-input";

const read = (text: string, order: DateOrder = "DMY") => {
  const r = parseDateInput(text, order);
  return r.ok ? `${r.date.iso} ${r.date.precision}` : `error: ${r.message}`;
};

describe("parseDateInput", () => {
  it("reads the ways editors write a date and sets the precision itself", () => {
    expect(read("4 March 2025")).toBe("2025-03-04 DAY");
    expect(read("March 2025")).toBe("2025-03-01 MONTH");
    expect(read("2025")).toBe("2025-01-01 YEAR");
    expect(read("4/3/2025")).toBe("2025-03-04 DAY");
  });
  it("reads all-number dates in the newsroom's order, but a leading four-digit year always as ISO", () => {
    expect(read("4/3/2025", "MDY")).toBe("2025-04-03 DAY");
    expect(read("4.3.2025", "DMY")).toBe("2025-03-04 DAY");
    expect(read("2025-03-04", "MDY")).toBe("2025-03-04 DAY");
    expect(read("2025-03", "DMY")).toBe("2025-03-01 MONTH");
    expect(read("3/2025", "MDY")).toBe("2025-03-01 MONTH");
  });
  it("takes short month names, ordinals, weekdays and American order with a comma", () => {
    expect(read("Tuesday, 4th of Mar 2025")).toBe("2025-03-04 DAY");
    expect(read("March 4, 2025", "DMY")).toBe("2025-03-04 DAY");
    expect(read("Sept 2022")).toBe("2022-09-01 MONTH");
    expect(read("  13 july 2022 ")).toBe("2022-07-13 DAY");
  });
  it("refuses what it cannot read with a message that says what to write", () => {
    expect(read("31 February 2024")).toBe("error: February 2024 has no day 31.");
    expect(read("29 February 2024")).toBe("2024-02-29 DAY");
    expect(read("4/13/2025")).toBe("error: There is no month 13. Write a date such as “4 March 2025”, “March 2025” or “2025”.");
    expect(read("4/3/25")).toBe("error: Write the year in full (2025, not 25).");
    expect(read("March")).toBe("error: Add the year: “March 2025”.");
    expect(read("yesterday")).toMatch(/^error: Write a date such as/);
    expect(read("")).toMatch(/^error: Write a date such as/);
    expect(read("4/3/2025", "YMD")).toMatch(/2025\/3\/4 for 4 March/);
  });
  it("reads the order from the environment, day first by default", () => {
    expect(readDateOrder("mdy")).toBe("MDY");
    expect(readDateOrder(undefined)).toBe("DMY");
    expect(readDateOrder("nonsense")).toBe("DMY");
  });
});

const dates = fc
  .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => ({ y, m, d, iso: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` }));

describe("parseDateInput and formatDateInput, for any date", () => {
  it("read back what the field shows, at every precision", () => {
    fc.assert(
      fc.property(dates, fc.constantFrom("DAY", "MONTH", "YEAR" as const), fc.constantFrom<DateOrder>("DMY", "MDY", "YMD"), ({ iso }, precision, order) => {
        const r = parseDateInput(formatDateInput(iso, precision), order);
        const expected = precision === "DAY" ? iso : precision === "MONTH" ? `${iso.slice(0, 7)}-01` : `${iso.slice(0, 4)}-01-01`;
        expect(r).toEqual({ ok: true, date: { iso: expected, precision } });
      }),
    );
  });
  it("read numbers in the configured order", () => {
    fc.assert(
      fc.property(dates, fc.constantFrom<DateOrder>("DMY", "MDY"), ({ y, m, d, iso }, order) => {
        const typed = order === "DMY" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
        expect(parseDateInput(typed, order)).toEqual({ ok: true, date: { iso, precision: "DAY" } });
      }),
    );
  });
  it("never throw, whatever is typed", () => {
    fc.assert(fc.property(fc.string(), (text) => void parseDateInput(text, "DMY")));
  });
});

describe("lastDayOf", () => {
  it("is the end of the month or year a date names", () => {
    expect(lastDayOf({ iso: "2024-02-01", precision: "MONTH" })).toBe("2024-02-29");
    expect(lastDayOf({ iso: "2022-01-01", precision: "YEAR" })).toBe("2022-12-31");
    expect(lastDayOf({ iso: "2022-07-13", precision: "DAY" })).toBe("2022-07-13");
  });
});
