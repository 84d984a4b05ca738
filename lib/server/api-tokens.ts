import "server-only";
import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/factsheets/snapshot";
import type { CreateApiTokenValues, RevokeApiTokenInput } from "@/lib/schemas/api-token";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { ok, refuse } from "@/lib/action-result";
import { inTransaction } from "./mutations";

// Bearer tokens for /api/v1. A token is `fdk_` and 32 random bytes; only its SHA-256 is stored,
// so it is shown once, when made. Admins name and revoke them; each use is recorded (at most once a minute).

const PREFIX = "fdk_";
const hashToken = (token: string) => sha256Hex(token);

export async function createApiToken(actor: SessionUser, values: CreateApiTokenValues) {
  authorize(actor, "api-tokens:manage");
  return inTransaction(actor, async (tx, audit) => {
    const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
    const row = await tx.apiToken.create({
      data: { name: values.name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6), createdById: actor.id },
      select: { id: true, prefix: true },
    });
    audit({ action: "api-token.create", entityType: "ApiToken", entityId: row.id, after: { name: values.name, prefix: row.prefix } });
    return ok({ id: row.id, token });
  });
}

export async function revokeApiToken(actor: SessionUser, values: RevokeApiTokenInput) {
  authorize(actor, "api-tokens:manage");
  return inTransaction(actor, async (tx, audit) => {
    const now = new Date();
    const revoked = await tx.apiToken.updateManyAndReturn({
      where: { id: values.tokenId, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.id },
      select: { id: true, name: true },
    });
    if (!revoked.length) return refuse("This token does not exist or is already revoked.");
    audit({ action: "api-token.revoke", entityType: "ApiToken", entityId: values.tokenId, after: { revokedAt: now } });
    return ok({ name: revoked[0]!.name });
  });
}

/** Every token, newest first: name, prefix, who made it, last use, revoked or not (never the token). */
export async function listApiTokens(actor: SessionUser) {
  authorize(actor, "api-tokens:manage");
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
}

export interface ApiClient {
  tokenId: string;
  name: string;
  /** The admin who made the token: the API reads as a reviewer would, on their behalf. */
  actor: SessionUser;
}

/** The client a request's `Authorization: Bearer …` names, or null for a missing, unknown or revoked token. */
export async function authenticateApiToken(authorization: string | null): Promise<ApiClient | null> {
  const match = /^Bearer\s+(fdk_[A-Za-z0-9_-]{20,100})\s*$/i.exec(authorization ?? "");
  if (!match) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, name: true, revokedAt: true, createdBy: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.revokedAt) return null;
  await db.$executeRaw`UPDATE api_tokens SET last_used_at = now() WHERE id = ${row.id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  return { tokenId: row.id, name: row.name, actor: { ...row.createdBy, name: `${row.name} (API)`, role: "REVIEWER" } };
}
