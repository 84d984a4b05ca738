import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import type { SessionUser } from "./authorize";
import { findActiveUser } from "./users";

/** The signed-in, active user for this request, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findActiveUser(id) : null;
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}
