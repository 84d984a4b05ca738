"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createClaimAction, updateClaimAction } from "@/app/(app)/claims/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { ClaimFields } from "@/components/claims/claim-fields";
import type { EventOption } from "@/components/events/event-picker";
import type { MetricOption } from "@/components/metrics/metric-picker";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { claimBasisChanges, reviewWarning } from "@/lib/basis";
import type { ClaimStatus } from "@/lib/labels";
import { claimSchema, editClaimSchema, type EditClaimInput } from "@/lib/schemas/claim";

export type ClaimFormValues = Partial<EditClaimInput>;

export function ClaimForm(props: {
  mode: "create" | "edit";
  initial?: ClaimFormValues;
  /** The claim's current metric and event, shown by the pickers. */
  metric?: MetricOption | null;
  event?: EventOption | null;
  /** The claim's status when editing: a save that changes what a decided claim rests on sends it back to review. */
  status?: ClaimStatus;
}) {
  const router = useRouter();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    // The same schema as the server action; the action parses the resolved values again.
    schema: (props.mode === "edit" ? editClaimSchema : claimSchema) as typeof editClaimSchema,
    defaultValues: { kind: "QUANTITY", ...props.initial },
    action: props.mode === "edit" ? updateClaimAction : createClaimAction,
    toast: props.mode === "edit" ? "Claim saved." : "Claim recorded.",
    onSuccess: ({ id }) => {
      draft.clear();
      router.push(`/claims/${id}`);
      router.refresh();
    },
  });
  // Unsaved input survives a reload; leaving with changes asks first. Picked ids are not kept (their labels would be missing).
  const draft = useDraft(form, props.mode === "edit" ? `claim:${props.initial?.id}` : "claim:new", ["id", "version", "metricId", "eventId"]);
  const watched = form.watch();
  const warning = props.mode === "edit" && props.status && props.initial ? reviewWarning(props.status, claimBasisChanges(props.initial, watched)) : null;
  const [metric, setMetric] = useState<MetricOption | null>(props.metric ?? null);
  const [event, setEvent] = useState<EventOption | null>(props.event ?? null);
  const pickMetric = (picked: MetricOption | null) => {
    setMetric(picked);
    form.setValue("metricId", picked?.id ?? "");
    // The metric says what is counted: an empty unit takes the metric's.
    const unit = form.getValues("unit");
    if (picked && !(typeof unit === "string" && unit.trim())) form.setValue("unit", picked.unit);
  };
  const pickEvent = (picked: EventOption | null) => {
    setEvent(picked);
    form.setValue("eventId", picked?.id ?? "");
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit claim" : "New claim"}>
      <FormOutcome outcome={outcome} />
      {draft.restored ? <DraftRestored onDiscard={draft.discard} /> : null}
      <FormField id="statement" label="Claim" error={err("statement")}>
        {(a11y) => <Textarea {...a11y} rows={3} autoFocus={props.mode === "create"} placeholder="One checkable statement, written neutrally." {...form.register("statement")} />}
      </FormField>
      <ClaimFields
        form={form as never}
        at=""
        id={(field) => field}
        err={err}
        kindLabel="Kind"
        metric={metric}
        onMetric={pickMetric}
        event={event}
        onEvent={pickEvent}
        full
      />

      <FormField id="tags" label="Tags, separated by commas" error={err("tags")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. russia, casualties" {...form.register("tags")} />}
      </FormField>
      {warning ? (
        <p role="status" data-testid="review-warning" className="rounded-md border border-[var(--status-in-review)] bg-[var(--status-in-review-bg)] px-3 py-2 text-sm text-[var(--status-in-review)]">
          {warning}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
