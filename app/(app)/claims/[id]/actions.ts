"use server";
import { revalidatePath } from "next/cache";
import { changeStatusSchema, type ChangeStatusInput } from "@/lib/schemas/status";
import { changeStatus } from "@/lib/server/claim-status";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

export async function changeStatusAction(values: ChangeStatusInput): Promise<ActionResult<{ status: string; version: number }>> {
  const actor = await requireUser();
  const input = changeStatusSchema.safeParse(values);
  if (!input.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => changeStatus(actor, input.data));
  if (result.ok) {
    revalidatePath(`/claims/${input.data.claimId}`);
    revalidatePath("/claims");
  }
  return result;
}
