"use server";
// The note verbs, used from a claim's page and from a source's page.
import type { ActionResult } from "@/lib/action-result";
import { annotationSchema, deleteAnnotationSchema, type AnnotationInput } from "@/lib/schemas/annotation";
import { runAction, type RevalidateTarget } from "@/lib/server/action";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";

type Changed = { id: string; claimId: string | null; sourceId: string | null };

function changed({ claimId, sourceId }: Changed): RevalidateTarget[] {
  // A passage note shows on every claim whose citation quotes that passage.
  const passage: RevalidateTarget[] = sourceId ? [`/sources/${sourceId}`, { path: "/claims/[id]", type: "page" }] : [];
  return [...(claimId ? [`/claims/${claimId}`] : []), ...passage];
}

export async function createAnnotationAction(values: AnnotationInput): Promise<ActionResult<Changed>> {
  return runAction(annotationSchema, values, createAnnotation, changed);
}

export async function deleteAnnotationAction(values: { id: string; version: number }): Promise<ActionResult<Changed>> {
  return runAction(deleteAnnotationSchema, values, deleteAnnotation, changed);
}
