"use server";
import { revalidatePath } from "next/cache";
import { decideConflictSchema, flagConflictSchema, requestConflictScanSchema, type DecideConflictInput, type FlagConflictInput } from "@/lib/schemas/conflict";
import { runAction } from "@/lib/server/action";
import { requestConflictScan } from "@/lib/server/conflict-scans";
import { decideConflict, flagConflict } from "@/lib/server/conflicts";
import type { ActionResult } from "@/lib/server/mutations";

function refresh(claimIds: readonly string[] = []) {
  revalidatePath("/conflicts");
  revalidatePath("/claims");
  revalidatePath("/");
  for (const id of claimIds) revalidatePath(`/claims/${id}`);
}

export async function flagConflictAction(values: FlagConflictInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(flagConflictSchema, values, flagConflict);
  if (result.ok) refresh(Array.isArray(values.claimIds) ? (values.claimIds as string[]) : []);
  return result;
}

export async function decideConflictAction(values: DecideConflictInput): Promise<ActionResult<{ id: string; status: string; version: number }>> {
  const result = await runAction(decideConflictSchema, values, decideConflict);
  if (result.ok) {
    refresh();
    revalidatePath(`/conflicts/${result.value.id}`);
  }
  return result;
}

export async function requestConflictScanAction(): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(requestConflictScanSchema, {}, (actor) => requestConflictScan(actor));
  if (result.ok) revalidatePath("/conflicts");
  return result;
}
