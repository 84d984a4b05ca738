"use server";
import { revalidatePath } from "next/cache";
import { claimSchema, editClaimSchema, type ClaimInput, type EditClaimInput } from "@/lib/schemas/claim";
import { runAction } from "@/lib/server/action";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import type { ActionResult } from "@/lib/server/mutations";

export async function createClaimAction(values: ClaimInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(claimSchema, values, createClaim);
  if (result.ok) {
    revalidatePath("/claims");
    revalidatePath("/");
  }
  return result;
}

export async function updateClaimAction(values: EditClaimInput): Promise<ActionResult<{ id: string; version: number }>> {
  const result = await runAction(editClaimSchema, values, updateClaim);
  if (result.ok) {
    revalidatePath("/claims");
    revalidatePath(`/claims/${result.value.id}`);
    revalidatePath("/");
  }
  return result;
}
