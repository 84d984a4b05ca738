import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareClaims, compareEventDates, compareRateTotal, type ComparableClaim } from "@/lib/conflicts/compare";
import { claimSignature, findAllConflicts, findConflicts } from "@/lib/conflicts/detect";
import { disjoint, fromMicro, normaliseUnit, parseFigure, sameUnit, toMicro } from "@/lib/conflicts/figures";
import { readPhrase, saidDate, statementDateFinding } from "@/lib/conflicts/statement-dates";
import { numberLine } from "@/lib/conflicts/number-line";
import { conflictTitle, sourceGroup } from "@/lib/conflicts/title";
import { toDay } from "@/lib/conflicts/time";

const quantity = (id: string, fields: Partial<ComparableClaim>): ComparableClaim => ({
  id, kind: "QUANTITY", metricId: "m", unit: "people", asOf: "2022-08-01", asOfPrecision: "MONTH", ...fields,
});
// The seeds' pair: 15,000–25,000 killed over about five months, and about 100 a day.
const range = quantity("range", { valueLow: "15000", valueHigh: "25000", unit: "soldiers killed", periodStart: "2022-02-24" });
const rate = quantity("rate", { valueBest: "100", unit: "soldiers killed", ratePeriod: "DAY", periodStart: "2022-02-24" });

// Figures: whole numbers and ranges up to a billion, in millionths-safe decimals.
const amount = fc.integer({ min: 0, max: 1_000_000_000 });
const figure = fc.oneof(
  amount.map((n) => ({ valueBest: String(n) })),
  fc.tuple(amount, amount).map(([a, b]) => ({ valueLow: String(Math.min(a, b)), valueHigh: String(Math.max(a, b)) })),
  amount.map((n) => ({ valueLow: String(n) })),
  amount.map((n) => ({ valueHigh: String(n) })),
);
const when = fc.oneof(
  fc.constant({ asOf: "2022-08-01", asOfPrecision: "MONTH" as const }),
  fc.constant({ asOf: "2022-08-15", asOfPrecision: "DAY" as const }),
  fc.constant({ asOf: "2023-03-01", asOfPrecision: "DAY" as const }),
  fc.constant({ asOf: null, periodStart: "2022-02-24", periodEnd: "2022-07-31" }),
);
const claimPair = fc.tuple(figure, figure, when, when, fc.boolean(), fc.boolean()).map(([fa, fb, wa, wb, ra, rb]) => [
  quantity("a", { ...fa, ...wa, ratePeriod: ra ? "DAY" : null, periodStart: (wa as { periodStart?: string }).periodStart ?? "2022-02-24" }),
  quantity("b", { ...fb, ...wb, ratePeriod: rb ? "WEEK" : null, periodStart: (wb as { periodStart?: string }).periodStart ?? "2022-02-24" }),
] as const);

describe("figures", () => {
  it("reads the spellings of one figure as one number", () => {
    for (const text of ["15000", "15,000", "15 000", "15k", "15K", "15 thousand", "15 thousands", "0.015 million", "15000.000"]) {
      expect(parseFigure(text), text).toBe(15_000n * 1_000_000n);
    }
    expect(parseFigure("1.5 million")).toBe(1_500_000n * 1_000_000n);
    expect(parseFigure("2bn")).toBe(2_000_000_000n * 1_000_000n);
    for (const text of ["1,5", "1e3", "0x10", "lots", "15 lakh", ""]) expect(parseFigure(text), text).toBeNull();
  });

  it("normalises unit spellings and the scales they carry", () => {
    expect(normaliseUnit("Soldiers killed")).toEqual({ key: "soldier killed", factor: 1n });
    expect(normaliseUnit("soldier  killed")).toEqual({ key: "soldier killed", factor: 1n });
    expect(normaliseUnit("thousands of soldiers killed")).toEqual({ key: "soldier killed", factor: 1000n });
    expect(normaliseUnit("people").key).toBe(normaliseUnit("persons").key);
    expect(normaliseUnit("countries").key).toBe("country");
    expect(sameUnit("Countries", "country")).toBe(true);
    expect(sameUnit("people", "countries")).toBe(false);
  });

  it("property: a figure written with a scale word equals its digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(["k", 1_000n], ["thousand", 1_000n], ["million", 1_000_000n], ["bn", 1_000_000_000n]), (n, [word, factor]) => {
        expect(parseFigure(`${n} ${word}`)).toBe(BigInt(n) * factor * 1_000_000n);
        expect(parseFigure(`${n}${word}`)).toBe(BigInt(n) * factor * 1_000_000n);
        expect(parseFigure(n.toLocaleString("en-US"))).toBe(BigInt(n) * 1_000_000n);
      }),
    );
  });

  it("property: millionths round-trip through text", () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (micro) => {
      expect(toMicro(fromMicro(micro))).toBe(micro);
    }));
  });
});

describe("the comparator", () => {
  it("property: symmetric, whichever claim is saved first", () => {
    fc.assert(
      fc.property(claimPair, ([a, b]) => {
        expect(compareClaims(a, b)).toEqual(compareClaims(b, a));
      }),
    );
  });

  it("property: overlapping ranges never conflict", () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (w, x, y, z) => {
        const [l1, h1] = [Math.min(w, x), Math.max(w, x)];
        const [l2, h2] = [Math.min(y, z), Math.max(y, z)];
        fc.pre(l1 <= h2 && l2 <= h1);
        const a = quantity("a", { valueLow: String(l1), valueHigh: String(h1) });
        const b = quantity("b", { valueLow: String(l2), valueHigh: String(h2) });
        expect(compareClaims(a, b)).toBeNull();
      }),
    );
  });

  it("property: ranges that do not overlap always conflict", () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (low, width, gap, width2) => {
        const a = quantity("a", { valueLow: String(low), valueHigh: String(low + width) });
        const b = quantity("b", { valueLow: String(low + width + gap), valueHigh: String(low + width + gap + width2) });
        expect(compareClaims(a, b)?.kind).toBe("VALUE");
      }),
    );
  });

  it("property: scaling both figures alike changes nothing", () => {
    fc.assert(
      fc.property(claimPair, fc.constantFrom(["thousand", 1000], ["million", 1_000_000], ["", 7], ["", 3]), ([a, b], [word, factor]) => {
        const scale = (c: ComparableClaim): ComparableClaim => {
          if (word) return { ...c, unit: `${word} ${c.unit}` };
          const times = (v: unknown) => (v === undefined || v === null ? v : String(BigInt(String(v)) * BigInt(factor)));
          return { ...c, valueLow: times(c.valueLow) as string, valueHigh: times(c.valueHigh) as string, valueBest: times(c.valueBest) as string };
        };
        expect(compareClaims(scale(a), scale(b))?.kind ?? null).toBe(compareClaims(a, b)?.kind ?? null);
      }),
    );
  });

  it("property: unit spellings normalise: the same figures in another spelling of the unit compare alike", () => {
    fc.assert(
      fc.property(claimPair, fc.constantFrom(["people", "persons"], ["people", "People"], ["soldiers killed", "soldier killed"], ["countries", " Countries "]), ([a, b], [u1, u2]) => {
        const result = compareClaims({ ...a, unit: u1 }, { ...b, unit: u1 });
        expect(compareClaims({ ...a, unit: u1 }, { ...b, unit: u2 })?.kind ?? null).toBe(result?.kind ?? null);
      }),
    );
  });

  it("compares totals at their moment, and compares undated figures with nothing", () => {
    // Deaths since 24 Feb: 15,000 by the end of July and 25,000 by the end of September both hold.
    const july = quantity("a", { valueBest: "15000", asOf: null, periodStart: "2022-02-24", periodEnd: "2022-07-31" });
    const september = quantity("b", { valueBest: "25000", asOf: null, periodStart: "2022-02-24", periodEnd: "2022-09-30" });
    expect(compareClaims(july, september)).toBeNull();
    expect(compareClaims(july, { ...september, id: "c", periodEnd: "2022-07-31" })?.kind).toBe("VALUE");
    expect(compareClaims(quantity("a", { valueBest: "1", asOf: null }), quantity("b", { valueBest: "2", asOf: null }))).toBeNull();
    expect(normaliseUnit("m")).toEqual({ key: "m", factor: 1n });
  });

  it("leaves claims on other metrics, at other times or in other units alone", () => {
    const a = quantity("a", { valueBest: "100000" });
    expect(compareClaims(a, quantity("b", { valueBest: "30000", metricId: "other" }))).toBeNull();
    expect(compareClaims(a, quantity("b", { valueBest: "30000", asOf: "2023-01-01", asOfPrecision: "DAY" }))).toBeNull();
    expect(compareClaims(a, quantity("b", { valueBest: "30000", unit: "countries" }))).toBeNull();
    expect(compareClaims(a, quantity("b", { valueBest: "30000" }))?.kind).toBe("VALUE");
    expect(compareClaims(a, quantity("b", { valueBest: "100", unit: "thousand people" }))).toBeNull();
  });

  it("shows the arithmetic of the seeds' rate against the total", () => {
    const found = compareRateTotal(rate, range)!;
    expect(found.kind).toBe("RATE_TOTAL");
    expect(found.claimIds).toEqual(["range", "rate"]);
    expect(found.detail).toMatchObject({ severity: "tension", end: "low", days: [158, 188], impliedTotal: ["15800", "18800"] });
    expect(found.detail.arithmetic).toEqual([
      "100 a day × 158–188 days (24 Feb 2022 to Aug 2022) = 15,800–18,800 in total.",
      "15,000–25,000 over 158–188 days = 80–158 a day.",
      "The rate fits only the low end of the range: its total 15,800–18,800 lies below the range's midpoint, 20,000.",
    ]);
    expect(compareClaims(range, rate)).toEqual(found);
  });

  it("calls a rate that cannot make the total a contradiction, and one in the middle no conflict", () => {
    expect(compareRateTotal({ ...rate, valueBest: "20" }, range)?.detail.severity).toBe("contradiction");
    expect(compareRateTotal({ ...rate, valueBest: "400" }, range)?.detail.severity).toBe("contradiction");
    expect(compareRateTotal({ ...rate, valueBest: "140" }, range)?.detail).toMatchObject({ severity: "tension", end: "high" });
    expect(compareRateTotal({ ...rate, valueBest: "125" }, range)).toBeNull();
    expect(compareRateTotal({ ...rate, valueBest: "700", ratePeriod: "WEEK" }, range)?.detail.severity).toBe("tension");
    expect(compareRateTotal(rate, { ...range, periodStart: null })).toBeNull();
  });

  it("compares event dates at the precision both share", () => {
    const date = (id: string, eventDate: string, eventDatePrecision: "DAY" | "MONTH" | "YEAR"): ComparableClaim => ({ id, kind: "DATE", eventId: "e", eventDate, eventDatePrecision });
    expect(compareEventDates(date("a", "2022-07-13", "DAY"), date("b", "2022-07-14", "DAY"))?.kind).toBe("DATE");
    expect(compareEventDates(date("a", "2022-07-13", "DAY"), date("b", "2022-07-01", "MONTH"))).toBeNull();
    expect(compareEventDates(date("a", "2022-07-13", "DAY"), date("b", "2022-06-01", "MONTH"))?.detail.precision).toBe("MONTH");
    expect(compareEventDates(date("a", "2014-05-11", "DAY"), date("b", "2014-01-01", "YEAR"))).toBeNull();
    expect(compareEventDates(date("a", "2022-07-13", "DAY"), { ...date("b", "2022-07-14", "DAY"), eventId: "other" })).toBeNull();
  });
});

describe("statement dates", () => {
  const source = (publishedAt: string | null, publishedPrecision: "DAY" | "MONTH" | null) => ({ title: "Article", publishedAt, publishedPrecision });
  it("reads a bare weekday as the last one on or before publication", () => {
    expect(readPhrase("Monday", toDay("2022-07-01")!)).toEqual({ from: toDay("2022-06-27"), to: toDay("2022-06-27") });
    expect(readPhrase("on Monday", toDay("2022-07-04")!)).toEqual({ from: toDay("2022-07-04"), to: toDay("2022-07-04") });
    expect(readPhrase("in July", toDay("2022-08-01")!)).toEqual({ from: toDay("2022-07-01"), to: toDay("2022-07-31") });
  });

  it("raises the seeds' question: “in July” against “Monday” in an article dated only to July", () => {
    const found = statementDateFinding("s", [
      { id: "c1", saidOn: "2022-07-01", saidPrecision: "MONTH", saidText: "in July", source: source("2022-08-01", "MONTH") },
      { id: "c2", saidText: "Monday", source: source("2022-07-01", "MONTH") },
    ])!;
    expect(found).toMatchObject({ kind: "STATEMENT_DATE", claimIds: ["s"], detail: { severity: "question" } });
    expect(found.summary).toContain("“Monday” (between 27 Jun 2022 and 25 Jul 2022");
    expect(saidDate({ id: "c3", saidText: "Monday", source: source(null, null) })).toBeNull();
  });

  it("is satisfied when every citation gives the same date, and certain when they cannot agree", () => {
    const c1 = { id: "c1", saidOn: "2022-07-04", saidPrecision: "DAY" as const, source: source("2022-07-05", "DAY") };
    expect(statementDateFinding("s", [c1, { id: "c2", saidText: "Monday", source: source("2022-07-05", "DAY") }])).toBeNull();
    expect(statementDateFinding("s", [c1, { id: "c2", saidText: "yesterday", source: source("2022-08-10", "DAY") }])?.detail.severity).toBe("contradiction");
    expect(statementDateFinding("s", [c1])).toBeNull();
  });
});

describe("detection over a group", () => {
  it("finds each pair once, ignores claims found false, and keys a claim's content, not its status", () => {
    const a = quantity("a", { valueBest: "10" });
    const b = quantity("b", { valueBest: "20" });
    const c = quantity("c", { valueBest: "30" });
    const all = [a, b, c].map((x) => ({ ...x, status: "UNVERIFIED" }));
    // Figures at one time make one group conflict, not a conflict per pair.
    expect(findAllConflicts(all).map((f) => f.claimIds)).toEqual([["a", "b", "c"]]);
    expect(findAllConflicts(all)[0]!.summary).toBe("3 figures for overlapping times cannot all hold: they run from 10 to 30.");
    expect(findConflicts([all[0]!], all)).toHaveLength(1);
    expect(findAllConflicts([{ ...all[0]!, status: "FALSE" }, all[1]!, all[2]!]).map((f) => f.claimIds)).toEqual([["b", "c"]]);
    expect(claimSignature({ ...all[0]!, status: "VERIFIED" })).toBe(claimSignature(all[0]!));
    expect(claimSignature({ ...all[0]!, valueBest: "11" })).not.toBe(claimSignature(all[0]!));
    expect(disjoint({ low: 1n, high: 2n }, { low: 3n, high: null })).toBe(true);
  });
});

describe("value groups", () => {
  // Brute force: a figure is in conflict when some other, at an overlapping time, contradicts it.
  const bruteForce = (claims: ComparableClaim[]) =>
    claims.filter((a) => claims.some((b) => b.id !== a.id && compareClaims(a, b)?.kind === "VALUE")).map((c) => c.id).sort();
  const groupOf = fc.array(fc.tuple(figure, when), { minLength: 2, maxLength: 12 }).map((rows) =>
    rows.map(([f, w], i) => quantity(`c${String(i).padStart(2, "0")}`, { ...f, ...w, periodStart: (w as { periodStart?: string }).periodStart })),
  );

  it("property: the claims in value conflicts are exactly those some other figure contradicts", () => {
    fc.assert(
      fc.property(groupOf, (claims) => {
        const found = findAllConflicts(claims.map((c) => ({ ...c, status: "UNVERIFIED" })))
          // Value groups only: figures at different times are judged by the metric's kind (tests/unit/comparator-cases.test.ts).
          .filter((f) => f.kind === "VALUE" && !f.detail.rule)
          .flatMap((f) => f.claimIds)
          .sort();
        expect(found).toEqual(bruteForce(claims));
      }),
    );
  });

  it("groups thousands of figures at one time in one conflict", () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ...quantity(`m${i}`, { valueBest: String(i) }), status: "UNVERIFIED" }));
    const found = findAllConflicts(many);
    expect(found).toHaveLength(1);
    expect(found[0]!.claimIds).toHaveLength(12_000);
  });
});

describe("the number line", () => {
  it("draws the rate's implied total beside the total, with the band they share", () => {
    const found = compareRateTotal(rate, range)!;
    const line = numberLine("RATE_TOTAL", [range, rate], found.detail, (id) => (id === "range" ? "Claim 1" : "Claim 2"))!;
    expect(line.axis).toBe("number");
    expect(line.rows.map((r) => [r.label, r.detail, r.low, r.high, r.tone, r.verified])).toEqual([
      ["Claim 1", "15,000–25,000", 15000, 25000, "claim", false],
      ["Claim 2 × 158–188 days", "100 per day makes 15,800–18,800 in total", 15800, 18800, "implied", false],
    ]);
    expect(line.shared).toEqual({ low: 15800, high: 18800 });
    // The arithmetic's midpoint: the implied total lies below it, so the rate fits only the low end.
    expect(line.midpoint).toEqual({ value: 20000, label: "Midpoint of the total, 20,000" });
    const verified = numberLine("RATE_TOTAL", [{ ...range, status: "VERIFIED" }, rate], found.detail, (id) => id)!;
    expect(verified.rows.map((r) => r.verified)).toEqual([true, false]);
  });

  it("says when figures share no value, and draws open ends", () => {
    const line = numberLine("VALUE", [quantity("a", { valueBest: "5" }), quantity("b", { valueLow: "10" })], null, (id) => id)!;
    expect(line.rows.map((r) => [r.detail, r.low, r.high])).toEqual([["5", 5, 5], ["at least 10", 10, null]]);
    expect(line.shared).toBeNull();
    expect(line.midpoint).toBeNull();
  });
});

describe("conflictTitle", () => {
  const range = { statement: "Some estimates put deaths at 15,000 to 25,000.", kind: "QUANTITY", valueLow: "15000", valueHigh: "25000", unit: "soldiers killed", metric: { name: "Russian military deaths" } };
  const rate = { statement: "About 100 soldiers a day.", kind: "QUANTITY", valueBest: "100", unit: "soldiers killed", ratePeriod: "DAY" as const, metric: { name: "Russian military deaths" } };
  it("leads with the metric or event, then what each claim says", () => {
    expect(conflictTitle("RATE_TOTAL", [range, rate])).toBe("Russian military deaths: 15,000–25,000 soldiers killed against 100 soldiers killed per day");
    const a = { statement: "Recognised on 13 July 2022.", kind: "DATE", eventDate: "2022-07-13", eventDatePrecision: "DAY" as const, event: { name: "North Korea recognises the DPR and LPR" } };
    const b = { ...a, eventDate: "2022-06-01", eventDatePrecision: "MONTH" as const };
    expect(conflictTitle("DATE", [a, b])).toBe("North Korea recognises the DPR and LPR: 13 Jul 2022 against Jun 2022");
  });
  it("quotes the statement when the question is when it was said, and the claims when they share no metric", () => {
    expect(conflictTitle("STATEMENT_DATE", [{ statement: "Matsegora said builders would go to Donbas.", kind: "ATTRIBUTED_STATEMENT" }])).toBe(
      "When was it said? “Matsegora said builders would go to Donbas.”",
    );
    expect(conflictTitle("MANUAL", [{ statement: "A.", kind: "EVENT" }, { statement: "B.", kind: "EVENT" }])).toBe("“A.” against “B.”");
  });
});

describe("sourceGroup", () => {
  it("groups by the same set of sources whatever their order, and names them", () => {
    const a = { id: "1", title: "North Korea offers volunteers" };
    const b = { id: "2", title: "Kim's gift to Putin" };
    expect(sourceGroup([a, b, a])).toEqual({ key: "2+1", heading: "“Kim's gift to Putin” and “North Korea offers volunteers”" });
    expect(sourceGroup([b, a])!.key).toBe(sourceGroup([a, b])!.key);
    expect(sourceGroup([])).toBeNull();
  });
});
