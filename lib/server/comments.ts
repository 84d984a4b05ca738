import "server-only";
import type { CommentValues, ResolveCommentValues } from "@/lib/schemas/workflow";
import { authorize, type SessionUser } from "./authorize";
import { ok, refuse, staleMessage } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";

/** A remark on a claim, or a reply in a thread (replies attach to the thread's first comment). */
export async function addComment(user: SessionUser, input: CommentValues, tx?: Tx) {
  authorize(user, "comments:write");
  return inTransaction(user, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } });
    if (!claim) return refuse("This claim does not exist.");
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { claimId: true, parentId: true, deletedAt: true } });
      if (!parent || parent.claimId !== input.claimId || parent.deletedAt) {
        return refuse("The comment you replied to no longer exists.", { fieldErrors: { parentId: ["Unknown comment."] } });
      }
      parentId = parent.parentId ?? input.parentId;
    }
    const comment = await tx.comment.create({
      data: { claimId: input.claimId, parentId, body: input.body, authorId: user.id },
      select: { id: true },
    });
    audit({ action: "comment.create", entityType: "Comment", entityId: comment.id, after: { claimId: input.claimId, parentId, body: input.body } });
    return ok({ id: comment.id });
  }, { tx });
}

/** Marks a thread resolved, or opens it again. */
export async function resolveComment(user: SessionUser, input: ResolveCommentValues, tx?: Tx) {
  authorize(user, "comments:write");
  return inTransaction(user, async (tx, audit) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { parentId: true, resolvedAt: true, version: true, deletedAt: true } });
    if (!comment || comment.deletedAt) return refuse("This comment does not exist.");
    if (comment.parentId) return refuse("Resolve the thread from its first comment.");
    if (comment.version !== input.version) return refuse(staleMessage("comment"), { stale: true });
    if ((comment.resolvedAt !== null) === input.resolved) return ok({ version: comment.version });
    const now = new Date();
    const updated = await tx.comment.updateMany({
      where: { id: input.commentId, version: input.version },
      data: input.resolved ? { resolvedAt: now, resolvedById: user.id, version: { increment: 1 } } : { resolvedAt: null, resolvedById: null, version: { increment: 1 } },
    });
    if (updated.count === 0) return refuse(staleMessage("comment"), { stale: true });
    audit({
      action: input.resolved ? "comment.resolve" : "comment.reopen",
      entityType: "Comment",
      entityId: input.commentId,
      before: { resolvedAt: comment.resolvedAt, version: comment.version },
      after: { resolvedAt: input.resolved ? now : null, version: comment.version + 1 },
    });
    return ok({ version: comment.version + 1 });
  }, { tx });
}
