"use server";
import type { ActionResult } from "@/lib/action-result";
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

type Link = { path: string; expiresAt: string };
const accounts = () => ["/admin/users"];

export async function inviteUserAction(values: InviteInput): Promise<ActionResult<Link>> {
  return runAction(inviteSchema, values, inviteUser, accounts);
}

export async function changeUserRoleAction(values: ChangeRoleInput): Promise<ActionResult<{ version: number }>> {
  return runAction(changeRoleSchema, values, changeUserRole, accounts);
}

export async function setUserDisabledAction(values: SetDisabledInput): Promise<ActionResult<{ version: number }>> {
  return runAction(setDisabledSchema, values, setUserDisabled, accounts);
}

export async function passwordResetLinkAction(values: ResetLinkInput): Promise<ActionResult<Link>> {
  return runAction(resetLinkSchema, values, createPasswordResetLink);
}
