"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { invalidInput, ok, refuse, type ActionResult } from "@/lib/action-result";
import { loginSchema, WRONG_CREDENTIALS, type LoginInput } from "@/lib/schemas/auth";
import { tryAgainMessage } from "@/lib/sessions";
import { signIn } from "@/lib/server/auth";
import { throttledSeconds } from "@/lib/server/users";


/** Only same-site paths may be returned to after signing in. */
function safeReturnPath(path: unknown): string {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** The one action without a session, so not through runAction; it answers in the same ActionResult shape. */
export async function login(values: LoginInput, returnTo?: string): Promise<ActionResult> {
  const input = loginSchema.safeParse(values);
  if (!input.success) return invalidInput(input.error);
  try {
    await signIn("credentials", { ...input.data, redirectTo: safeReturnPath(returnTo) });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const wait = throttledSeconds(e.code);
      return refuse(wait === null ? WRONG_CREDENTIALS : tryAgainMessage(wait));
    }
    // Anything else (the database being down, say) is not the user's mistake: do not say it is.
    if (e instanceof AuthError) return refuse("Signing in is not possible right now. Try again in a moment.");
    throw e; // the redirect after a successful sign-in
  }
  return ok(undefined);
}
