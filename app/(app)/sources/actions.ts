"use server";
import { revalidatePath } from "next/cache";
import { fieldErrors } from "@/lib/schemas/fields";
import { editSourceSchema, sourceSchema, type EditSourceInput, type SourceInput } from "@/lib/schemas/source";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";
import { createSource, searchSourceChoices, updateSource, type Reanchored } from "@/lib/server/sources";

const invalid = "Check the highlighted fields.";

export async function createSourceAction(values: SourceInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireUser();
  const input = sourceSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: fieldErrors(input.error) };
  const result = await asAction(() => createSource(actor, input.data));
  if (result.ok) revalidatePath("/sources");
  return result;
}

export async function updateSourceAction(values: EditSourceInput): Promise<ActionResult<{ id: string; version: number; passages: Reanchored[] }>> {
  const actor = await requireUser();
  const input = editSourceSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: fieldErrors(input.error) };
  const result = await asAction(() => updateSource(actor, input.data));
  if (result.ok) {
    revalidatePath("/sources");
    revalidatePath(`/sources/${input.data.id}`);
    // Quotes may have moved: the claims citing this source show them.
    revalidatePath("/claims/[id]", "page");
  }
  return result;
}

export async function searchSourcesAction(q: string) {
  const actor = await requireUser();
  return searchSourceChoices(actor, typeof q === "string" ? q : "");
}
