"use client";
import { assignClaimAction } from "@/app/(app)/claims/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { assignSchema } from "@/lib/schemas/workflow";

/** Who works on this claim: pick an editor, yourself, or no one. */
export function AssignForm(props: { claimId: string; version: number; assigneeId: string | null; me: string; people: { id: string; name: string }[] }) {
  const defaults = { claimId: props.claimId, version: props.version, assigneeId: props.assigneeId ?? "" };
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: assignSchema,
    defaultValues: defaults,
    action: assignClaimAction,
    success: () => "Assignment saved.",
    keepValues: true,
  });
  const error = form.formState.errors.assigneeId?.message as string | undefined;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Assign claim" className="space-y-2">
      <FormOutcome outcome={outcome} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">
          Assignee
          <Select aria-invalid={Boolean(error)} {...form.register("assigneeId")}>
            <option value="">Unassigned</option>
            {props.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === props.me ? `${p.name} (me)` : p.name}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Assign"}
        </Button>
        {props.assigneeId !== props.me ? (
          <Button type="button" variant="ghost" disabled={pending} onClick={() => (form.setValue("assigneeId", props.me), onSubmit())}>
            Assign to me
          </Button>
        ) : null}
      </div>
      {error ? <p className="text-sm text-danger">{error}</p> : null}
    </form>
  );
}
