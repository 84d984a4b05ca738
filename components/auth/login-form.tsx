"use client";
import { login } from "@/app/(auth)/login/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { loginSchema } from "@/lib/schemas/auth";

export function LoginForm({ returnTo }: { returnTo?: string }) {
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: loginSchema,
    defaultValues: { email: "", password: "" },
    action: (values) => login(values, returnTo),
    toast: null,
    // A successful sign-in redirects on the server; nothing is left to do here.
    onSuccess: () => undefined,
  });
  const { errors } = form.formState;
  const message = outcome?.kind === "error" ? outcome.text : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={message ? "login-error" : undefined}>
      {message ? (
        <p id="login-error" role="alert" className="rounded-md border border-danger bg-danger-muted px-3 py-2 text-sm text-danger">
          {message}
        </p>
      ) : null}
      <FormField id="email" label="Email" error={errors.email?.message}>
        {(a11y) => <Input {...a11y} type="email" autoComplete="username" autoFocus {...form.register("email")} />}
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        {(a11y) => <Input {...a11y} type="password" autoComplete="current-password" {...form.register("password")} />}
      </FormField>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
