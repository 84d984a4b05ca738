"use client";
import { addCommentAction, resolveCommentAction } from "@/app/(app)/claims/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { commentSchema, type ResolveCommentInput } from "@/lib/schemas/workflow";

/** A new thread on the claim, or a reply to one. */
export function CommentForm(props: { claimId: string; parentId?: string; formName: string; label: string }) {
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: commentSchema,
    defaultValues: { claimId: props.claimId, parentId: props.parentId ?? "", body: "" },
    action: addCommentAction,
    success: () => null,
    toast: props.parentId ? "Reply posted." : "Comment posted.",
  });
  const id = props.parentId ? `reply-${props.parentId}` : "comment-body";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={props.formName} className="space-y-2">
      <FormOutcome outcome={outcome} />
      <FormField id={id} label={props.label} error={form.formState.errors.body?.message as string | undefined}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("body")} />}
      </FormField>
      <Button type="submit" variant={props.parentId ? "secondary" : "primary"} disabled={pending}>
        {pending ? "Posting…" : props.parentId ? "Reply" : "Comment"}
      </Button>
    </form>
  );
}

/** Resolves a thread, or opens it again. */
export function ResolveButton(props: { claimId: string; commentId: string; version: number; resolved: boolean }) {
  const { run, pending, problem } = useActionButton((values: ResolveCommentInput) => resolveCommentAction(props.claimId, values), {
    toast: props.resolved ? "Thread reopened." : "Thread resolved.",
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="ghost"
        className="min-h-8 px-2"
        disabled={pending}
        onClick={() => run({ commentId: props.commentId, version: props.version, resolved: !props.resolved })}
      >
        {props.resolved ? "Reopen thread" : "Resolve thread"}
      </Button>
      {problem ? (
        <span role="alert" className="text-sm text-danger">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
