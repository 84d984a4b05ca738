import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { loginSchema } from "@/lib/schemas/auth";
import { ASSIGNABLE_ROLES } from "@/lib/permissions";
import { keysetPage } from "@/lib/pagination";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { hashNoOneHas, verifyPassword } from "@/lib/passwords";
import { clientAddress, recordSecurityEvent } from "./security-events";
import { openSession } from "./sessions";
import { clearFailedSignIns, countFailedSignIn, signInBlockedFor } from "./sign-in-throttle";

/** Too many failures for this account or address: the code carries the seconds to wait. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(readonly seconds: number) {
    super();
    this.code = `throttled:${seconds}`;
  }
}

/** The seconds a throttled sign-in's code asks to wait, or null for any other failure. */
export function throttledSeconds(code: unknown): number | null {
  const m = typeof code === "string" ? /^throttled:(\d+)$/.exec(code) : null;
  return m ? Number(m[1]) : null;
}

/**
 * The user these credentials belong to with a new session, or null; disabled accounts cannot
 * sign in. Throttled per account and address; every outcome is recorded with its address.
 */
export async function verifyCredentials(raw: unknown, request?: Request): Promise<{ id: string; email: string; name: string; sessionId: string } | null> {
  const input = loginSchema.safeParse(raw);
  if (!input.success) return null;
  const { email, password } = input.data;
  const headers = request?.headers ?? new Headers();
  const address = clientAddress(headers);
  const wait = await signInBlockedFor(email, address);
  if (wait > 0) {
    await recordSecurityEvent({ kind: "SIGN_IN_THROTTLED", email, address, detail: `try again in ${wait} s` });
    throw new ThrottledSignIn(wait);
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await hashNoOneHas()), password);
  if (!user || !ok || user.disabledAt) {
    await countFailedSignIn(email, address);
    const detail = !user ? "no such account" : !ok ? "wrong password" : "account disabled";
    await recordSecurityEvent({ kind: "SIGN_IN_FAILED", email, userId: user?.id, address, detail });
    return null;
  }
  await clearFailedSignIns(email);
  const sessionId = await openSession(user.id, address, headers.get("user-agent") ?? "");
  await recordSecurityEvent({ kind: "SIGN_IN", email, userId: user.id, address });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}

/** The actor behind a session: re-read each request, so a disabled account or a role change takes effect at once. */
export async function findActiveUser(userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function listUsers(user: SessionUser, options: { limit: number; after?: string }) {
  authorize(user, "users:manage");
  const rows = await db.user.findMany({
    where: options.after ? { email: { gt: options.after } } : undefined,
    orderBy: { email: "asc" },
    take: options.limit + 1,
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true, version: true },
  });
  const { page: items, nextCursor } = keysetPage(rows, options.limit, (last) => last.email);
  return { items, nextCursor };
}

/** Who a claim can be assigned to: active editors and admins, by name (a newsroom has dozens, not thousands). */
export async function listAssignees(user: SessionUser, limit = 200) {
  authorize(user, "claims:read");
  return db.user.findMany({
    where: { disabledAt: null, role: { in: ASSIGNABLE_ROLES } },
    orderBy: { name: "asc" },
    take: limit,
    select: { id: true, name: true },
  });
}
