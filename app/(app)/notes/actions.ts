"use server";
// The note verbs, used from a claim's page and from a source's page.
import type { ActionResult } from "@/lib/action-result";
import { noteSchema, deleteNoteSchema, type NoteInput } from "@/lib/schemas/note";
import { runAction, type RevalidateTarget } from "@/lib/server/action";
import { createNote, deleteNote } from "@/lib/server/notes";

type Changed = { id: string; claimId: string | null; sourceId: string | null };

function changed({ claimId, sourceId }: Changed): RevalidateTarget[] {
  // A passage note shows on every claim whose citation quotes that passage.
  const passage: RevalidateTarget[] = sourceId ? [`/sources/${sourceId}`, { path: "/claims/[id]", type: "page" }] : [];
  return [...(claimId ? [`/claims/${claimId}`] : []), ...passage];
}

export async function createNoteAction(values: NoteInput): Promise<ActionResult<Changed>> {
  return runAction(noteSchema, values, createNote, changed);
}

export async function deleteNoteAction(values: { id: string; version: number }): Promise<ActionResult<Changed>> {
  return runAction(deleteNoteSchema, values, deleteNote, changed);
}
