"use server";
// The citation verbs, used from a claim's page and from a source's page.
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { citationSchema, deleteCitationSchema, editCitationSchema, type CitationInput, type EditCitationInput } from "@/lib/schemas/citation";
import { runAction, type RevalidateTarget } from "@/lib/server/action";
import { searchActors } from "@/lib/server/actors";
import { createCitation, deleteCitation, searchClaimsToCite, updateCitation } from "@/lib/server/citations";
import { requireUser } from "@/lib/server/session";

type Changed = { id: string; claimId: string; sourceId: string; claimVersion: number; previousSourceId?: string };

function changed({ claimId, sourceId, previousSourceId }: Changed): RevalidateTarget[] {
  const moved = previousSourceId && previousSourceId !== sourceId ? [`/sources/${previousSourceId}`] : [];
  return [`/claims/${claimId}`, `/sources/${sourceId}`, ...moved, "/claims", "/sources"];
}

export async function createCitationAction(values: CitationInput): Promise<ActionResult<Changed>> {
  return runAction(citationSchema, values, createCitation, changed);
}

export async function updateCitationAction(values: EditCitationInput): Promise<ActionResult<Changed>> {
  return runAction(editCitationSchema, values, updateCitation, changed);
}

export async function deleteCitationAction(values: { id: string; claimVersion: number }): Promise<ActionResult<Changed>> {
  return runAction(deleteCitationSchema, values, deleteCitation, changed);
}

export async function searchActorsAction(q: string) {
  const user = await requireUser();
  return searchActors(user, typeof q === "string" ? q : "");
}

/** `notOnSheet`: a fact sheet's id, whose claims are left out; anything else is ignored. */
export async function searchClaimsAction(q: string, notOnSheet?: string) {
  const user = await requireUser();
  const sheet = z.uuid().safeParse(notOnSheet);
  return searchClaimsToCite(user, typeof q === "string" ? q : "", { notOnSheet: sheet.success ? sheet.data : undefined });
}
