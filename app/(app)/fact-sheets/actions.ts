"use server";
import type { ActionResult } from "@/lib/action-result";
import {
  addFilteredClaimsSchema,
  addSheetClaimsSchema,
  arrangeSheetSchema,
  createLinkSchema,
  editSheetSchema,
  publishSheetSchema,
  retryExportSchema,
  revokeLinkSchema,
  sheetSchema,
  type AddFilteredClaimsInput,
  type AddSheetClaimsInput,
  type ArrangeSheetInput,
  type CreateLinkInput,
  type EditSheetInput,
  type PublishSheetInput,
  type RetryExportInput,
  type RevokeLinkInput,
  type SheetInput,
} from "@/lib/schemas/factsheet";
import { runAction } from "@/lib/server/action";
import { retryPdfJob } from "@/lib/server/export-jobs";
import { createLink, revokeLink } from "@/lib/server/fact-sheet-links";
import { publishSheet } from "@/lib/server/fact-sheet-publishing";
import { addFilteredClaims, addSheetClaims, arrangeSheet, createSheet, updateSheet } from "@/lib/server/fact-sheets";

const sheet = (id: string) => ["/fact-sheets", `/fact-sheets/${id}`];

export async function createSheetAction(values: SheetInput): Promise<ActionResult<{ id: string }>> {
  return runAction(sheetSchema, values, createSheet, () => ["/fact-sheets"]);
}

export async function updateSheetAction(values: EditSheetInput): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(editSheetSchema, values, updateSheet, ({ id }) => sheet(id));
}

export async function arrangeSheetAction(values: ArrangeSheetInput): Promise<ActionResult<{ version: number; count: number }>> {
  return runAction(arrangeSheetSchema, values, arrangeSheet, (_, input) => sheet(input.sheetId));
}

export async function addSheetClaimsAction(values: AddSheetClaimsInput): Promise<ActionResult<{ version: number; added: number }>> {
  return runAction(addSheetClaimsSchema, values, addSheetClaims, (_, input) => sheet(input.sheetId));
}

export async function addFilteredClaimsAction(values: AddFilteredClaimsInput): Promise<ActionResult<{ added: number; capped: boolean }>> {
  return runAction(addFilteredClaimsSchema, values, addFilteredClaims, (_, input) => sheet(input.sheetId));
}

export async function publishSheetAction(values: PublishSheetInput): Promise<ActionResult<{ number: number; contentHash: string; omitted: number }>> {
  return runAction(publishSheetSchema, values, publishSheet, (_, input) => [...sheet(input.sheetId), "/"]);
}

export async function createLinkAction(values: CreateLinkInput): Promise<ActionResult<{ id: string; token: string }>> {
  return runAction(createLinkSchema, values, createLink, (_, input) => sheet(input.sheetId));
}

export async function revokeLinkAction(values: RevokeLinkInput): Promise<ActionResult<{ factSheetId: string }>> {
  return runAction(revokeLinkSchema, values, revokeLink, ({ factSheetId }) => sheet(factSheetId));
}

export async function retryExportAction(values: RetryExportInput): Promise<ActionResult<{ factSheetId: string; number: number }>> {
  return runAction(retryExportSchema, values, retryPdfJob, ({ factSheetId, number }) => [`/fact-sheets/${factSheetId}/v/${number}`]);
}
