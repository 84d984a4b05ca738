import "@/lib/zod-config";
import { z } from "zod";
import { checkOffsets, offset, version } from "./fields";
import { quote } from "./citation";

const noteFields = z.object({
  claimId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("Unknown claim.").optional()),
  sourceId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("Unknown source.").optional()),
  body: z.string({ error: "Write the note." }).trim().min(1, "Write the note.").max(5000, "Keep the note under 5,000 characters."),
  quote: quote.optional(),
  startOffset: offset,
  endOffset: offset,
});

/** A note on a claim (body only), or on a passage of a source's text (body, quote and offsets). */
export const noteSchema = noteFields.superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (Boolean(v.claimId) === Boolean(v.sourceId)) issue("body", "A note belongs to one claim or to one passage of a source.");
  if (v.sourceId && !v.quote) issue("quote", "Select the passage the note is about.");
  if (v.claimId && (v.quote || v.startOffset !== undefined)) issue("quote", "A note on a claim has no passage: note the passage on its source.");
  checkOffsets(v, ctx);
});

export const deleteNoteSchema = z.object({ id: z.uuid("Unknown note."), version });

export type NoteInput = z.input<typeof noteSchema>;
export type NoteValues = z.output<typeof noteSchema>;
export type DeleteNoteValues = z.output<typeof deleteNoteSchema>;
