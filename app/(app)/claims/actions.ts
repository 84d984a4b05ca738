"use server";
import type { ActionResult } from "@/lib/action-result";
import { claimSchema, editClaimSchema, type ClaimInput, type EditClaimInput } from "@/lib/schemas/claim";
import { runAction } from "@/lib/server/action";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";

export async function createClaimAction(values: ClaimInput): Promise<ActionResult<{ id: string }>> {
  return runAction(claimSchema, values, createClaim, () => ["/claims", "/"]);
}

export async function updateClaimAction(values: EditClaimInput): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(editClaimSchema, values, updateClaim, ({ id }) => ["/claims", `/claims/${id}`, "/"]);
}
