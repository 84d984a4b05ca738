"use client";
import { addCommentAction, resolveCommentAction } from "@/app/(app)/claims/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";
import { notifySaved } from "@/components/ui/toast";
import { commentSchema } from "@/lib/schemas/workflow";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

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
      {outcome ? <FormMessage kind={outcome.kind}>{outcome.text}</FormMessage> : null}
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
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="ghost"
        className="min-h-8 px-2"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resolveCommentAction(props.claimId, { commentId: props.commentId, version: props.version, resolved: !props.resolved });
            if (result.ok) {
              notifySaved(props.resolved ? "Thread reopened." : "Thread resolved.");
              router.refresh();
            } else setError(result.message);
          })
        }
      >
        {props.resolved ? "Reopen thread" : "Resolve thread"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
