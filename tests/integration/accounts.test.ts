import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/seeds/load";
import { seedUsers } from "@/seeds/data";
import { changeOwnPassword, changeUserRole, createPasswordResetLink, findAccountLink, inviteUser, redeemAccountLink, setUserDisabled } from "@/lib/server/accounts";
import type { SessionUser } from "@/lib/server/authorize";
import { sessionLive } from "../support/sessions";
import { verifyCredentials } from "@/lib/server/users";
import { prepareEmptyDatabase } from "@/scripts/lib/first-start";
import { useMigratedDatabase } from "../support/database";

const from = (address: string) => new Request("http://localhost/", { headers: { "x-forwarded-for": address } });
const tokenOf = (path: string) => path.split("/").at(-1)!;

describe("accounts", () => {
  const { db } = useMigratedDatabase();
  const actor = async (role: "ADMIN" | "EDITOR" | "REVIEWER"): Promise<SessionUser> => db().user.findFirstOrThrow({ where: { role }, select: { id: true, email: true, name: true, role: true } });
  const signIn = async (email: string, password: string) => (await verifyCredentials({ email, password }, from("10.1.0.1")))?.sessionId;

  it("an invite link creates the account once, then works no more", async () => {
    await seedDatabase(db());
    const admin = await actor("ADMIN");
    const invited = await inviteUser(admin, { email: "new.person@factdesk.test", role: "REVIEWER" });
    if (!invited.ok) throw new Error(invited.message);
    const token = tokenOf(invited.value.path);
    expect(await findAccountLink(token)).toEqual({ kind: "INVITE", email: "new.person@factdesk.test" });
    expect(await db().accountToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    const joined = await redeemAccountLink({ token, name: "New Person", newPassword: "a long new password" });
    expect(joined).toEqual({ ok: true, value: { email: "new.person@factdesk.test" } });
    expect(await db().user.findUniqueOrThrow({ where: { email: "new.person@factdesk.test" } })).toMatchObject({ role: "REVIEWER", name: "New Person" });
    expect(await signIn("new.person@factdesk.test", "a long new password")).toBeTruthy();
    expect(await redeemAccountLink({ token, name: "Again", newPassword: "another long password" })).toMatchObject({ ok: false, message: expect.stringMatching(/used already/) });
    expect(await db().auditLog.count({ where: { action: { in: ["user.invite", "user.join"] } } })).toBe(2);
  });

  it("an expired link works no more", async () => {
    const admin = await actor("ADMIN");
    const invited = await inviteUser(admin, { email: "late@factdesk.test", role: "EDITOR" });
    if (!invited.ok) throw new Error(invited.message);
    await db().accountToken.updateMany({ where: { email: "late@factdesk.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await redeemAccountLink({ token: tokenOf(invited.value.path), name: "Late", newPassword: "a long new password" })).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(await db().user.count({ where: { email: "late@factdesk.test" } })).toBe(0);
  });

  it("a role change and disabling end the account's sessions; only admins may do either", async () => {
    const admin = await actor("ADMIN");
    const reviewer = seedUsers.find((u) => u.role === "REVIEWER")!;
    const sid = await signIn(reviewer.email, reviewer.defaultPassword);
    expect(await sessionLive(db(), sid)).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: reviewer.email } });
    const editor = await actor("EDITOR");
    await expect(changeUserRole(editor, { userId: user.id, role: "ADMIN", version: user.version })).rejects.toThrow(/may not/);
    const changed = await changeUserRole(admin, { userId: user.id, role: "EDITOR", version: user.version });
    expect(changed).toEqual({ ok: true, value: { version: user.version + 1 } });
    expect(await sessionLive(db(), sid)).toBe(false);
    expect(await changeUserRole(admin, { userId: user.id, role: "ADMIN", version: user.version })).toMatchObject({ ok: false, stale: true });

    const sid2 = await signIn(reviewer.email, reviewer.defaultPassword);
    expect(await setUserDisabled(admin, { userId: user.id, disabled: true, version: user.version + 1 })).toMatchObject({ ok: true });
    expect(await sessionLive(db(), sid2)).toBe(false);
    expect(await signIn(reviewer.email, reviewer.defaultPassword)).toBeUndefined();
    expect(await setUserDisabled(admin, { userId: admin.id, disabled: true, version: 1 })).toMatchObject({ ok: false });
    // Enabled again: signs in again.
    expect(await setUserDisabled(admin, { userId: user.id, disabled: false, version: user.version + 2 })).toEqual({ ok: true, value: { version: user.version + 3 } });
    expect(await signIn(reviewer.email, reviewer.defaultPassword)).toBeTruthy();
    const rows = await db().auditLog.findMany({ where: { entityType: "user", entityId: user.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
    expect(rows).toEqual([
      { action: "user.role", actorId: admin.id, before: { role: "REVIEWER", disabled: false }, after: { role: "EDITOR", disabled: false } },
      { action: "user.disable", actorId: admin.id, before: { role: "EDITOR", disabled: false }, after: { role: "EDITOR", disabled: true } },
      { action: "user.enable", actorId: admin.id, before: { role: "EDITOR", disabled: true }, after: { role: "EDITOR", disabled: false } },
    ]);
  });

  it("a password-reset link sets a new password and ends every session; one's own change keeps the current session", async () => {
    const admin = await actor("ADMIN");
    const editor = seedUsers.find((u) => u.role === "EDITOR")!;
    const user = await db().user.findUniqueOrThrow({ where: { email: editor.email } });
    const [a, b] = [await signIn(editor.email, editor.defaultPassword), await signIn(editor.email, editor.defaultPassword)];
    const link = await createPasswordResetLink(admin, { userId: user.id });
    if (!link.ok) throw new Error(link.message);
    expect(await redeemAccountLink({ token: tokenOf(link.value.path), newPassword: "reset password 123" })).toMatchObject({ ok: true });
    expect([await sessionLive(db(), a), await sessionLive(db(), b)]).toEqual([false, false]);
    expect(await signIn(editor.email, editor.defaultPassword)).toBeUndefined();

    const me = await actor("EDITOR");
    const [c, d] = [await signIn(editor.email, "reset password 123"), await signIn(editor.email, "reset password 123")];
    expect(await changeOwnPassword(me, { currentPassword: "wrong", newPassword: "x".repeat(12) }, c)).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(Array) } });
    const ownChanges = () => db().auditLog.findMany({ where: { action: "user.password", entityId: me.id }, select: { actorId: true, entityType: true } });
    expect(await ownChanges(), "a refused change is not recorded").toEqual([]);
    expect(await changeOwnPassword(me, { currentPassword: "reset password 123", newPassword: "my own new password" }, c)).toMatchObject({ ok: true });
    expect([await sessionLive(db(), c), await sessionLive(db(), d)]).toEqual([true, false]);
    expect(await signIn(editor.email, "my own new password")).toBeTruthy();
    expect(await ownChanges(), "one's own password change is recorded, by oneself").toEqual([{ actorId: me.id, entityType: "user" }]);
  });
});

describe("the first start of a production database", () => {
  const { db } = useMigratedDatabase();
  const logged: string[] = [];
  const options = { demo: false, baseUrl: "http://localhost:3000", log: (m: string) => void logged.push(m) };

  it("without ADMIN_EMAIL and ADMIN_PASSWORD prints a one-time setup link, and creates no demo account", async () => {
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
    await prepareEmptyDatabase(db(), options);
    expect(await db().user.count()).toBe(0);
    const path = /http:\/\/localhost:3000(\/account-link\/[\w-]{43})/.exec(logged.join("\n"))?.[1];
    expect(path).toBeTruthy();
    const token = tokenOf(path!);
    expect(await findAccountLink(token)).toEqual({ kind: "SETUP", email: null });
    expect(await redeemAccountLink({ token, name: "First Admin", newPassword: "a long admin password" })).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array) } });
    expect(await redeemAccountLink({ token, email: "boss@example.org", name: "First Admin", newPassword: "a long admin password" })).toMatchObject({ ok: true });
    expect(await db().user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "boss@example.org", role: "ADMIN" }]);
    await prepareEmptyDatabase(db(), options);
    expect(await db().accountToken.count({ where: { kind: "SETUP" } })).toBe(1);
  });

});

describe("the first start of a production database with ADMIN_EMAIL and ADMIN_PASSWORD", () => {
  const { db } = useMigratedDatabase();

  it("creates that admin, who signs in with that password; no demo account exists", async () => {
    process.env.ADMIN_EMAIL = "Chief@Example.org";
    process.env.ADMIN_PASSWORD = "chief's long password";
    try {
      await prepareEmptyDatabase(db(), { demo: false, baseUrl: "http://localhost:3000", log: () => {} });
    } finally {
      delete process.env.ADMIN_EMAIL;
      delete process.env.ADMIN_PASSWORD;
    }
    expect(await db().user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "chief@example.org", role: "ADMIN" }]);
    expect(await verifyCredentials({ email: "chief@example.org", password: "chief's long password" }, from("10.2.0.1"))).toBeTruthy();
  });
});
