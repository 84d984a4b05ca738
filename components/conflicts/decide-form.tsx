"use client";
import { decideConflictAction } from "@/app/(app)/conflicts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { decideConflictSchema, type DecideConflictInput } from "@/lib/schemas/conflict";

type Choice = { id: string; label: string };

const ACTIONS = {
  PREFER: { label: "Prefer one claim", hint: "The others are ranked deprecated: kept on the record, no longer the figure to use." },
  DIFFERENT_SCOPES: { label: "They measure different things", hint: "Both can hold. Optionally move some claims to a new metric or event of their own." },
  SETTLE: { label: "Settle the question", hint: "Record the answer (for example, the date the statement was made)." },
  DISMISS: { label: "Dismiss", hint: "Not a real conflict: say why." },
  REOPEN: { label: "Reopen", hint: "Undo the decision in force and look again." },
} as const;

/**
 * An editor's decision on a conflict. Every decision is kept; a new one replaces the one in force,
 * so each is reversible.
 */
export function DecideConflictForm(props: {
  conflictId: string;
  version: number;
  status: "OPEN" | "RESOLVED" | "DISMISSED";
  claims: Choice[];
  /** The claims may move to a new scope: they share one metric or one event. */
  canSplit: "metric" | "event" | null;
}) {
  const actions = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).filter(
    (a) => ((a !== "PREFER" && a !== "DIFFERENT_SCOPES") || props.claims.length > 1) && (a !== "REOPEN" || props.status !== "OPEN"),
  );
  const defaults: DecideConflictInput = {
    conflictId: props.conflictId,
    version: props.version,
    action: props.status === "OPEN" ? (props.claims.length > 1 ? "PREFER" : "SETTLE") : "REOPEN",
    preferredClaimId: "",
    note: "",
    scopeName: "",
    movingClaimIds: [],
  };
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: decideConflictSchema,
    defaultValues: defaults,
    action: decideConflictAction,
    success: (v) => (v.status === "OPEN" ? "Reopened." : v.status === "DISMISSED" ? "Dismissed." : "Resolved."),
  });
  const action = form.watch("action");
  const errors = form.formState.errors;
  const err = (e: unknown) => (e as { message?: string } | undefined)?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Decide conflict" className="space-y-4">
      <FormOutcome outcome={outcome} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Decision</legend>
        {actions.map((a) => (
          <label key={a} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-[:checked]:border-primary has-[:checked]:bg-muted">
            <input type="radio" value={a} {...form.register("action")} className="mt-1 size-4 accent-[var(--primary)]" />
            <span>
              <span className="block text-sm font-medium">{ACTIONS[a].label}</span>
              <span className="block text-sm text-muted-foreground">{ACTIONS[a].hint}</span>
            </span>
          </label>
        ))}
        {err(errors.action) ? <p className="text-sm text-danger">{err(errors.action)}</p> : null}
      </fieldset>

      {action === "PREFER" ? (
        <fieldset className="space-y-2" aria-describedby={err(errors.preferredClaimId) ? "preferred-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Claim to prefer</legend>
          {props.claims.map((c) => (
            <label key={c.id} className="flex items-start gap-3 text-sm">
              <input type="radio" value={c.id} {...form.register("preferredClaimId")} className="mt-0.5 size-4 accent-[var(--primary)]" />
              <span>{c.label}</span>
            </label>
          ))}
          {err(errors.preferredClaimId) ? (
            <p id="preferred-error" className="text-sm text-danger">
              {err(errors.preferredClaimId)}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      {action === "DIFFERENT_SCOPES" && props.canSplit ? (
        <div className="space-y-3 rounded-md border border-dashed border-border p-3">
          <p className="text-sm text-muted-foreground">
            To split the {props.canSplit}, name the new one and choose the claims that move to it. Leave both empty to only record that they differ.
          </p>
          <FormField id="scope-name" label={`New ${props.canSplit} (optional)`} error={err(errors.scopeName)}>
            {(a11y) => <Input {...a11y} {...form.register("scopeName")} />}
          </FormField>
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">Claims that move to it</legend>
            {props.claims.map((c) => (
              <label key={c.id} className="flex items-start gap-3 text-sm">
                <input type="checkbox" value={c.id} {...form.register("movingClaimIds")} className="mt-0.5 size-4 accent-[var(--primary)]" />
                <span>{c.label}</span>
              </label>
            ))}
            {err(errors.movingClaimIds) ? <p className="text-sm text-danger">{err(errors.movingClaimIds)}</p> : null}
          </fieldset>
        </div>
      ) : null}

      <FormField id="decision-note" label="Why (kept on the record)" error={err(errors.note)}>
        {(a11y) => <Textarea {...a11y} rows={3} {...form.register("note")} />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record decision"}
      </Button>
    </form>
  );
}
