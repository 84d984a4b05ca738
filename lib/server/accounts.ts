import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { keysetPage } from "@/lib/pagination";
import { LINK_LIFETIME_MS } from "@/lib/schemas/accounts";
import type { AccountTokenKind, Db, Role } from "@/prisma/client";
import { writeAudit } from "./audit";
import { authorize, type SessionUser } from "./authorize";
import { db } from "./db";
import { CHECK_FIELDS, ok, refuse, staleMessage, type ActionResult } from "@/lib/action-result";
import { inTransaction, type Tx } from "./mutations";
import { revokeUserSessions } from "./sessions";

// Accounts: invites, roles, disabling, one-time links and passwords. Each change is audited, and
// each that must end sessions ends them in the same transaction.

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const accountLinkPath = (token: string) => `/account-link/${token}`;

/** A one-time link: the token goes to the person, only its hash is stored. */
async function issueLink(
  tx: Tx,
  data: { kind: AccountTokenKind; email?: string; role?: Role; userId?: string; createdById: string | null },
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS[data.kind]);
  const row = await tx.accountToken.create({ data: { ...data, tokenHash: hashToken(token), expiresAt }, select: { id: true } });
  return { id: row.id, path: accountLinkPath(token), expiresAt };
}

export async function inviteUser(user: SessionUser, input: { email: string; role: Role }, tx?: Tx) {
  authorize(user, "users:manage");
  return inTransaction(user, async (tx, audit) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return refuse(CHECK_FIELDS, { fieldErrors: { email: ["An account with this email already exists."] } });
    }
    const link = await issueLink(tx, { kind: "INVITE", email: input.email, role: input.role, createdById: user.id });
    audit({ action: "user.invite", entityType: "account_token", entityId: link.id, after: { email: input.email, role: input.role, expiresAt: link.expiresAt } });
    return ok({ path: link.path, expiresAt: link.expiresAt.toISOString() });
  }, { tx });
}

/** Changes another account; the account's sessions end so the change is felt at once. */
async function changeAccount(user: SessionUser, input: { userId: string; version: number }, change: { role?: Role; disabled?: boolean }, action: string) {
  authorize(user, "users:manage");
  if (input.userId === user.id) return refuse("You cannot change your own role or disable yourself: ask another admin.");
  return inTransaction(user, async (tx, audit) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, disabledAt: true, version: true, email: true } });
    if (!before) return refuse("No such account.");
    const data = {
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? new Date() : null } : {}),
      version: { increment: 1 },
    };
    const updated = await tx.user.updateMany({ where: { id: input.userId, version: input.version }, data });
    if (updated.count === 0) return refuse(staleMessage("account"), { stale: true });
    await revokeUserSessions(tx, input.userId);
    audit({
      action,
      entityType: "user",
      entityId: input.userId,
      before: { role: before.role, disabled: before.disabledAt !== null },
      after: { role: change.role ?? before.role, disabled: change.disabled ?? before.disabledAt !== null },
    });
    return ok({ version: before.version + 1 });
  });
}

export const changeUserRole = (user: SessionUser, input: { userId: string; role: Role; version: number }) =>
  changeAccount(user, input, { role: input.role }, "user.role");

export const setUserDisabled = (user: SessionUser, input: { userId: string; disabled: boolean; version: number }) =>
  changeAccount(user, input, { disabled: input.disabled }, input.disabled ? "user.disable" : "user.enable");

/** A fresh production database: the first admin's one-time setup link (email from ADMIN_EMAIL, or asked). */
export async function issueSetupLink(client: Db, email: string | null) {
  return client.$transaction(async (tx) => {
    const link = await issueLink(tx, { kind: "SETUP", email: email ?? undefined, role: "ADMIN", createdById: null });
    await writeAudit(tx, null, [{ action: "user.setup-link", entityType: "account_token", entityId: link.id, after: { email, expiresAt: link.expiresAt } }]);
    return link;
  });
}

/** A fresh production database with ADMIN_EMAIL and ADMIN_PASSWORD: the first admin, made directly. */
export async function createFirstAdmin(client: Db, input: { email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return client.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: "Admin", role: "ADMIN", passwordHash }, select: { id: true } });
    await writeAudit(tx, null, [{ action: "user.setup", entityType: "user", entityId: user.id, after: { email: input.email, role: "ADMIN" } }]);
    return user;
  });
}

/** There is no mail: the admin is shown the link to pass on. */
export async function createPasswordResetLink(user: SessionUser, input: { userId: string }) {
  authorize(user, "users:manage");
  return inTransaction(user, async (tx, audit) => {
    const account = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!account) return refuse("No such account.");
    const link = await issueLink(tx, { kind: "PASSWORD_RESET", userId: account.id, createdById: user.id });
    audit({ action: "user.reset-link", entityType: "user", entityId: account.id, after: { expiresAt: link.expiresAt } });
    return ok({ path: link.path, expiresAt: link.expiresAt.toISOString() });
  });
}

/** Anyone's own password; their other sessions end. */
export async function changeOwnPassword(user: SessionUser, input: { currentPassword: string; newPassword: string }, currentSessionId?: string) {
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    return refuse(CHECK_FIELDS, { fieldErrors: { currentPassword: ["That is not your current password."] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(user, async (tx, audit) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, version: { increment: 1 } } });
    await revokeUserSessions(tx, user.id, currentSessionId);
    audit({ action: "user.password", entityType: "user", entityId: user.id });
    return ok(undefined);
  });
}

/** What a one-time link offers, or why it offers nothing. */
export async function findAccountLink(token: string): Promise<{ kind: AccountTokenKind; email: string | null } | { invalid: string }> {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row) return { invalid: "This link is not valid. Ask an admin for a new one." };
  if (row.usedAt) return { invalid: "This link has been used already. Ask an admin for a new one." };
  if (row.expiresAt <= new Date()) return { invalid: "This link has expired. Ask an admin for a new one." };
  return { kind: row.kind, email: row.email ?? row.user?.email ?? null };
}

/** Following a link: creates the invited account, or sets the new password and ends every session. Works once. */
export async function redeemAccountLink(input: { token: string; email?: string; name?: string; newPassword: string }): Promise<ActionResult<{ email: string }>> {
  const found = await findAccountLink(input.token);
  if ("invalid" in found) return refuse(found.invalid);
  const creates = found.kind !== "PASSWORD_RESET";
  if (creates && !input.name) return refuse(CHECK_FIELDS, { fieldErrors: { name: ["Enter your name."] } });
  const email = found.email ?? input.email;
  if (creates && !email) return refuse(CHECK_FIELDS, { fieldErrors: { email: ["Enter your email address."] } });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const claimed = await tx.accountToken.updateMany({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) return refuse("This link has been used already. Ask an admin for a new one.");
    const token = await tx.accountToken.findUniqueOrThrow({ where: { tokenHash: hashToken(input.token) } });
    if (creates) {
      if (await tx.user.findUnique({ where: { email: email! }, select: { id: true } })) return refuse("An account with this email exists already.");
      const user = await tx.user.create({ data: { email: email!, name: input.name!, role: token.role!, passwordHash }, select: { id: true, email: true } });
      await writeAudit(tx, user.id, [{ action: token.kind === "SETUP" ? "user.setup" : "user.join", entityType: "user", entityId: user.id, after: { email: user.email, role: token.role, name: input.name } }]);
      return ok({ email: user.email });
    }
    const user = await tx.user.update({ where: { id: token.userId! }, data: { passwordHash, version: { increment: 1 } }, select: { id: true, email: true } });
    await revokeUserSessions(tx, user.id);
    await writeAudit(tx, user.id, [{ action: "user.password-reset", entityType: "user", entityId: user.id }]);
    return ok({ email: user.email });
  });
}

/** The security record, newest first, keyset-paged by id. */
export async function listSecurityEvents(user: SessionUser, options: { limit: number; before?: bigint }) {
  authorize(user, "audit:read");
  const rows = await db.securityEvent.findMany({
    where: options.before ? { id: { lt: options.before } } : undefined,
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: { id: true, kind: true, email: true, address: true, detail: true, createdAt: true, user: { select: { name: true } } },
  });
  const { page: items, nextCursor } = keysetPage(rows, options.limit, (last) => String(last.id));
  return { items, nextCursor };
}
