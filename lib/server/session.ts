import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import type { Actor } from "./authorize";
import { findActiveActor } from "./users";

/** The signed-in, active user for this request, or null. */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findActiveActor(id) : null;
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** The row id of this request's session (lib/server/sessions.ts), so a password change can keep it. */
export async function currentSessionId(): Promise<string | undefined> {
  const session = (await auth()) as { sessionId?: string } | null;
  return session?.sessionId;
}
