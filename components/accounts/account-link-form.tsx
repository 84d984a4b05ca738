"use client";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { accountLinkAction } from "@/app/(auth)/account-link/[token]/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { accountLinkSchema, NAME_MAX, PASSWORD_MAX } from "@/lib/schemas/accounts";

/** Following a one-time link: a new account (name and password) or a new password. */
export function AccountLinkForm({ token, creates, asksEmail }: { token: string; creates: boolean; asksEmail: boolean }) {
  const [done, setDone] = useState(false);
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: accountLinkSchema,
    defaultValues: { token, name: creates ? "" : undefined, newPassword: "", confirmPassword: "" },
    action: accountLinkAction,
    toast: null,
    onSuccess: () => setDone(true),
  });
  if (done) {
    return (
      <div className="space-y-3">
        <FormMessage kind="success">{creates ? "Your account is ready." : "Your password is changed; every session was signed out."}</FormMessage>
        <Link href="/login" className="inline-block rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormOutcome outcome={outcome} />
      {asksEmail ? (
        <FormField id="email" label="Your email" error={err("email")}>
          {(a11y) => <Input {...a11y} type="email" autoComplete="email" maxLength={254} {...form.register("email")} />}
        </FormField>
      ) : null}
      {creates ? (
        <FormField id="name" label="Your name" error={err("name")}>
          {(a11y) => <Input {...a11y} autoComplete="name" maxLength={NAME_MAX} {...form.register("name")} />}
        </FormField>
      ) : null}
      <FormField id="new-password" label="Password (12 characters or more)" error={err("newPassword")}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX} {...form.register("newPassword")} />}
      </FormField>
      <FormField id="confirm-password" label="Password again" error={err("confirmPassword")}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX} {...form.register("confirmPassword")} />}
      </FormField>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : creates ? "Create my account" : "Set my password"}
      </Button>
    </form>
  );
}
