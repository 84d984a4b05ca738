"use server";
import { revalidatePath } from "next/cache";
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenInput, type RevokeApiTokenInput } from "@/lib/schemas/api-token";
import { runAction } from "@/lib/server/action";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import type { ActionResult } from "@/lib/server/mutations";

export async function createApiTokenAction(values: CreateApiTokenInput): Promise<ActionResult<{ id: string; token: string }>> {
  const result = await runAction(createApiTokenSchema, values, createApiToken);
  if (result.ok) revalidatePath("/admin/api-tokens");
  return result;
}

export async function revokeApiTokenAction(values: RevokeApiTokenInput): Promise<ActionResult<{ name: string }>> {
  const result = await runAction(revokeApiTokenSchema, values, revokeApiToken);
  if (result.ok) revalidatePath("/admin/api-tokens");
  return result;
}
