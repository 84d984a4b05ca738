"use server";
import { AuthError } from "next-auth";
import { loginSchema, WRONG_CREDENTIALS, type LoginInput } from "@/lib/schemas/auth";
import { signIn } from "@/lib/server/auth";

export type LoginState = { fieldErrors?: Partial<Record<keyof LoginInput, string[]>>; message?: string };

/** Only same-site paths may be returned to after signing in. */
function safeReturnPath(path: unknown): string {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export async function login(values: LoginInput, returnTo?: string): Promise<LoginState> {
  const input = loginSchema.safeParse(values);
  if (!input.success) return { fieldErrors: input.error.flatten().fieldErrors };
  try {
    await signIn("credentials", { ...input.data, redirectTo: safeReturnPath(returnTo) });
  } catch (e) {
    if (e instanceof AuthError) return { message: WRONG_CREDENTIALS };
    throw e; // the redirect after a successful sign-in
  }
  return {};
}
