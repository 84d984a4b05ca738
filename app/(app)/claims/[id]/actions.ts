"use server";
import { revalidatePath } from "next/cache";
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
import type { ActionResult } from "@/lib/server/mutations";
import { reviewClaim } from "@/lib/server/reviews";

function refresh(claimId: string) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath("/claims");
  revalidatePath("/");
}

export async function changeStatusAction(values: ChangeStatusInput): Promise<ActionResult<{ status: string; version: number }>> {
  const result = await runAction(changeStatusSchema, values, changeStatus);
  if (result.ok) refresh(values.claimId);
  return result;
}

export async function assignClaimAction(values: AssignInput): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(assignSchema, values, assignClaim);
  if (result.ok) refresh(values.claimId);
  return result;
}

export async function reviewClaimAction(values: ReviewInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(reviewSchema, values, reviewClaim);
  if (result.ok) refresh(values.claimId);
  return result;
}

export async function addCommentAction(values: CommentInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(commentSchema, values, addComment);
  if (result.ok) refresh(values.claimId);
  return result;
}

export async function resolveCommentAction(claimId: string, values: ResolveCommentInput): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(resolveCommentSchema, values, resolveComment);
  if (result.ok) refresh(claimId);
  return result;
}
