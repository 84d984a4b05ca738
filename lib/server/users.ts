import "server-only";
import { loginSchema } from "@/lib/schemas/auth";
import { ASSIGNABLE_ROLES } from "@/lib/permissions";
import { keysetPage } from "@/lib/pagination";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { hashNoOneHas, verifyPassword } from "@/lib/passwords";

/** The user these credentials belong to, or null; disabled accounts cannot sign in. */
export async function verifyCredentials(raw: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const input = loginSchema.safeParse(raw);
  if (!input.success) return null;
  const user = await db.user.findUnique({
    where: { email: input.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await hashNoOneHas()), input.data.password);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
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
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
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
