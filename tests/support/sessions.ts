// Whether a session row still signs its own user in, as every request asks (lib/server/session.ts).
import { activeSessionUser } from "@/lib/server/sessions";
import type { Db } from "@/prisma/client";

export async function sessionLive(db: Db, sessionId: unknown): Promise<boolean> {
  const row = typeof sessionId === "string" && /^[0-9a-f-]{36}$/i.test(sessionId) ? await db.session.findUnique({ where: { id: sessionId }, select: { userId: true } }) : null;
  return (await activeSessionUser(sessionId, row?.userId)) !== null;
}
