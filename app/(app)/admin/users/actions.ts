"use server";
import { revalidatePath } from "next/cache";
import {
  changeRoleSchema,
  inviteSchema,
  resetLinkSchema,
  setDisabledSchema,
  type ChangeRoleInput,
  type InviteInput,
  type ResetLinkInput,
  type SetDisabledInput,
} from "@/lib/schemas/accounts";
import { changeUserRole, createPasswordResetLink, inviteUser, setUserDisabled } from "@/lib/server/accounts";
import { runAction } from "@/lib/server/action";
import type { ActionResult } from "@/lib/server/mutations";

type Link = { path: string; expiresAt: string };

export async function inviteUserAction(values: InviteInput): Promise<ActionResult<Link>> {
  const result = await runAction(inviteSchema, values, inviteUser);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function changeUserRoleAction(values: ChangeRoleInput): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(changeRoleSchema, values, changeUserRole);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserDisabledAction(values: SetDisabledInput): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(setDisabledSchema, values, setUserDisabled);
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function passwordResetLinkAction(values: ResetLinkInput): Promise<ActionResult<Link>> {
  return runAction(resetLinkSchema, values, createPasswordResetLink);
}
