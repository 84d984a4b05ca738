"use client";
import { useState } from "react";
import { inviteUserAction } from "@/app/(app)/admin/users/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS } from "@/lib/permissions";
import { inviteSchema, ROLES } from "@/lib/schemas/accounts";
import { LinkToPassOn } from "./link-to-pass-on";

export function InviteForm() {
  const [link, setLink] = useState<{ path: string; expiresAt: string }>();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: inviteSchema,
    defaultValues: { email: "", role: "EDITOR" },
    action: (values) => {
      setLink(undefined);
      return inviteUserAction(values);
    },
    success: () => "Invitation made: pass the link on.",
    onSuccess: (value) => {
      setLink(value);
      form.reset();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Invite someone" className="space-y-3">
      <FormOutcome outcome={outcome} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <FormField id="invite-email" label="Email" error={err("email")}>
          {(a11y) => <Input {...a11y} type="email" autoComplete="off" maxLength={254} {...form.register("email")} />}
        </FormField>
        <FormField id="invite-role" label="Role" error={err("role")}>
          {(a11y) => (
            <Select {...a11y} {...form.register("role")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </div>
      {link ? <LinkToPassOn id="invite-link" label="Invitation link" {...link} /> : null}
    </form>
  );
}
