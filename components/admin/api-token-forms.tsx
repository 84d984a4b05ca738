"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(app)/admin/api-tokens/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useActionButton } from "@/components/forms/use-action-button";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { createApiTokenSchema } from "@/lib/schemas/api-token";

/** Makes a named token and shows it once: only its hash is kept. */
export function CreateApiTokenForm() {
  const router = useRouter();
  const [made, setMade] = useState<{ name: string; token: string }>();
  const { form, onSubmit, pending, outcome, err } = useActionForm({
    schema: createApiTokenSchema,
    defaultValues: { name: "" },
    action: createApiTokenAction,
    toast: "Token made.",
    onSuccess: ({ token }, values) => {
      setMade({ name: values.name, token });
      form.reset({ name: "" });
      router.refresh();
    },
  });
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="New API token">
        <div className="min-w-64 flex-1">
          <FormField id="token-name" label="Name (the client that will use it)" error={err("name")}>
            {(a11y) => <Input {...a11y} placeholder="e.g. Graphics desk dashboard" {...form.register("name")} />}
          </FormField>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Making…" : "Make token"}
        </Button>
      </form>
      <FormOutcome outcome={outcome} />
      {made ? (
        <div role="status" className="space-y-2 rounded-md border border-border bg-muted/50 p-4 text-sm">
          <p className="font-medium">Token “{made.name}”: copy it now. It is not stored and cannot be shown again.</p>
          <label htmlFor="new-token" className="sr-only">
            The new token
          </label>
          <Input id="new-token" readOnly value={made.token} className="font-mono" onFocus={(e) => e.currentTarget.select()} data-testid="new-api-token" />
        </div>
      ) : null}
    </div>
  );
}

/** Revokes one token at once: every later request with it gets 401. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { run, pending, problem } = useActionButton(revokeApiTokenAction, { toast: "Token revoked." });
  return (
    <div>
      <Button type="button" variant="secondary" disabled={pending} aria-label={`Revoke token ${name}`} onClick={() => run({ tokenId })}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
    </div>
  );
}
