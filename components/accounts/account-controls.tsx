"use client";
import { useState } from "react";
import { changeUserRoleAction, passwordResetLinkAction, setUserDisabledAction } from "@/app/(app)/admin/users/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { ROLES } from "@/lib/schemas/accounts";
import { LinkToPassOn } from "./link-to-pass-on";

/** One account's row of controls: role, disable or enable, and a password-reset link. */
export function AccountControls(props: { user: { id: string; name: string; role: Role; disabled: boolean; version: number }; self: boolean }) {
  const { user } = props;
  const [role, setRole] = useState<Role>(user.role);
  const [link, setLink] = useState<{ path: string; expiresAt: string }>();
  const changeRole = useActionButton(changeUserRoleAction, { toast: () => `${user.name} is now ${ROLE_LABELS[role]}.` });
  const setDisabled = useActionButton(setUserDisabledAction, { toast: () => (user.disabled ? `${user.name} may sign in again.` : `${user.name} is disabled and signed out.`) });
  const resetLink = useActionButton(passwordResetLinkAction, { toast: null, onSuccess: setLink });
  if (props.self) return <p className="text-sm text-muted-foreground">This is you: another admin changes your role.</p>;
  const pending = changeRole.pending || setDisabled.pending || resetLink.pending;
  const problem = changeRole.problem ?? setDisabled.problem ?? resetLink.problem;
  return (
    <div className="space-y-2">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Role of {user.name}
          <Select value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-36">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </label>
        <Button type="button" variant="secondary" disabled={pending || role === user.role} onClick={() => changeRole.run({ userId: user.id, role, version: user.version })}>
          Change role
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setDisabled.run({ userId: user.id, disabled: !user.disabled, version: user.version })}>
          {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => resetLink.run({ userId: user.id })}>
          Password-reset link
        </Button>
      </div>
      {link ? <LinkToPassOn id={`reset-${user.id}`} label={`Password-reset link for ${user.name}`} {...link} /> : null}
    </div>
  );
}
