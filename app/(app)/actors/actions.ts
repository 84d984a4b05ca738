"use server";
import { revalidatePath } from "next/cache";
import { mergeActorsSchema, type MergeActorsInput } from "@/lib/schemas/actor";
import { runAction } from "@/lib/server/action";
import { mergeActors } from "@/lib/server/actors";
import type { ActionResult } from "@/lib/server/mutations";

export async function mergeActorsAction(values: MergeActorsInput): Promise<ActionResult<{ linksMoved: number; claimsRevised: number }>> {
  const result = await runAction(mergeActorsSchema, values, mergeActors);
  if (result.ok) revalidatePath("/actors");
  return result;
}
