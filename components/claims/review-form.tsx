"use client";
import { reviewClaimAction } from "@/app/(app)/claims/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { reviewSchema, type ReviewInput } from "@/lib/schemas/workflow";

/** A reviewer's decision on the claim as it stands: approve it, or send it back saying why. */
export function ReviewForm(props: { claimId: string; version: number }) {
  const defaults: ReviewInput = { claimId: props.claimId, version: props.version, decision: "APPROVE", note: "" };
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: reviewSchema,
    defaultValues: defaults,
    action: reviewClaimAction,
    success: () => "Review recorded.",
  });
  const decide = (decision: ReviewInput["decision"]) => () => {
    form.setValue("decision", decision);
    void onSubmit();
  };
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Review claim" className="space-y-3">
      <FormOutcome outcome={outcome} />
      <FormField id="review-note" label="Review note (required to send back)" error={form.formState.errors.note?.message as string | undefined}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("note")} />}
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={decide("APPROVE")} disabled={pending}>
          Approve
        </Button>
        <Button type="button" variant="secondary" onClick={decide("SEND_BACK")} disabled={pending}>
          Send back
        </Button>
      </div>
    </form>
  );
}
