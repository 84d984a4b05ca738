"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeUserRoleAction, passwordResetLinkAction, setUserDisabledAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { notifySaved } from "@/components/ui/toast";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { ROLES } from "@/lib/schemas/accounts";
import type { ActionResult } from "@/lib/server/mutations";
import { LinkToPassOn } from "./link-to-pass-on";

/** One account's row of controls: role, disable or enable, and a password-reset link. */
export function AccountControls(props: { user: { id: string; name: string; role: Role; disabled: boolean; version: number }; self: boolean }) {
  const { user } = props;
  const router = useRouter();
  const [role, setRole] = useState<Role>(user.role);
  const [problem, setProblem] = useState<string>();
  const [link, setLink] = useState<{ path: string; expiresAt: string }>();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionResult<T>>, done: (value: T) => void) => {
    setProblem(undefined);
    startTransition(async () => {
      const result = await action().catch(() => ({ ok: false as const, message: "The server did not answer: try again in a moment." }));
      if (!result.ok) return setProblem(result.message);
      done(result.value);
      router.refresh();
    });
  };
  if (props.self) return <p className="text-sm text-muted-foreground">This is you: another admin changes your role.</p>;
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
        <Button
          type="button"
          variant="secondary"
          disabled={pending || role === user.role}
          onClick={() => run(() => changeUserRoleAction({ userId: user.id, role, version: user.version }), () => notifySaved(`${user.name} is now ${ROLE_LABELS[role]}.`))}
        >
          Change role
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(() => setUserDisabledAction({ userId: user.id, disabled: !user.disabled, version: user.version }), () => notifySaved(user.disabled ? `${user.name} may sign in again.` : `${user.name} is disabled and signed out.`))
          }
        >
          {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => run(() => passwordResetLinkAction({ userId: user.id }), setLink)}>
          Password-reset link
        </Button>
      </div>
      {link ? <LinkToPassOn id={`reset-${user.id}`} label={`Password-reset link for ${user.name}`} {...link} /> : null}
    </div>
  );
}
