"use server";
import type { ActionResult } from "@/lib/action-result";
import { editSourceSchema, sourceSchema, type EditSourceInput, type SourceInput } from "@/lib/schemas/source";
import { passageClaimSchema, type PassageClaimInput } from "@/lib/schemas/passage-claim";
import { runAction } from "@/lib/server/action";
import { createClaimFromPassage } from "@/lib/server/passage-claims";
import { requireUser } from "@/lib/server/session";
import { closestPassageInSource, createSource, searchSourceChoices, updateSource, type Reanchored } from "@/lib/server/sources";
import { isUuid } from "@/lib/ids";

export async function createSourceAction(values: SourceInput): Promise<ActionResult<{ id: string }>> {
  return runAction(sourceSchema, values, createSource, () => ["/sources"]);
}

export async function updateSourceAction(values: EditSourceInput): Promise<ActionResult<{ id: string; version: number; passages: Reanchored[] }>> {
  // Quotes may have moved: the claims citing this source show them.
  return runAction(editSourceSchema, values, updateSource, ({ id }) => ["/sources", `/sources/${id}`, { path: "/claims/[id]", type: "page" }]);
}

export async function searchSourcesAction(q: string) {
  const user = await requireUser();
  return searchSourceChoices(user, typeof q === "string" ? q : "");
}

export async function createClaimFromPassageAction(values: PassageClaimInput): Promise<ActionResult<{ claimId: string; citationId: string; sourceId: string }>> {
  return runAction(passageClaimSchema, values, createClaimFromPassage, ({ claimId, sourceId }) => ["/", "/claims", `/claims/${claimId}`, `/sources/${sourceId}`]);
}

/** The passage of a source's text closest to a quote not found in it word for word (read only). */
export async function closestPassageAction(sourceId: string, quote: string) {
  const user = await requireUser();
  if (typeof sourceId !== "string" || !isUuid(sourceId) || typeof quote !== "string" || quote.length > 5000) return null;
  return closestPassageInSource(user, sourceId, quote);
}
