import { describe, expect, it } from "vitest";
import { seedDatabase } from "@/seeds/load";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SIGN_IN_LIMITS } from "@/lib/sessions";
import { activeSessionUser, revokeSession } from "@/lib/server/sessions";
import { sessionLive } from "../support/sessions";
import { ThrottledSignIn, verifyCredentials } from "@/lib/server/users";
import { seedUsers } from "@/seeds/data";
import { useMigratedDatabase } from "../support/database";

const from = (address: string) => new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-forwarded-for": address, "user-agent": "vitest" } });
const editor = seedUsers.find((u) => u.role === "EDITOR")!;

describe("signing in", () => {
  const { db } = useMigratedDatabase();

  it("opens a session row and records the sign-in with its address", async () => {
    await seedDatabase(db());
    const user = await verifyCredentials({ email: editor.email, password: editor.defaultPassword }, from("10.0.0.1"));
    expect(user?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const session = await db().session.findUniqueOrThrow({ where: { id: user!.sessionId } });
    expect(session).toMatchObject({ userId: user!.id, address: "10.0.0.1", userAgent: "vitest", revokedAt: null });
    const event = await db().securityEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ kind: "SIGN_IN", email: editor.email, userId: user!.id, address: "10.0.0.1" });
  });

  it("throttles an account after its failures, from any address, and says how long to wait", async () => {
    const email = "reviewer@factdesk.test";
    for (let i = 0; i < SIGN_IN_LIMITS.account.points; i++) {
      expect(await verifyCredentials({ email, password: `wrong-${i}` }, from(`10.0.1.${i}`))).toBeNull();
    }
    const refused = verifyCredentials({ email, password: "reviewer-demo-password" }, from("10.0.2.1"));
    await expect(refused).rejects.toBeInstanceOf(ThrottledSignIn);
    const error = (await refused.catch((e) => e)) as ThrottledSignIn;
    expect(error.seconds).toBeGreaterThan(SIGN_IN_LIMITS.account.durationS - 60);
    expect(error.code).toBe(`throttled:${error.seconds}`);
    const kinds = await db().securityEvent.groupBy({ by: ["kind"], where: { email }, _count: true });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toEqual({ SIGN_IN_FAILED: 5, SIGN_IN_THROTTLED: 1 });
    expect(await db().rateLimit.count({ where: { key: `signin_account:${email}` } })).toBe(1);
  });

  it("throttles an address that guesses at many accounts", async () => {
    const address = "10.0.3.3";
    for (let i = 0; i < SIGN_IN_LIMITS.address.points; i++) {
      expect(await verifyCredentials({ email: `nobody${i}@example.org`, password: "guess" }, from(address))).toBeNull();
    }
    await expect(verifyCredentials({ email: editor.email, password: editor.defaultPassword }, from(address))).rejects.toBeInstanceOf(ThrottledSignIn);
    expect(await verifyCredentials({ email: editor.email, password: editor.defaultPassword }, from("10.0.3.4"))).not.toBeNull();
  });
});

describe("sessions", () => {
  const { db } = useMigratedDatabase();

  it("end on sign-out, when idle and when too old", async () => {
    await seedDatabase(db());
    const user = await verifyCredentials({ email: editor.email, password: editor.defaultPassword }, from("10.0.4.1"));
    const sid = user!.sessionId;
    expect(await sessionLive(db(), sid)).toBe(true);
    const now = Date.now();
    await db().session.update({ where: { id: sid }, data: { lastSeenAt: new Date(now - SESSION_IDLE_MS - 1000) } });
    expect(await sessionLive(db(), sid)).toBe(false);
    await db().session.update({ where: { id: sid }, data: { lastSeenAt: new Date(), createdAt: new Date(now - SESSION_ABSOLUTE_MS - 1000) } });
    expect(await sessionLive(db(), sid)).toBe(false);
    await db().session.update({ where: { id: sid }, data: { createdAt: new Date() } });
    expect(await sessionLive(db(), sid)).toBe(true);
    await revokeSession(sid);
    expect(await sessionLive(db(), sid)).toBe(false);
    expect(await sessionLive(db(), "not-a-session")).toBe(false);
    expect(await sessionLive(db(), undefined)).toBe(false);
  });

  it("sign in only their own user, and not once the account is disabled", async () => {
    await seedDatabase(db());
    const user = await verifyCredentials({ email: editor.email, password: editor.defaultPassword }, from("10.0.4.2"));
    const other = await db().user.findFirstOrThrow({ where: { NOT: { id: user!.id } } });
    expect(await activeSessionUser(user!.sessionId, user!.id)).toMatchObject({ id: user!.id, role: "EDITOR" });
    expect(await activeSessionUser(user!.sessionId, other.id)).toBeNull();
    await db().user.update({ where: { id: user!.id }, data: { disabledAt: new Date() } });
    expect(await activeSessionUser(user!.sessionId, user!.id)).toBeNull();
  });
});
