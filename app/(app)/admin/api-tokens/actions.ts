"use server";
import type { ActionResult } from "@/lib/action-result";
import { createApiTokenSchema, revokeApiTokenSchema, type CreateApiTokenInput, type RevokeApiTokenInput } from "@/lib/schemas/api-token";
import { runAction } from "@/lib/server/action";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";

export async function createApiTokenAction(values: CreateApiTokenInput): Promise<ActionResult<{ id: string; token: string }>> {
  return runAction(createApiTokenSchema, values, createApiToken, () => ["/admin/api-tokens"]);
}

export async function revokeApiTokenAction(values: RevokeApiTokenInput): Promise<ActionResult<{ name: string }>> {
  return runAction(revokeApiTokenSchema, values, revokeApiToken, () => ["/admin/api-tokens"]);
}
