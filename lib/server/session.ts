import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "./authorize";
import { findActiveUser } from "./users";

const SECURE_SESSION_COOKIE = "__Secure-authjs.session-token";

/**
 * The session's user id, read straight from the cookie: one decryption. Auth.js's `auth()` runs
 * its whole session endpoint instead (decrypt, callbacks, and encrypt a refreshed token that a
 * page cannot send back).
 */
async function sessionUserId(): Promise<string | null> {
  const secureCookie = (await cookies()).getAll().some((c) => c.name.startsWith(SECURE_SESSION_COOKIE));
  const token = await getToken({ req: { headers: await headers() }, secret: process.env.AUTH_SECRET, secureCookie });
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
