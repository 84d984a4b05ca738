"use server";
import { revalidatePath } from "next/cache";
import { claimSchema, editClaimSchema, type ClaimInput, type EditClaimInput } from "@/lib/schemas/claim";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

const invalid = "Check the highlighted fields.";

export async function createClaimAction(values: ClaimInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireUser();
  const input = claimSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => createClaim(actor, input.data));
  if (result.ok) revalidatePath("/claims");
  return result;
}

export async function updateClaimAction(values: EditClaimInput): Promise<ActionResult<{ id: string; version: number }>> {
  const actor = await requireUser();
  const input = editClaimSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => updateClaim(actor, input.data));
  if (result.ok) {
    revalidatePath("/claims");
    revalidatePath(`/claims/${input.data.id}`);
  }
  return result;
}
