import "server-only";
import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/factsheets/snapshot";
import type { CreateLinkValues, RevokeLinkValues } from "@/lib/schemas/factsheet";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { readVersion } from "./fact-sheet-publishing";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction } from "./mutations";

/** 32 random bytes: unguessable. Only its SHA-256 is stored, so the database alone cannot open a link. */
export const newLinkToken = () => randomBytes(32).toString("base64url");
export const linkTokenHash = (token: string) => sha256Hex(token);

/**
 * Makes the public link of a sheet's latest version, or of one version, replacing (revoking) the
 * live one for the same target. The token is returned once, now; it cannot be shown again.
 */
export async function createLink(user: SessionUser, values: CreateLinkValues) {
  authorize(user, "factsheets:publish");
  return inTransaction(user, async (tx, audit) => {
    const sheet = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM fact_sheets WHERE id = ${values.sheetId}::uuid FOR UPDATE`;
    if (!sheet.length) return refuse("This fact sheet does not exist.");
    const snapshot = await tx.factSheetSnapshot.findFirst({
      where: { factSheetId: values.sheetId, ...(values.number ? { number: values.number } : {}) },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    if (!snapshot) return refuse(values.number ? `This sheet has no version ${values.number}.` : "Publish the sheet before making its public link.");
    const snapshotId = values.number ? snapshot.id : null;
    const now = new Date();
    const replaced = await tx.factSheetLink.updateManyAndReturn({
      where: { factSheetId: values.sheetId, snapshotId, revokedAt: null },
      data: { revokedAt: now, revokedById: user.id },
      select: { id: true },
    });
    const token = newLinkToken();
    const link = await tx.factSheetLink.create({ data: { factSheetId: values.sheetId, snapshotId, tokenHash: linkTokenHash(token), createdById: user.id, createdAt: now }, select: { id: true } });
    for (const r of replaced) audit({ action: "factsheet.link.revoke", entityType: "FactSheetLink", entityId: r.id, after: { revokedAt: now, replacedBy: link.id } });
    audit({ action: "factsheet.link.create", entityType: "FactSheetLink", entityId: link.id, after: { factSheetId: values.sheetId, number: values.number ?? null } });
    return ok({ id: link.id, token });
  });
}

export async function revokeLink(user: SessionUser, values: RevokeLinkValues) {
  authorize(user, "factsheets:publish");
  return inTransaction(user, async (tx, audit) => {
    const now = new Date();
    const revoked = await tx.factSheetLink.updateManyAndReturn({ where: { id: values.linkId, revokedAt: null }, data: { revokedAt: now, revokedById: user.id }, select: { id: true, factSheetId: true } });
    if (!revoked.length) return refuse("This link does not exist or is already revoked.");
    audit({ action: "factsheet.link.revoke", entityType: "FactSheetLink", entityId: values.linkId, after: { revokedAt: now } });
    return ok({ factSheetId: revoked[0]!.factSheetId });
  });
}

/** The sheet's live links (for its page): which target, when made and by whom. Tokens are not stored, so not shown. */
export async function listLinks(user: SessionUser, sheetId: string) {
  authorize(user, "factsheets:read");
  return db.factSheetLink.findMany({
    where: { factSheetId: sheetId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, createdAt: true, createdBy: { select: { name: true } }, snapshot: { select: { number: true } } },
  });
}

/**
 * The version a public token opens, for anyone, signed in or not: the sheet's latest version, or
 * the one version the link names. Null for an unknown or revoked token (the page answers 404).
 */
export async function openPublicLink(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await db.factSheetLink.findUnique({ where: { tokenHash: linkTokenHash(token) }, select: { factSheetId: true, revokedAt: true, snapshot: { select: { number: true } } } });
  if (!link || link.revokedAt) return null;
  return readVersion({ factSheetId: link.factSheetId, number: link.snapshot?.number });
}
