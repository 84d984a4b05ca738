"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createNoteAction, deleteNoteAction } from "@/app/(app)/notes/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { noteSchema } from "@/lib/schemas/note";

type Target = { claimId: string } | { sourceId: string; quote: string; startOffset: number; endOffset: number };

/** A note on a claim, or on a passage of a source (the passage is fixed by the selection). */
export function NoteForm(props: { target: Target; submitLabel: string; onDone?: (message: string) => void; onCancel?: () => void }) {
  const router = useRouter();
  const id = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-note`;
  const { form, pending, outcome, onSubmit } = useActionForm({
    // The same schema as the server action, for the same messages before the round trip.
    schema: noteSchema,
    defaultValues: { ...props.target, body: "" },
    action: (values) => createNoteAction({ ...values, ...props.target }),
    success: () => "Note added.",
    toast: "Note saved.",
    onSuccess: () => {
      form.setValue("body", "");
      router.refresh();
      props.onDone?.("Note added.");
    },
  });
  const { errors } = form.formState;
  const error = (errors.body?.message ?? errors.quote?.message) as string | undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={props.submitLabel}>
      <FormOutcome outcome={props.onDone && outcome?.kind === "success" ? undefined : outcome} />
      <FormField id={id} label="Note" error={error}>
        {(a11y) => <Textarea {...a11y} rows={3} {...form.register("body")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.submitLabel}
        </Button>
        {props.onCancel ? (
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Deletes a note after a second click; only offered to its author and to admins. */
export function DeleteNoteButton({ id, version, label }: { id: string; version: number; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const { run, pending, problem: error } = useActionButton(deleteNoteAction, { toast: "Note deleted." });
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" className="min-h-8 px-2 text-xs" aria-label={`Delete ${label}`} onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Delete ${label}?`} className="inline-flex flex-wrap items-center gap-2 text-xs">
      {error ? <span className="text-danger">{error}</span> : <span>Delete this note?</span>}
      <Button
        type="button"
        className="min-h-8 bg-danger px-2 text-xs text-white"
        disabled={pending}
        onClick={() => run({ id, version })}
      >
        {pending ? "Deleting…" : "Delete"}
      </Button>
      <Button type="button" variant="secondary" className="min-h-8 px-2 text-xs" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </span>
  );
}
