"use server";
// The citation verbs, used from a claim's page and from a source's page.
import { revalidatePath } from "next/cache";
import {
  citationSchema,
  deleteCitationSchema,
  editCitationSchema,
  type CitationInput,
  type EditCitationInput,
} from "@/lib/schemas/citation";
import { fieldErrors } from "@/lib/schemas/fields";
import { searchActors } from "@/lib/server/actors";
import { createCitation, deleteCitation, searchClaimsToCite, updateCitation } from "@/lib/server/citations";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

const invalid = "Check the highlighted fields.";
type Changed = { id: string; claimId: string; sourceId: string; claimVersion: number; previousSourceId?: string };

function revalidate(result: ActionResult<Changed>) {
  if (!result.ok) return;
  const { claimId, sourceId, previousSourceId } = result.value;
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/sources/${sourceId}`);
  if (previousSourceId && previousSourceId !== sourceId) revalidatePath(`/sources/${previousSourceId}`);
  revalidatePath("/claims");
  revalidatePath("/sources");
}

export async function createCitationAction(values: CitationInput): Promise<ActionResult<Changed>> {
  const actor = await requireUser();
  const input = citationSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: fieldErrors(input.error) };
  const result = await asAction(() => createCitation(actor, input.data));
  revalidate(result);
  return result;
}

export async function updateCitationAction(values: EditCitationInput): Promise<ActionResult<Changed>> {
  const actor = await requireUser();
  const input = editCitationSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: fieldErrors(input.error) };
  const result = await asAction(() => updateCitation(actor, input.data));
  revalidate(result);
  return result;
}

export async function deleteCitationAction(values: { id: string; claimVersion: number }): Promise<ActionResult<Changed>> {
  const actor = await requireUser();
  const input = deleteCitationSchema.safeParse(values);
  if (!input.success) return { ok: false, message: "This citation cannot be found: reload the page." };
  const result = await asAction(() => deleteCitation(actor, input.data));
  revalidate(result);
  return result;
}

export async function searchActorsAction(q: string) {
  const actor = await requireUser();
  return searchActors(actor, typeof q === "string" ? q : "");
}

export async function searchClaimsAction(q: string) {
  const actor = await requireUser();
  return searchClaimsToCite(actor, typeof q === "string" ? q : "");
}
