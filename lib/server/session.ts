import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { SESSION_HANDOFF_HEADER, receive } from "@/lib/session-handoff";
import type { SessionUser } from "./authorize";
import { findActiveUser } from "./users";

const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/**
 * The session's user id, as `proxy.ts` decrypted it for this request (lib/session-handoff.ts), or
 * read straight from the cookie when the proxy handed nothing on: one decryption a request.
 * Auth.js's `auth()` runs its whole session endpoint instead (decrypt, callbacks, and encrypt a
 * refreshed token that a page cannot send back).
 */
async function sessionUserId(): Promise<string | null> {
  const requestHeaders = await headers();
  const handed = receive(requestHeaders.get(SESSION_HANDOFF_HEADER));
  if (handed) return handed.token?.sub ?? null;
  const secureCookie = (await cookies()).getAll().some((c) => c.name.startsWith(SECURE_SESSION_COOKIE));
  const token = await getToken({ req: { headers: requestHeaders }, secret: process.env.AUTH_SECRET, secureCookie });
  return token?.sub ?? null;
}

/** The signed-in, active user for this request, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await sessionUserId();
  return id ? findActiveUser(id) : null;
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}
