"use client";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { changePasswordSchema, PASSWORD_MAX } from "@/lib/schemas/accounts";

export function ChangePasswordForm() {
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changePasswordAction,
    success: () => "Password changed. Your other sessions are signed out.",
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change your password" className="space-y-4">
      <FormOutcome outcome={outcome} />
      <FormField id="current-password" label="Current password" error={err("currentPassword")}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} {...form.register("currentPassword")} />}
      </FormField>
      <FormField id="new-password" label="New password (12 characters or more)" error={err("newPassword")}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX} {...form.register("newPassword")} />}
      </FormField>
      <FormField id="confirm-password" label="New password again" error={err("confirmPassword")}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX} {...form.register("confirmPassword")} />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
