"use server";
import type { ActionResult } from "@/lib/action-result";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/accounts";
import { changeOwnPassword } from "@/lib/server/accounts";
import { runAction } from "@/lib/server/action";
import { currentSessionId } from "@/lib/server/session";

export async function changePasswordAction(values: ChangePasswordInput): Promise<ActionResult> {
  const keep = await currentSessionId();
  return runAction(changePasswordSchema, values, (user, input) => changeOwnPassword(user, input, keep));
}
