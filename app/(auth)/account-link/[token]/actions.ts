"use server";
import { accountLinkSchema, type AccountLinkInput } from "@/lib/schemas/accounts";
import { redeemAccountLink } from "@/lib/server/accounts";
import type { ActionResult } from "@/lib/server/mutations";

/** The one action without a session: the one-time link is the credential. */
export async function accountLinkAction(values: AccountLinkInput): Promise<ActionResult<{ email: string }>> {
  const input = accountLinkSchema.safeParse(values);
  if (!input.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: input.error.flatten().fieldErrors };
  return redeemAccountLink(input.data);
}
