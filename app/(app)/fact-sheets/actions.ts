"use server";
import { revalidatePath } from "next/cache";
import {
  addFilteredClaimsSchema,
  addSheetClaimsSchema,
  arrangeSheetSchema,
  createLinkSchema,
  editSheetSchema,
  publishSheetSchema,
  revokeLinkSchema,
  sheetSchema,
  type AddFilteredClaimsInput,
  type AddSheetClaimsInput,
  type ArrangeSheetInput,
  type CreateLinkInput,
  type EditSheetInput,
  type PublishSheetInput,
  type RevokeLinkInput,
  type SheetInput,
} from "@/lib/schemas/factsheet";
import { runAction } from "@/lib/server/action";
import { createLink, revokeLink } from "@/lib/server/fact-sheet-links";
import { publishSheet } from "@/lib/server/fact-sheet-publishing";
import { addFilteredClaims, addSheetClaims, arrangeSheet, createSheet, updateSheet } from "@/lib/server/fact-sheets";
import type { ActionResult } from "@/lib/server/mutations";

function refresh(sheetId?: string) {
  revalidatePath("/fact-sheets");
  if (sheetId) revalidatePath(`/fact-sheets/${sheetId}`);
}

export async function createSheetAction(values: SheetInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(sheetSchema, values, createSheet);
  if (result.ok) refresh();
  return result;
}

export async function updateSheetAction(values: EditSheetInput): Promise<ActionResult<{ id: string; version: number }>> {
  const result = await runAction(editSheetSchema, values, updateSheet);
  if (result.ok) refresh(result.value.id);
  return result;
}

export async function arrangeSheetAction(values: ArrangeSheetInput): Promise<ActionResult<{ version: number; count: number }>> {
  const result = await runAction(arrangeSheetSchema, values, arrangeSheet);
  if (result.ok) refresh(values.sheetId);
  return result;
}

export async function addSheetClaimsAction(values: AddSheetClaimsInput): Promise<ActionResult<{ version: number; added: number }>> {
  const result = await runAction(addSheetClaimsSchema, values, addSheetClaims);
  if (result.ok) refresh(values.sheetId);
  return result;
}

export async function addFilteredClaimsAction(values: AddFilteredClaimsInput): Promise<ActionResult<{ added: number; capped: boolean }>> {
  const result = await runAction(addFilteredClaimsSchema, values, addFilteredClaims);
  if (result.ok) refresh(values.sheetId);
  return result;
}

export async function publishSheetAction(values: PublishSheetInput): Promise<ActionResult<{ number: number; contentHash: string; omitted: number }>> {
  const result = await runAction(publishSheetSchema, values, publishSheet);
  if (result.ok) {
    refresh(values.sheetId);
    revalidatePath("/");
  }
  return result;
}

export async function createLinkAction(values: CreateLinkInput): Promise<ActionResult<{ id: string; token: string }>> {
  const result = await runAction(createLinkSchema, values, createLink);
  if (result.ok) refresh(values.sheetId);
  return result;
}

export async function revokeLinkAction(values: RevokeLinkInput): Promise<ActionResult<{ factSheetId: string }>> {
  const result = await runAction(revokeLinkSchema, values, revokeLink);
  if (result.ok) refresh(result.value.factSheetId);
  return result;
}
