"use server";
// The note verbs, used from a claim's page and from a source's page.
import { revalidatePath } from "next/cache";
import { annotationSchema, deleteAnnotationSchema, type AnnotationInput } from "@/lib/schemas/annotation";
import { fieldErrors } from "@/lib/schemas/fields";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

type Changed = { id: string; claimId: string | null; sourceId: string | null };

function revalidate(result: ActionResult<Changed>) {
  if (!result.ok) return;
  if (result.value.claimId) revalidatePath(`/claims/${result.value.claimId}`);
  if (result.value.sourceId) {
    revalidatePath(`/sources/${result.value.sourceId}`);
    // A passage note shows on every claim whose citation quotes that passage.
    revalidatePath("/claims/[id]", "page");
  }
}

export async function createAnnotationAction(values: AnnotationInput): Promise<ActionResult<Changed>> {
  const actor = await requireUser();
  const input = annotationSchema.safeParse(values);
  if (!input.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(input.error) };
  const result = await asAction(() => createAnnotation(actor, input.data));
  revalidate(result);
  return result;
}

export async function deleteAnnotationAction(values: { id: string; version: number }): Promise<ActionResult<Changed>> {
  const actor = await requireUser();
  const input = deleteAnnotationSchema.safeParse(values);
  if (!input.success) return { ok: false, message: "This note cannot be found: reload the page." };
  const result = await asAction(() => deleteAnnotation(actor, input.data));
  revalidate(result);
  return result;
}
