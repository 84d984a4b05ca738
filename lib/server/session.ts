import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { SESSION_HANDOFF_HEADER, receive } from "@/lib/session-handoff";
import type { SessionUser } from "./authorize";
import { activeSession } from "./sessions";

const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/**
 * The session cookie's claims, as `proxy.ts` decrypted them for this request (lib/session-handoff.ts),
 * or read straight from the cookie when the proxy handed nothing on: one decryption a request.
 * Auth.js's `auth()` runs its whole session endpoint instead (decrypt, callbacks, and encrypt a
 * refreshed token that a page cannot send back).
 */
async function sessionClaims(): Promise<{ sub?: string; sid?: unknown } | null> {
  const requestHeaders = await headers();
  const handed = receive(requestHeaders.get(SESSION_HANDOFF_HEADER));
  if (handed) return handed.token;
  const secureCookie = (await cookies()).getAll().some((c) => c.name.startsWith(SECURE_SESSION_COOKIE));
  return getToken({ req: { headers: requestHeaders }, secret: process.env.AUTH_SECRET, secureCookie });
}

/**
 * This request's session: its row id and its signed-in, active user, or null. The session row is
 * checked on every request, so signing out, a password or role change and disabling the account
 * end it at once, and a replayed cookie signs no one in.
 */
const currentSession = cache(async (): Promise<{ id: string; user: SessionUser; dataVersion: string } | null> => {
  const claims = await sessionClaims();
  if (!claims?.sub) return null;
  const { user, dataVersion } = await activeSession(claims.sid, claims.sub);
  return user ? { id: claims.sid as string, user, dataVersion } : null;
});

/** The signed-in, active user for this request, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => (await currentSession())?.user ?? null);

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * The signed-in, active user and the data version (lib/server/page-cache.ts) read with the session,
 * in the same statement; null without a session. Route handlers ask for both in one call: React's
 * `cache` keeps a value within a render, and is not relied on outside one.
 */
export async function currentReader(): Promise<{ user: SessionUser; dataVersion: string } | null> {
  const session = await currentSession();
  return session && { user: session.user, dataVersion: session.dataVersion };
}

/** The row id of this request's session (lib/server/sessions.ts), so a password change can keep it. */
export async function currentSessionId(): Promise<string | undefined> {
  return (await currentSession())?.id;
}
