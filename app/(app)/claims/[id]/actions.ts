"use server";
import type { ActionResult } from "@/lib/action-result";
import { changeStatusSchema, type ChangeStatusInput } from "@/lib/schemas/status";
import {
  assignSchema,
  commentSchema,
  resolveCommentSchema,
  reviewSchema,
  type AssignInput,
  type CommentInput,
  type ResolveCommentInput,
  type ReviewInput,
} from "@/lib/schemas/workflow";
import { runAction } from "@/lib/server/action";
import { assignClaim } from "@/lib/server/claim-assignment";
import { changeStatus } from "@/lib/server/claim-status";
import { addComment, resolveComment } from "@/lib/server/comments";
import { reviewClaim } from "@/lib/server/reviews";

/** A claim's page, the list and the dashboard all show its workflow. */
const claimPages = (claimId: string) => [`/claims/${claimId}`, "/claims", "/"];

export async function changeStatusAction(values: ChangeStatusInput): Promise<ActionResult<{ status: string; version: number }>> {
  return runAction(changeStatusSchema, values, changeStatus, (_, input) => claimPages(input.claimId));
}

export async function assignClaimAction(values: AssignInput): Promise<ActionResult<{ version: number }>> {
  return runAction(assignSchema, values, assignClaim, (_, input) => claimPages(input.claimId));
}

export async function reviewClaimAction(values: ReviewInput): Promise<ActionResult<{ id: string }>> {
  return runAction(reviewSchema, values, reviewClaim, (_, input) => claimPages(input.claimId));
}

export async function addCommentAction(values: CommentInput): Promise<ActionResult<{ id: string }>> {
  return runAction(commentSchema, values, addComment, (_, input) => claimPages(input.claimId));
}

export async function resolveCommentAction(claimId: string, values: ResolveCommentInput): Promise<ActionResult<{ version: number }>> {
  return runAction(resolveCommentSchema, values, resolveComment, () => claimPages(claimId));
}
