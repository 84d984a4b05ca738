import "@/lib/zod-config";
// Field shapes the schemas share, so a date or an optional text reads the same in every form.
import { z } from "zod";
import { DATE_PRECISIONS } from "@/lib/values";

export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

// PostgreSQL has no year 0, so the earliest date is 0001-01-01.
export const day = z.preprocess(
  blankToUndefined,
  z.iso.date({ error: "Enter a date as YYYY-MM-DD." }).refine((d) => !d.startsWith("0000"), "Enter a date as YYYY-MM-DD.").optional(),
);

export const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : blankToUndefined(v)), z.string().max(max, `Keep the ${label} under ${max.toLocaleString("en-GB")} characters.`).optional());

export const precision = z.preprocess(blankToUndefined, z.enum(DATE_PRECISIONS).optional());

/** A character offset from a form: blank or missing is none. */
export const offset = z.preprocess(
  (v) => (v === "" || v === null || (typeof v === "number" && Number.isNaN(v)) ? undefined : v),
  z.coerce.number().int("Offsets are whole numbers.").min(0, "Offsets start at 0.").optional(),
);

/** A form's version field. */
export const version = z.coerce.number().int().min(1);

type Offsets = { startOffset?: number; endOffset?: number };

/** Both offsets or neither, the end after the start: the rule every anchored quote obeys. */
export function checkOffsets(v: Offsets, ctx: z.RefinementCtx) {
  if ((v.startOffset === undefined) !== (v.endOffset === undefined)) {
    ctx.addIssue({ code: "custom", path: ["startOffset"], message: "Give both offsets of the passage, or neither." });
  } else if (v.startOffset !== undefined && v.endOffset !== undefined && v.endOffset <= v.startOffset) {
    ctx.addIssue({ code: "custom", path: ["endOffset"], message: "The passage must end after it starts." });
  }
}
