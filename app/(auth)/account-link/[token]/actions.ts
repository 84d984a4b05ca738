"use server";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { accountLinkSchema, type AccountLinkInput } from "@/lib/schemas/accounts";
import { redeemAccountLink } from "@/lib/server/accounts";

/** The one action without a session besides signing in: the one-time link is the credential. */
export async function accountLinkAction(values: AccountLinkInput): Promise<ActionResult<{ email: string }>> {
  const input = accountLinkSchema.safeParse(values);
  if (!input.success) return invalidInput(input.error);
  return redeemAccountLink(input.data);
}
