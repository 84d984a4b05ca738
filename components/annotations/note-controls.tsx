"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { createAnnotationAction, deleteAnnotationAction } from "@/app/(app)/annotations/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";
import { notifySaved } from "@/components/ui/toast";
import { annotationSchema } from "@/lib/schemas/annotation";

type Target = { claimId: string } | { sourceId: string; quote: string; startOffset: number; endOffset: number };

/** A note on a claim, or on a passage of a source (the passage is fixed by the selection). */
export function NoteForm(props: { target: Target; submitLabel: string; onDone?: (message: string) => void; onCancel?: () => void }) {
  const router = useRouter();
  const id = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-note`;
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: "error" | "success"; text: string }>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    const values = { ...props.target, body };
    // The same schema as the server action, for the same messages before the round trip.
    const parsed = annotationSchema.safeParse(values);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    startTransition(async () => {
      const result = await createAnnotationAction(values);
      if (result.ok) {
        setBody("");
        router.refresh();
        setOutcome({ kind: "success", text: "Note added." });
        notifySaved("Note saved.");
        props.onDone?.("Note added.");
        return;
      }
      setError(result.fieldErrors?.body?.[0] ?? result.fieldErrors?.quote?.[0]);
      setOutcome({ kind: "error", text: result.message });
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={props.submitLabel}>
      {outcome && !props.onDone ? <FormMessage kind={outcome.kind}>{outcome.text}</FormMessage> : null}
      {outcome?.kind === "error" && props.onDone ? <FormMessage kind="error">{outcome.text}</FormMessage> : null}
      <FormField id={id} label="Note" error={error}>
        {(a11y) => <Textarea {...a11y} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />}
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
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
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
        onClick={() =>
          startTransition(async () => {
            const result = await deleteAnnotationAction({ id, version });
            if (result.ok) {
              notifySaved("Note deleted.");
              router.refresh();
            } else setError(result.message);
          })
        }
      >
        {pending ? "Deleting…" : "Delete"}
      </Button>
      <Button type="button" variant="secondary" className="min-h-8 px-2 text-xs" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </span>
  );
}
