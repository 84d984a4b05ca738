"use server";
import type { ActionResult } from "@/lib/action-result";
import { decideConflictSchema, flagConflictSchema, type DecideConflictInput, type FlagConflictInput } from "@/lib/schemas/conflict";
import { runAction } from "@/lib/server/action";
import { decideConflict, flagConflict } from "@/lib/server/conflicts";

const conflictPages = ["/conflicts", "/claims", "/"];

export async function flagConflictAction(values: FlagConflictInput): Promise<ActionResult<{ id: string }>> {
  return runAction(flagConflictSchema, values, flagConflict, (_, input) => [...conflictPages, ...input.claimIds.map((id) => `/claims/${id}`)]);
}

export async function decideConflictAction(values: DecideConflictInput): Promise<ActionResult<{ id: string; status: string; version: number }>> {
  return runAction(decideConflictSchema, values, decideConflict, ({ id }) => [...conflictPages, `/conflicts/${id}`]);
}
