"use client";
import { useState } from "react";
import { flagConflictAction } from "@/app/(app)/conflicts/actions";
import { ClaimSearch, type ClaimChoice } from "@/components/claims/claim-search";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { flagConflictSchema, type FlagConflictInput } from "@/lib/schemas/conflict";

/** Flags this claim and one or more others as unable to hold together, with a reason. */
export function FlagConflictForm({ claimId }: { claimId: string }) {
  const [others, setOthers] = useState<ClaimChoice[]>([]);
  const defaults: FlagConflictInput = { claimIds: [claimId], reason: "" };
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: flagConflictSchema,
    defaultValues: defaults,
    action: flagConflictAction,
    success: () => {
      setOthers([]);
      return "Conflict flagged: it now blocks verification until an editor resolves it.";
    },
  });
  const sync = (list: ClaimChoice[]) => {
    setOthers(list);
    form.setValue("claimIds", [claimId, ...list.map((c) => c.id)], { shouldValidate: form.formState.isSubmitted });
  };
  const claimError = (form.formState.errors.claimIds as { message?: string } | undefined)?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Flag a conflict" className="space-y-3">
      <FormOutcome outcome={outcome} />
      <ClaimSearch
        id="flag-claim"
        label="Claim that cannot also be true"
        error={claimError}
        exclude={[claimId, ...others.map((o) => o.id)]}
        selected={null}
        onSelect={(c) => {
          if (c) sync([...others, c]);
        }}
      />
      {others.length ? (
        <ul aria-label="Claims flagged with this one" className="space-y-1">
          {others.map((c) => (
            <li key={c.id} className="flex items-start justify-between gap-2 rounded-md border border-border px-3 py-2 text-sm">
              <span>{c.statement}</span>
              <Button type="button" variant="ghost" className="min-h-8 px-2" onClick={() => sync(others.filter((o) => o.id !== c.id))} aria-label={`Remove “${c.statement}”`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormField id="flag-reason" label="Why they cannot all be true" error={form.formState.errors.reason?.message as string | undefined}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("reason")} />}
      </FormField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Flagging…" : "Flag conflict"}
      </Button>
    </form>
  );
}
