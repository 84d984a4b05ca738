// Realistic newsroom cases for the comparator (issue 12), each with the outcome an editor would
// expect and one line of why. Figures, rates, periods, units, approximations, dates and statement
// dates; every case runs through the same entry point as the re-scan (findAllConflicts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ComparableClaim, MetricRules } from "@/lib/conflicts/compare";
import { findAllConflicts, type DetectableClaim } from "@/lib/conflicts/detect";
import { normaliseUnit, sameUnit, signRefusal, widen } from "@/lib/conflicts/figures";
import type { DatedCitation } from "@/lib/conflicts/statement-dates";

type Outcome = { kind: "VALUE" | "RATE_TOTAL" | "DATE" | "STATEMENT_DATE"; severity: "CONTRADICTION" | "TENSION" | "QUESTION"; says?: string };
interface Case {
  name: string;
  claims: DetectableClaim[];
  expected: Outcome[];
  why: string;
}

const running: MetricRules = { figureKind: "RUNNING_TOTAL" };
const count: MetricRules = { figureKind: "PERIOD_COUNT" };
const level: MetricRules = { figureKind: "LEVEL" };
let n = 0;
const q = (fields: Partial<ComparableClaim>): DetectableClaim => ({
  id: `c${String(++n).padStart(3, "0")}`, kind: "QUANTITY", status: "UNVERIFIED", metricId: "m", unit: "people", metric: running, ...fields,
});
const onDay = (asOf: string) => ({ asOf, asOfPrecision: "DAY" as const });
const inMonth = (asOf: string) => ({ asOf, asOfPrecision: "MONTH" as const });
const best = (v: string, more: Partial<ComparableClaim> = {}) => q({ valueBest: v, ...onDay("2022-07-01"), ...more });
const seedsTotal = () => q({ valueLow: "15000", valueHigh: "25000", unit: "soldiers killed", periodStart: "2022-02-24", ...inMonth("2022-08-01") });
const rate = (v: string, more: Partial<ComparableClaim> = {}) => q({ valueBest: v, unit: "soldiers killed", ratePeriod: "DAY", periodStart: "2022-02-24", ...inMonth("2022-08-01"), ...more });
const date = (eventDate: string, eventDatePrecision: "DAY" | "MONTH" | "YEAR"): DetectableClaim => ({ id: `c${String(++n).padStart(3, "0")}`, kind: "DATE", status: "UNVERIFIED", eventId: "e", eventDate, eventDatePrecision });
const cite = (said: { saidText?: string; saidOn?: string; saidPrecision?: "DAY" | "MONTH" }, published: string | null, title: string): DatedCitation => ({
  id: `cite-${++n}`, ...said, source: { title, outlet: title, publishedAt: published, publishedPrecision: published ? "DAY" : null },
});
const statement = (...citations: DatedCitation[]): DetectableClaim => ({ id: `c${String(++n).padStart(3, "0")}`, kind: "ATTRIBUTED_STATEMENT", status: "UNVERIFIED", citations });

const contradiction = (kind: Outcome["kind"], says?: string): Outcome => ({ kind, severity: "CONTRADICTION", says });
const tension = (says?: string): Outcome => ({ kind: "RATE_TOTAL", severity: "TENSION", says });
const question = (says?: string): Outcome => ({ kind: "STATEMENT_DATE", severity: "QUESTION", says });

const CASES: Case[] = [
  // Single figures at one time
  { name: "two exact counts for the same day", claims: [best("1200"), best("1240")], expected: [contradiction("VALUE", "1 Jul 2022")], why: "Exact figures for one day that differ cannot both hold, and the summary names the day." },
  { name: "“about 1,200” against 1,240", claims: [best("1200", { approximate: true }), best("1240")], expected: [], why: "About 1,200 allows 1,080–1,320 at the default 10 %: 1,240 fits." },
  { name: "“about 1,200” against 1,400", claims: [best("1200", { approximate: true }), best("1400")], expected: [contradiction("VALUE", "±10 %: 1,080–1,320")], why: "1,400 lies outside even the tolerance, which the explanation shows." },
  { name: "“about 1,200” against 1,240 on a metric with 2 % tolerance", claims: [best("1200", { approximate: true, metric: { ...running, tolerancePercent: "2" } }), best("1240", { metric: { ...running, tolerancePercent: "2" } })], expected: [contradiction("VALUE", "±2 %")], why: "A metric of precise counts narrows the tolerance to 1,176–1,224." },
  { name: "a range and a figure inside it", claims: [q({ valueLow: "15000", valueHigh: "25000", ...onDay("2022-07-01") }), best("20000")], expected: [], why: "20,000 lies within 15,000–25,000." },
  { name: "“15k” and “15,000” as stored", claims: [best("15000"), best("15000.000000")], expected: [], why: "The same number however it was written." },
  { name: "“at least 10,000” and 8,000", claims: [q({ valueLow: "10000", ...onDay("2022-07-01") }), best("8000")], expected: [contradiction("VALUE")], why: "An open-ended minimum rules out anything below it." },
  { name: "two figures with different as-of months on a level metric", claims: [best("5000", { metric: level, ...inMonth("2022-06-01") }), best("3000", { metric: level, ...inMonth("2022-08-01") })], expected: [], why: "Troops deployed rise and fall: levels at different moments are not compared." },
  { name: "two levels on the same day", claims: [best("5000", { metric: level }), best("3000", { metric: level })], expected: [contradiction("VALUE")], why: "A level has one value at one moment." },
  { name: "a day figure inside a month figure, different values", claims: [best("1000", inMonth("2022-07-01")), best("1500", onDay("2022-07-10"))], expected: [contradiction("VALUE")], why: "“As of July” may be 10 July: the two overlap in time and disagree." },
  // Units
  { name: "30 % against 30 percent", claims: [best("30", { unit: "%" }), best("30", { unit: "percent" })], expected: [], why: "“%” and “percent” are one unit, and the figures agree." },
  { name: "30 % against 45 per cent", claims: [best("30", { unit: "%" }), best("45", { unit: "per cent" })], expected: [contradiction("VALUE")], why: "Same unit spelled differently; the shares differ." },
  { name: "30 % against 300 people", claims: [best("30", { unit: "%" }), best("300", { unit: "people" })], expected: [], why: "A percentage is never compared with a count." },
  { name: "a share in percent against one in percentage points", claims: [best("3", { unit: "%" }), best("5", { unit: "percentage points" })], expected: [], why: "Percentage points measure a change, not a share." },
  { name: "$5 million against USD 5,000,000", claims: [best("5", { unit: "million $" }), best("5000000", { unit: "USD" })], expected: [], why: "“$” is USD and “million” a scale: the same sum." },
  { name: "$5 million against €6 million", claims: [best("5000000", { unit: "$" }), best("6000000", { unit: "EUR" })], expected: [], why: "Two currencies are never compared: no exchange rate is implied." },
  { name: "5 million USD against $7 million", claims: [best("5", { unit: "million USD" }), best("7000000", { unit: "$" })], expected: [contradiction("VALUE")], why: "One currency, two different sums for one date." },
  { name: "£10bn against GBP 12bn", claims: [best("10000000000", { unit: "£" }), best("12000000000", { unit: "GBP" })], expected: [contradiction("VALUE")], why: "“£” and “GBP” are one currency." },
  { name: "a figure with no unit against one in people", claims: [best("500", { unit: null }), best("700", { unit: "people" })], expected: [], why: "A figure with no unit is compared only with figures with no unit." },
  { name: "two figures with no unit", claims: [best("500", { unit: null }), best("700", { unit: null })], expected: [contradiction("VALUE")], why: "Both unitless, same metric and day: they disagree." },
  { name: "15 thousand soldiers killed against 20,000 soldiers killed", claims: [best("15", { unit: "thousand soldiers killed" }), best("20000", { unit: "soldiers killed" })], expected: [contradiction("VALUE")], why: "The scale in the unit is applied before comparing: 15,000 against 20,000." },
  // Running totals, period counts
  { name: "a running total that falls", claims: [best("20000", { periodStart: "2022-02-24", ...onDay("2022-06-01") }), best("15000", { periodStart: "2022-02-24", ...onDay("2022-08-01") })], expected: [contradiction("VALUE", "cannot fall")], why: "Deaths since 24 Feb cannot be fewer in August than in June." },
  { name: "a running total that grows", claims: [best("15000", { periodStart: "2022-02-24", ...onDay("2022-06-01") }), best("20000", { periodStart: "2022-02-24", ...onDay("2022-08-01") })], expected: [], why: "A later, larger total is what a running total does." },
  { name: "a falling total from a different start", claims: [best("20000", { periodStart: "2022-02-24", ...onDay("2022-06-01") }), best("15000", { periodStart: "2022-03-01", ...onDay("2022-08-01") })], expected: [], why: "Totals from different starts are different series." },
  { name: "an earlier range and a later figure that could follow it", claims: [q({ valueLow: "10000", valueHigh: "20000", periodStart: "2022-02-24", ...onDay("2022-06-01") }), best("15000", { periodStart: "2022-02-24", ...onDay("2022-08-01") })], expected: [], why: "12,000 in June and 15,000 in August fit both." },
  { name: "a count for the first half of July above the count for July", claims: [q({ valueBest: "800", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-15" }), q({ valueBest: "300", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-31" })], expected: [contradiction("VALUE", "part of a period")], why: "Part of a month cannot hold more than the whole month." },
  { name: "a count for the first half of July below the count for July", claims: [q({ valueBest: "300", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-15" }), q({ valueBest: "800", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-31" })], expected: [], why: "The rest of the month may hold the other 500." },
  { name: "counts for July and for August", claims: [q({ valueBest: "300", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-31" }), q({ valueBest: "800", metric: count, periodStart: "2022-08-01", periodEnd: "2022-08-31" })], expected: [], why: "Different spans count different things." },
  { name: "two counts for July", claims: [q({ valueBest: "300", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-31" }), q({ valueBest: "500", metric: count, periodStart: "2022-07-01", periodEnd: "2022-07-31" })], expected: [contradiction("VALUE")], why: "One span, two counts." },
  { name: "counts for overlapping quarters", claims: [q({ valueBest: "100", metric: count, periodStart: "2022-01-01", periodEnd: "2022-03-31" }), q({ valueBest: "500", metric: count, periodStart: "2022-02-01", periodEnd: "2022-04-30" })], expected: [], why: "Overlapping but not nested spans say nothing about each other." },
  // Rates against totals
  { name: "the seeds: about 100 a day against 15,000–25,000", claims: [seedsTotal(), rate("100")], expected: [tension("24 Feb 2022 to Aug 2022")], why: "15,800–18,800 fits only the low end of the range; the arithmetic names the days." },
  { name: "20 a day against 15,000–25,000", claims: [seedsTotal(), rate("20")], expected: [contradiction("RATE_TOTAL")], why: "3,160–3,760 cannot make 15,000." },
  { name: "140 a day against 15,000–25,000", claims: [seedsTotal(), rate("140")], expected: [tension()], why: "22,120–26,320 sits in the high half of the range." },
  { name: "700 a week against 15,000–25,000", claims: [seedsTotal(), rate("700", { ratePeriod: "WEEK" })], expected: [tension()], why: "A week rate is 100 a day: the seeds' tension again." },
  { name: "300 a day through July against 5,000 from 24 Feb to 1 Aug", claims: [q({ valueBest: "5000", unit: "soldiers killed", periodStart: "2022-02-24", ...onDay("2022-08-01") }), rate("300", { periodStart: "2022-07-01", periodEnd: "2022-07-31", asOf: null, asOfPrecision: null })], expected: [contradiction("RATE_TOTAL", "31 days (1 Jul 2022 to 31 Jul 2022)")], why: "July alone makes 9,300, more than the whole period's 5,000; only July's days are counted." },
  { name: "300 a day through July against 15,000–25,000 from 24 Feb to 1 Aug", claims: [q({ valueLow: "15000", valueHigh: "25000", unit: "soldiers killed", periodStart: "2022-02-24", ...onDay("2022-08-01") }), rate("300", { periodStart: "2022-07-01", periodEnd: "2022-07-31", asOf: null, asOfPrecision: null })], expected: [], why: "9,300 in July leaves room in the total: a sub-period rate is not multiplied over the whole period." },
  { name: "300 a day in September against a total to 1 Aug", claims: [q({ valueBest: "5000", unit: "soldiers killed", periodStart: "2022-02-24", ...onDay("2022-08-01") }), rate("300", { periodStart: "2022-09-01", periodEnd: "2022-09-30", asOf: null, asOfPrecision: null })], expected: [], why: "A rate outside the total's period is not compared." },
  { name: "a rate against a level", claims: [best("5000", { metric: level, unit: "soldiers killed", periodStart: "2022-02-24", ...inMonth("2022-08-01") }), rate("100", { metric: level })], expected: [], why: "A level is not a sum of days." },
  { name: "about 100 a day (±10 %) against 15,000–25,000", claims: [seedsTotal(), rate("100", { approximate: true })], expected: [tension("±10 %")], why: "The stated figure still fits only the low end; the tolerance is shown." },
  { name: "100 a day against about 30,000", claims: [q({ valueBest: "30000", approximate: true, unit: "soldiers killed", periodStart: "2022-02-24", ...inMonth("2022-08-01") }), rate("100")], expected: [contradiction("RATE_TOTAL", "27,000–33,000")], why: "15,800–18,800 misses 27,000–33,000, the total's tolerance." },
  // Event dates
  { name: "21 Feb 2022 against 22 Feb 2022", claims: [date("2022-02-21", "DAY"), date("2022-02-22", "DAY")], expected: [contradiction("DATE")], why: "Two days for one event." },
  { name: "Feb 2022 against 21 Feb 2022", claims: [date("2022-02-01", "MONTH"), date("2022-02-21", "DAY")], expected: [], why: "At the month they share, both say February." },
  { name: "2014 against 2015", claims: [date("2014-01-01", "YEAR"), date("2015-01-01", "YEAR")], expected: [contradiction("DATE")], why: "Different years at year precision." },
  // Statement dates
  { name: "“in July” against “Monday”", claims: [statement(cite({ saidText: "in July" }, "2022-08-05", "National Review"), cite({ saidText: "Monday" }, "2022-07-05", "NR Monday piece"))], expected: [question("may agree")], why: "Monday 4 July lies in July: they may agree, an editor settles it." },
  { name: "“in July” read against a publication in March 2023", claims: [statement(cite({ saidText: "in July" }, "2023-03-02", "Monthly review"), cite({ saidOn: "2022-07-04", saidPrecision: "DAY" }, "2022-07-05", "Wire"))], expected: [question("Jul 2022")], why: "A month resolves on or before publication: July 2022, not July 2023." },
  { name: "“in June” against 13 July", claims: [statement(cite({ saidText: "in June" }, "2022-08-05", "Magazine"), cite({ saidOn: "2022-07-13", saidPrecision: "DAY" }, "2022-07-14", "Wire"))], expected: [contradiction("STATEMENT_DATE")], why: "June and 13 July cannot both be the day it was said." },
  { name: "“Monday” in a source with no publication date", claims: [statement(cite({ saidText: "Monday" }, null, "Undated blog"), cite({ saidOn: "2022-07-04", saidPrecision: "DAY" }, "2022-07-05", "Wire"))], expected: [question("cannot be dated")], why: "The weekday cannot be placed: a question instead of silence." },
  { name: "two sources giving the same day", claims: [statement(cite({ saidOn: "2022-07-04", saidPrecision: "DAY" }, "2022-07-05", "Wire"), cite({ saidText: "Monday" }, "2022-07-05", "Paper"))], expected: [], why: "“Monday” read against Tue 5 July is 4 July: the same day." },
];

describe("the comparator on realistic newsroom cases", () => {
  it("has at least 40 cases, each with a reason", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) expect(c.why.length, c.name).toBeGreaterThan(10);
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.expected.length ? c.expected.map((e) => `${e.severity.toLowerCase()} (${e.kind})`).join(", ") : "no conflict"}`, () => {
      const found = findAllConflicts(c.claims);
      expect(found.map((f) => ({ kind: f.kind, severity: f.severity })), c.why).toEqual(c.expected.map(({ kind, severity }) => ({ kind, severity })));
      for (const [i, e] of c.expected.entries()) if (e.says) expect(found[i]!.summary, c.why).toContain(e.says);
    });
  }
});

describe("unit and sign rules", () => {
  it("negative figures are refused unless the metric allows signed values", () => {
    expect(signRefusal(["-5", null, null], false)).toContain("cannot be negative");
    expect(signRefusal(["-5", null, null], true)).toBeNull();
    expect(signRefusal([0, "12", null], false)).toBeNull();
  });

  it("property: unit spellings that name one unit compare, currencies and percentages never cross", () => {
    const spelling = fc.constantFrom(["%", "percent"], ["per cent", "percent"], ["$", "usd"], ["USD", "usd"], ["US dollars", "usd"], ["€", "eur"], ["euros", "eur"], ["£", "gbp"], ["GBP", "gbp"], ["people", "person"]);
    fc.assert(
      fc.property(spelling, spelling, ([a, ka], [b, kb]) => {
        expect(normaliseUnit(a).key).toBe(ka);
        expect(sameUnit(a, b)).toBe(ka === kb);
      }),
    );
  });

  it("property: a tolerance only widens, and symmetrically in percent", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 100 }), (micro, percent) => {
        const w = widen({ low: micro, high: micro }, percent);
        expect(w.low! <= micro && w.high! >= micro).toBe(true);
        expect(micro - w.low!).toBeLessThanOrEqual(w.high! - micro);
        expect(w.high! - micro - (micro - w.low!)).toBeLessThanOrEqual(1n);
      }),
    );
  });

  it("property: approximate never creates a conflict that the exact figures do not have", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.boolean(), (a, b, approxA, approxB) => {
        const exact = findAllConflicts([best(String(a)), best(String(b))]).length;
        const approx = findAllConflicts([best(String(a), { approximate: approxA }), best(String(b), { approximate: approxB })]).length;
        expect(approx).toBeLessThanOrEqual(exact);
      }),
    );
  });

  it("property: a running total is contradicted across time exactly when an earlier minimum exceeds a later maximum", () => {
    const point = fc.record({ day: fc.integer({ min: 0, max: 300 }), value: fc.integer({ min: 0, max: 50_000 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 8 }), (points) => {
        const claims = points.map((p) => best(String(p.value), { periodStart: "2022-01-01", ...onDay(new Date(Date.UTC(2022, 1, 1 + p.day)).toISOString().slice(0, 10)) }));
        const falls = findAllConflicts(claims).filter((f) => f.detail.rule === "running-total");
        const expected = points.some((a) => points.some((b) => a.day < b.day && a.value > b.value));
        expect(falls.length > 0).toBe(expected);
      }),
    );
  });
});
