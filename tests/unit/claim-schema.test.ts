import { describe, expect, it } from "vitest";
import { claimSchema, parseTags } from "@/lib/schemas/claim";

const range = {
  statement: "Some estimates put Russian soldiers killed at 15,000 to 25,000.",
  kind: "QUANTITY",
  valueLow: "15,000",
  valueHigh: "25000",
  unit: "soldiers killed",
  asOf: "2022-08-01",
  asOfPrecision: "MONTH",
  periodStart: "2022-02-24",
};
const errorsOf = (input: object) => claimSchema.safeParse(input).error?.flatten().fieldErrors ?? {};

describe("claimSchema", () => {
  it("accepts a range with thousands separators and turns blanks into nothing", () => {
    const parsed = claimSchema.parse({ ...range, valueBest: "", metricId: "", ratePeriod: "" });
    expect(parsed).toMatchObject({ valueLow: 15000, valueHigh: 25000, valueBest: undefined, metricId: undefined, ratePeriod: undefined });
  });
  it("puts each quantity rule on the field to fix", () => {
    expect(errorsOf({ ...range, valueLow: "", valueHigh: "" }).valueBest).toEqual(["Enter the figure, or a low and a high for a range."]);
    expect(errorsOf({ ...range, valueLow: "30000" }).valueHigh).toEqual(["The high end cannot be below the low end."]);
    expect(errorsOf({ ...range, valueBest: "1000" }).valueBest).toEqual(["The best estimate must lie within the range."]);
    expect(errorsOf({ ...range, unit: " " }).unit).toEqual(["Give the unit, like “soldiers killed” or “people”."]);
    expect(errorsOf({ ...range, asOf: "", periodStart: "" }).asOf).toEqual(["Give the date the figure holds for, or its period."]);
    expect(errorsOf({ ...range, asOfPrecision: "" }).asOfPrecision).toEqual(["Say how precisely the date is known."]);
    expect(errorsOf({ ...range, valueLow: "lots" }).valueLow).toEqual(["Enter a number, like 15000, 15,000 or 15k."]);
    expect(errorsOf({ ...range, valueHigh: "1000000000000000" }).valueHigh).toEqual(["That number is too large to record."]);
    for (const guess of ["1,5", "0x10", "1e3", "15 lakh", "2,50", "15kk"]) {
      expect(errorsOf({ ...range, valueLow: guess }).valueLow, guess).toEqual(["Enter a number, like 15000, 15,000 or 15k."]);
    }
    for (const spelling of ["15000", "15,000", "15 000", "15k", "15 thousand", "15 Thousand", "0.015 million"]) {
      expect(claimSchema.parse({ ...range, valueLow: spelling, valueHigh: "25000" }).valueLow, spelling).toBe(15000);
    }
    expect(claimSchema.parse({ ...range, valueLow: "15 000.5", valueHigh: "25000" }).valueLow).toBe(15000.5);
    expect(errorsOf({ ...range, asOf: "0000-01-01" }).asOf).toEqual(["Enter a date as YYYY-MM-DD."]);
    expect(errorsOf({ ...range, periodEnd: "2022-01-01" }).periodEnd).toEqual(["The period cannot end before it starts."]);
    expect(errorsOf({ ...range, asOf: "August" }).asOf).toEqual(["Enter a date as YYYY-MM-DD."]);
  });
  it("asks date claims for a date and its precision", () => {
    const errors = errorsOf({ statement: "North Korea recognised the republics on 13 July.", kind: "DATE" });
    expect(errors.eventDate).toEqual(["Give the date it happened."]);
    expect(errors.eventDatePrecision).toEqual(["Say how precisely the date is known."]);
  });
  it("needs a real sentence and a kind", () => {
    const errors = errorsOf({ statement: "short", kind: "" });
    expect(errors.statement).toEqual(["Write the claim as a full sentence (at least 10 characters)."]);
    expect(errors.kind).toEqual(["Choose what kind of claim this is."]);
  });
});

describe("parseTags", () => {
  it("normalises, dedupes and drops blanks", () => {
    expect(parseTags(" Russia, casualties ,russia,, North Korea")).toEqual(["russia", "casualties", "north-korea"]);
    expect(parseTags(undefined)).toEqual([]);
  });
});
