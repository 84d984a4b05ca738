"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { login } from "@/app/(auth)/login/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { loginSchema, type LoginInput } from "@/lib/schemas/auth";

export function LoginForm({ returnTo }: { returnTo?: string }) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await login(values, returnTo);
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as keyof LoginInput, { message: messages[0] });
      }
      if (result.message) setMessage(result.message);
    });
  });

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
