"use server";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/accounts";
import { changeOwnPassword } from "@/lib/server/accounts";
import { runAction } from "@/lib/server/action";
import { currentSessionId } from "@/lib/server/session";
import type { ActionResult } from "@/lib/server/mutations";

export async function changePasswordAction(values: ChangePasswordInput): Promise<ActionResult<undefined>> {
  const keep = await currentSessionId();
  return runAction(changePasswordSchema, values, (actor, input) => changeOwnPassword(actor, input, keep));
}
