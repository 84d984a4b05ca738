// Fact sheets: the schemas their forms, server actions and tests share.
import "@/lib/zod-config";
import { z } from "zod";
import { claimFiltersSchema } from "./claim-filters";
import { collapseSpaces, rowVersion } from "./common";

/** Most claims one sheet holds: a publish of this many stays under 2 s. */
export const MAX_SHEET_CLAIMS = 1000;
/** Most claims one "add these claims" from the claims list adds. */
export const MAX_BULK_ADD = 500;

const title = z.preprocess(
  collapseSpaces,
  z.string({ error: "Give the sheet a title." }).min(3, "Give the sheet a title (at least 3 characters).").max(200, "Keep the title under 200 characters."),
);
const summary = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
  z.string().max(4000, "Keep the summary under 4,000 characters.").optional(),
);

export const sheetSchema = z.object({ title, summary });
export type SheetInput = z.input<typeof sheetSchema>;
export type SheetValues = z.output<typeof sheetSchema>;

export const editSheetSchema = sheetSchema.extend({ id: z.uuid("Unknown fact sheet."), version: rowVersion });
export type EditSheetInput = z.input<typeof editSheetSchema>;
export type EditSheetValues = z.output<typeof editSheetSchema>;

const section = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") || null : (v ?? null)),
  z.string().max(200, "Keep a section heading under 200 characters.").nullable(),
);

/** The sheet's claims in their new order, each with its section heading: reorder, regroup and remove in one save. */
export const arrangeSheetSchema = z.object({
  sheetId: z.uuid("Unknown fact sheet."),
  version: rowVersion,
  items: z
    .array(z.object({ claimId: z.uuid("Unknown claim."), section }))
    .max(MAX_SHEET_CLAIMS, `A sheet holds at most ${MAX_SHEET_CLAIMS} claims.`)
    .refine((items) => new Set(items.map((i) => i.claimId)).size === items.length, "A claim appears twice."),
  /** The run of claims the items rearrange (a page of the sheet), in the order it was shown; absent: the whole sheet. */
  replaces: z.array(z.uuid("Unknown claim.")).min(1).max(MAX_SHEET_CLAIMS).optional(),
});
/** The sheet page shows and arranges a sheet's claims this many at a time: a page as long as the claims list's and a metric's figures. */
export const SHEET_PAGE_CLAIMS = 50;
export type ArrangeSheetInput = z.input<typeof arrangeSheetSchema>;
export type ArrangeSheetValues = z.output<typeof arrangeSheetSchema>;

export const addSheetClaimsSchema = z.object({
  sheetId: z.uuid("Unknown fact sheet."),
  version: rowVersion,
  claimIds: z.array(z.uuid("Unknown claim.")).min(1, "Pick a claim to add.").max(50, "Add at most 50 claims at a time."),
  section: section.optional(),
});
export type AddSheetClaimsInput = z.input<typeof addSheetClaimsSchema>;
export type AddSheetClaimsValues = z.output<typeof addSheetClaimsSchema>;

/** The claims list's view (without its page) whose claims go onto a sheet. */
export const sheetFilterSchema = claimFiltersSchema.omit({ cursor: true, limit: true });

export const addFilteredClaimsSchema = z.object({
  sheetId: z.uuid("Choose a fact sheet."),
  filters: sheetFilterSchema,
});
export type AddFilteredClaimsInput = z.input<typeof addFilteredClaimsSchema>;
export type AddFilteredClaimsValues = z.output<typeof addFilteredClaimsSchema>;

export const publishSheetSchema = z.object({
  sheetId: z.uuid("Unknown fact sheet."),
  version: rowVersion,
  /** The number of the latest version when the editor saw the preview (0 for none): a publish in between is refused. */
  previousNumber: z.coerce.number().int().min(0),
  /** The preview's hash of what the next version holds; a change since (a claim's status, an edit) is refused. */
  draftHash: z.string().max(64).regex(/^[0-9a-f]{64}$/).optional(),
  changeNote: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : (v ?? undefined)),
    z.string().max(2000, "Keep the change note under 2,000 characters.").optional(),
  ),
});
export type PublishSheetInput = z.input<typeof publishSheetSchema>;
export type PublishSheetValues = z.output<typeof publishSheetSchema>;

export const MIN_CHANGE_NOTE = 10;

export const createLinkSchema = z.object({
  sheetId: z.uuid("Unknown fact sheet."),
  /** A version's number; absent for the link that always shows the latest version. */
  number: z.coerce.number().int().min(1).optional(),
});
export type CreateLinkInput = z.input<typeof createLinkSchema>;
export type CreateLinkValues = z.output<typeof createLinkSchema>;

export const revokeLinkSchema = z.object({ linkId: z.uuid("Unknown link.") });
export type RevokeLinkInput = z.input<typeof revokeLinkSchema>;
export type RevokeLinkValues = z.output<typeof revokeLinkSchema>;

/** Try a version's failed PDF again (the Downloads list's button). */
export const retryExportSchema = z.object({ snapshotId: z.uuid("Unknown version.") });
export type RetryExportInput = z.input<typeof retryExportSchema>;
export type RetryExportValues = z.output<typeof retryExportSchema>;

/** "North Korea and the war in Ukraine: the figures" → "north-korea-and-the-war-in-ukraine-the-figures". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "fact-sheet";
}
