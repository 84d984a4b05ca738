import "@/lib/zod-config";
import { z } from "zod";
import { fromMicro, parseFigure } from "@/lib/conflicts/figures";
import { DATE_PRECISIONS, RATE_PERIODS } from "@/lib/values";
import { blankToUndefined, day, optionalText } from "./fields";

export const CLAIM_KINDS = ["QUANTITY", "DATE", "EVENT", "ATTRIBUTED_STATEMENT"] as const;

/**
 * Figures as people write them: "15000", "15,000", "15 000", "15k", "15 thousand", "1.5 million".
 * "1,5", "0x10" and "1e3" are refused rather than guessed at, to keep input exact.
 */
const figure = z.preprocess(
  (v) => {
    if (typeof v !== "string") return blankToUndefined(v);
    const text = v.trim();
    if (text === "") return undefined;
    const micro = parseFigure(text);
    return micro === null ? Number.NaN : Number(fromMicro(micro));
  },
  z
    .number({ error: "Enter a number, like 15000, 15,000 or 15k." })
    .finite("Enter a number, like 15000, 15,000 or 15k.")
    // The column is NUMERIC(24, 6): refuse here what the database would refuse with an error.
    .refine((n) => Math.abs(n) < 1e15, "That number is too large to record.")
    .optional(),
);

const claimFields = z.object({
  statement: z.string().trim().min(10, "Write the claim as a full sentence (at least 10 characters).").max(1000, "Keep the claim under 1,000 characters."),
  kind: z.enum(CLAIM_KINDS, { error: "Choose what kind of claim this is." }),
  metricId: z.preprocess(blankToUndefined, z.uuid("Choose a metric from the list.").optional()),
  valueLow: figure,
  valueHigh: figure,
  valueBest: figure,
  unit: optionalText(100, "unit"),
  ratePeriod: z.preprocess(blankToUndefined, z.enum(RATE_PERIODS).optional()),
  asOf: day,
  asOfPrecision: z.preprocess(blankToUndefined, z.enum(DATE_PRECISIONS).optional()),
  periodStart: day,
  periodEnd: day,
  periodText: optionalText(200, "wording of the time"),
  /** "About", "roughly", "some", "nearly": compared within the metric's tolerance. */
  approximate: z.boolean().default(false),
  eventId: z.preprocess(blankToUndefined, z.uuid("Choose an event from the list.").optional()),
  eventDate: day,
  eventDatePrecision: z.preprocess(blankToUndefined, z.enum(DATE_PRECISIONS).optional()),
  /** Who made an attributed statement; found or created as an actor by name. */
  speakerName: optionalText(200, "speaker’s name"),
  tags: optionalText(500, "tags"),
});

type ClaimFields = z.output<typeof claimFields>;

/** Rules that tie fields together, reported on the field the editor must change. */
function checkClaim(v: ClaimFields, ctx: z.RefinementCtx) {
  const issue = (path: keyof ClaimFields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.kind === "QUANTITY") {
    if (v.valueLow === undefined && v.valueHigh === undefined && v.valueBest === undefined) issue("valueBest", "Enter the figure, or a low and a high for a range.");
    if (v.valueLow !== undefined && v.valueHigh !== undefined && v.valueLow > v.valueHigh) issue("valueHigh", "The high end cannot be below the low end.");
    if (v.valueBest !== undefined && ((v.valueLow !== undefined && v.valueBest < v.valueLow) || (v.valueHigh !== undefined && v.valueBest > v.valueHigh))) {
      issue("valueBest", "The best estimate must lie within the range.");
    }
    if (!v.unit) issue("unit", "Give the unit, like “soldiers killed” or “people”.");
    if (!v.asOf && !v.periodStart && !v.periodEnd) issue("asOf", "Give the date the figure holds for, or its period.");
    if (v.asOf && !v.asOfPrecision) issue("asOfPrecision", "Say how precisely the date is known.");
  }
  if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) issue("periodEnd", "The period cannot end before it starts.");
  if (v.kind === "ATTRIBUTED_STATEMENT" && !v.speakerName) issue("speakerName", "Name who made the statement.");
  if (v.kind === "DATE") {
    if (!v.eventDate) issue("eventDate", "Give the date it happened.");
    if (!v.eventDatePrecision) issue("eventDatePrecision", "Say how precisely the date is known.");
  }
}

export const claimSchema = claimFields.superRefine(checkClaim);
export const editClaimSchema = claimFields
  .extend({ id: z.uuid("Unknown claim."), version: z.coerce.number().int().min(1) })
  .superRefine(checkClaim);

export type ClaimInput = z.input<typeof claimSchema>;
export type ClaimValues = z.output<typeof claimSchema>;
export type EditClaimInput = z.input<typeof editClaimSchema>;
export type EditClaimValues = z.output<typeof editClaimSchema>;

/** "casualties, Russia ,casualties" → ["casualties", "russia"]. */
export function parseTags(tags: string | undefined): string[] {
  return [...new Set((tags ?? "").split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))].slice(0, 20);
}
