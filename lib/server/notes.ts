import "server-only";
import { anchorQuote } from "@/lib/anchoring";
import { canDeleteNote } from "@/lib/permissions";
import type { NoteValues, DeleteNoteValues } from "@/lib/schemas/note";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

export const CLAIM_NOTES_CAP = 100;

const noteSelect = { id: true, claimId: true, sourceId: true, body: true, quote: true, startOffset: true, endOffset: true, authorId: true, version: true } as const;

export async function createNote(user: SessionUser, values: NoteValues, tx?: Tx) {
  authorize(user, "notes:write");
  return inTransaction(user, async (tx, audit) => {
    let anchor: { quote: string | null; startOffset: number | null; endOffset: number | null } = { quote: null, startOffset: null, endOffset: null };
    if (values.claimId) {
      if ((await tx.claim.count({ where: { id: values.claimId } })) === 0) return refuse("This claim does not exist.");
    } else if (values.sourceId) {
      const source = await tx.source.findUnique({ where: { id: values.sourceId }, select: { fullText: true } });
      if (!source) return refuse("This source does not exist.");
      if (source.fullText === null) {
        const message = "This source has no stored text to note a passage in: add its text first.";
        return refuse(message, { fieldErrors: { quote: [message] } });
      }
      const placed = anchorQuote(source.fullText, values.quote ?? "", values.startOffset, values.endOffset);
      if (!placed.ok) return refuse(placed.message, { fieldErrors: { quote: [placed.message] } });
      anchor = { quote: values.quote ?? null, startOffset: placed.startOffset, endOffset: placed.endOffset };
    }
    const note = await tx.note.create({
      data: { claimId: values.claimId ?? null, sourceId: values.sourceId ?? null, body: values.body, ...anchor, authorId: user.id },
      select: noteSelect,
    });
    audit({ action: "annotation.create", entityType: "Annotation", entityId: note.id, after: note });
    return ok({ id: note.id, claimId: note.claimId, sourceId: note.sourceId });
  }, { tx });
}

/** Soft delete: the note disappears from pages and stays on the record. Its author or an admin only. */
export async function deleteNote(user: SessionUser, values: DeleteNoteValues, tx?: Tx) {
  authorize(user, "notes:write");
  return inTransaction(user, async (tx, audit) => {
    const note = await tx.note.findUnique({ where: { id: values.id }, select: { ...noteSelect, deletedAt: true } });
    if (!note || note.deletedAt) return refuse("This note no longer exists.");
    if (!canDeleteNote(user, note)) return refuse("Only the note’s author or an admin may delete it.");
    const deletedAt = new Date();
    const updated = await tx.note.updateMany({ where: { id: values.id, version: values.version, deletedAt: null }, data: { deletedAt, version: { increment: 1 } } });
    if (updated.count === 0) return refuse(staleMessage("note"), { stale: true });
    const { deletedAt: _, ...before } = note;
    audit({ action: "annotation.delete", entityType: "Annotation", entityId: values.id, before, after: { ...before, version: note.version + 1, deletedAt } });
    return ok({ id: values.id, claimId: note.claimId, sourceId: note.sourceId });
  }, { tx });
}

/**
 * The notes a claim page shows: notes on the claim, and notes on source passages that overlap the
 * passages its citations quote. Oldest first, capped.
 */
export async function notesForClaim(user: SessionUser, claimId: string, citations: { sourceId: string; startOffset: number | null; endOffset: number | null }[]) {
  authorize(user, "claims:read");
  const spans = citations.flatMap((c) =>
    c.startOffset !== null && c.endOffset !== null ? [{ sourceId: c.sourceId, startOffset: { lt: c.endOffset }, endOffset: { gt: c.startOffset } }] : [],
  );
  return db.note.findMany({
    where: { deletedAt: null, OR: [{ claimId }, ...spans] },
    orderBy: { createdAt: "asc" },
    take: CLAIM_NOTES_CAP,
    select: {
      ...noteSelect,
      createdAt: true,
      author: { select: { name: true } },
      source: { select: { id: true, title: true } },
    },
  });
}

export type ClaimNote = Awaited<ReturnType<typeof notesForClaim>>[number];
