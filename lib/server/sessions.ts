import "server-only";
import type { Prisma } from "@/prisma/client";
import { isUuid } from "@/lib/ids";
import { sessionEnded, SESSION_TOUCH_MS } from "@/lib/sessions";
import type { SessionUser } from "./authorize";
import { db } from "./db";

type Tx = Prisma.TransactionClient;

export async function openSession(userId: string, address: string, userAgent: string): Promise<string> {
  const row = await db.session.create({ data: { userId, address, userAgent: userAgent.slice(0, 512) }, select: { id: true } });
  return row.id;
}

const isSessionId = (id: unknown): id is string => typeof id === "string" && isUuid(id);

/**
 * The user a session cookie signs in, or null: the session row must be live (not revoked, idle or
 * too old), belong to that user, and the account must not be disabled. One primary-key read per
 * request (joined to its user); the row's last use is noted at most once a minute.
 */
export async function activeSessionUser(sessionId: unknown, userId: unknown, now = new Date()): Promise<SessionUser | null> {
  return (await activeSession(sessionId, userId, now)).user;
}

/**
 * activeSessionUser, and the data version (lib/server/page-cache.ts) in the same statement, read in
 * one snapshot with the session; "none" when there is no session row to read it with.
 */
export async function activeSession(sessionId: unknown, userId: unknown, now = new Date()): Promise<{ user: SessionUser | null; dataVersion: string }> {
  if (!isSessionId(sessionId)) return { user: null, dataVersion: "none" };
  // One joined statement, prepared (planned once a connection), on every signed-in request (kept
  // pages too): Prisma's nested read of the user was a second round trip, and the page cache's
  // read of the data version a third.
  const [row] = await db.$queryRaw<SessionRow[]>`/* prepared: session_user */
    SELECT s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", s.revoked_at AS "revokedAt",
           u.id, u.email, u.name, u.role::text AS role, u.disabled_at AS "disabledAt",
           (SELECT v.token::text FROM data_version v) AS "dataVersion"
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${sessionId}::uuid`;
  const dataVersion = row?.dataVersion ?? "none";
  if (!row || row.id !== userId || row.disabledAt || sessionEnded(row, now)) return { user: null, dataVersion };
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = row;
  return { user: { id, email, name, role }, dataVersion };
}

type SessionRow = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null; id: string; email: string; name: string; role: SessionUser["role"]; disabledAt: Date | null; dataVersion: string | null };

/** Signing out: this one session ends; its cookie, replayed, signs no one in. */
export async function revokeSession(sessionId: unknown) {
  if (!isSessionId(sessionId)) return;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** A password change, a role change or disabling: the user's sessions end (all, or all but the one making the change). */
export async function revokeUserSessions(tx: Tx, userId: string, except?: string) {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date() },
  });
}
