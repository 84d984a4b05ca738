import "server-only";
import type { Prisma } from "@/prisma/client";
import { sessionEnded, SESSION_TOUCH_MS } from "@/lib/sessions";
import { db } from "./db";

type Tx = Prisma.TransactionClient;

export async function openSession(userId: string, address: string, userAgent: string): Promise<string> {
  const row = await db.session.create({ data: { userId, address, userAgent: userAgent.slice(0, 512) }, select: { id: true } });
  return row.id;
}

/**
 * Whether the session a cookie names still signs anyone in (not revoked, not idle, not too old);
 * notes its use at most once a minute.
 */
export async function checkSession(sessionId: unknown, now = new Date()): Promise<boolean> {
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { createdAt: true, lastSeenAt: true, revokedAt: true } });
  if (!row || sessionEnded(row, now)) return false;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return true;
}

/** Signing out: this one session ends; its cookie, replayed, signs no one in. */
export async function revokeSession(sessionId: unknown) {
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** A password change, a role change or disabling: the user's sessions end (all, or all but the one making the change). */
export async function revokeUserSessions(tx: Tx, userId: string, except?: string) {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date() },
  });
}
