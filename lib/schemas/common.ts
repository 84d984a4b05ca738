import "@/lib/zod-config";
// Field shapes that several schemas share: names of metrics and events, versions, name searches.
import { z } from "zod";

/** "  Russian   deaths " → "Russian deaths": names are compared as editors read them. */
export const collapseSpaces = (v: unknown) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") : v);

/** A unique, human name: 3 to 200 characters once trimmed. */
export const displayName = (what: string) =>
  z.preprocess(
    collapseSpaces,
    z
      .string({ error: `Name ${what}.` })
      .min(3, `Name ${what} (at least 3 characters).`)
      .max(200, "Keep the name under 200 characters."),
  );

export const optionalDescription = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
  z.string().max(2000, "Keep the description under 2,000 characters.").optional(),
);

/** The row version the editor started from: a later change by someone else is refused. */
export const rowVersion = z.coerce.number({ error: "Reload the page and try again." }).int().min(1);

/** A picker's search: a trimmed query and a small cap. */
export const nameSearchSchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200, "Search for at most 200 characters.")),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});
