import "@/lib/zod-config";
import { z } from "zod";
import { blankToUndefined, day, optionalText, precision, version } from "./fields";

export const SOURCE_KINDS = ["NEWS_ARTICLE", "STATE_MEDIA_BROADCAST", "OFFICIAL_STATEMENT", "INTERVIEW", "DATASET", "SOCIAL_POST", "OTHER"] as const;

/** A stored article or transcript can be long; past this it belongs in a file, not a form. */
export const MAX_FULL_TEXT = 500_000;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() || undefined : blankToUndefined(v));

const url = z.preprocess(
  trimmed,
  z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a web address starting with http:// or https://." })
    .max(2000, "Keep the address under 2,000 characters.")
    .optional(),
);

/** "en", "ru", "uk", "en-GB": a BCP 47 language tag, as the page's lang attribute takes it. */
const language = z.preprocess(
  trimmed,
  z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Use a language code, like en, ru or uk.")
    .max(35, "Use a language code, like en, ru or uk.")
    .optional(),
);

// Line breaks are stored as \n (what a textarea gives back) so offsets mean the same everywhere.
const fullText = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() || undefined : blankToUndefined(v)),
  z.string().max(MAX_FULL_TEXT, `Keep the text under ${MAX_FULL_TEXT.toLocaleString("en-GB")} characters.`).optional(),
);

const sourceFields = z.object({
  title: z.string().trim().min(3, "Give the source its title (at least 3 characters).").max(500, "Keep the title under 500 characters."),
  outlet: optionalText(200, "outlet"),
  url,
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
  publishedAt: day,
  publishedPrecision: precision,
  publishedApprox: z.boolean().default(false),
  language,
  fullText,
  notes: optionalText(5000, "notes"),
});

type SourceFields = z.output<typeof sourceFields>;

function checkSource(v: SourceFields, ctx: z.RefinementCtx) {
  if (v.publishedAt && !v.publishedPrecision) {
    ctx.addIssue({ code: "custom", path: ["publishedPrecision"], message: "Say how precisely the date is known." });
  }
}

export const sourceSchema = sourceFields.superRefine(checkSource);
export const editSourceSchema = sourceFields.extend({ id: z.uuid("Unknown source."), version }).superRefine(checkSource);

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceValues = z.output<typeof sourceSchema>;
export type EditSourceInput = z.input<typeof editSourceSchema>;
export type EditSourceValues = z.output<typeof editSourceSchema>;
