"use server";
import type { ActionResult } from "@/lib/action-result";
import { mergeActorsSchema, type MergeActorsInput } from "@/lib/schemas/actor";
import { runAction } from "@/lib/server/action";
import { mergeActors } from "@/lib/server/actors";

export async function mergeActorsAction(values: MergeActorsInput): Promise<ActionResult<{ linksMoved: number; claimsRevised: number }>> {
  return runAction(mergeActorsSchema, values, mergeActors, () => ["/actors", "/claims"]);
}
