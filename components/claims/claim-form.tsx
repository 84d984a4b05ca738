"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createClaimAction, updateClaimAction } from "@/app/(app)/claims/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { EventPicker, type EventOption } from "@/components/events/event-picker";
import { MetricPicker, type MetricOption } from "@/components/metrics/metric-picker";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ActorNameInput } from "@/components/citations/actor-name-input";
import { claimBasisChanges, reviewWarning } from "@/lib/basis";
import { KIND_LABELS, type ClaimStatus } from "@/lib/labels";
import { RATE_LABELS, RATE_PERIODS } from "@/lib/values";
import { CLAIM_KINDS, claimSchema, editClaimSchema, type EditClaimInput } from "@/lib/schemas/claim";

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
  const kind = form.watch("kind");
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
      <FormField id="kind" label="Kind" error={err("kind")}>
        {(a11y) => (
          <Select {...a11y} {...form.register("kind")}>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        )}
      </FormField>

      {kind === "QUANTITY" ? (
        <fieldset className="space-y-4 rounded-lg border border-border p-4">
          <legend className="px-1 text-sm font-semibold">Figure</legend>
          <MetricPicker id="metricId" selected={metric} onSelect={pickMetric} error={err("metricId")} />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField id="valueLow" label="Low" error={err("valueLow")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register("valueLow")} />}
            </FormField>
            <FormField id="valueHigh" label="High" error={err("valueHigh")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register("valueHigh")} />}
            </FormField>
            <FormField id="valueBest" label="Best estimate or single figure" error={err("valueBest")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register("valueBest")} />}
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="unit" label="Unit" error={err("unit")}>
              {(a11y) => <Input {...a11y} placeholder="e.g. soldiers killed" {...form.register("unit")} />}
            </FormField>
            <FormField id="ratePeriod" label="Rate" error={err("ratePeriod")}>
              {(a11y) => (
                <Select {...a11y} {...form.register("ratePeriod")}>
                  <option value="">A total, not a rate</option>
                  {RATE_PERIODS.map((p) => (
                    <option key={p} value={p}>
                      {RATE_LABELS[p].replace("per", "Per")}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <DateField form={form} id="asOf" name="asOf" precisionName="asOfPrecision" label="As of" />
            </div>
            <DateField form={form} id="periodStart" name="periodStart" label="Period from" />
            <DateField form={form} id="periodEnd" name="periodEnd" label="Period to" end />
          </div>
          <FormField id="periodText" label="The source’s wording of the time (optional)" error={err("periodText")}>
            {(a11y) => <Input {...a11y} placeholder="e.g. over five months of the war" {...form.register("periodText")} />}
          </FormField>
          <label htmlFor="approximate" className="flex items-start gap-2 text-sm">
            <input id="approximate" type="checkbox" className="mt-0.5 size-4 accent-[var(--primary)]" {...form.register("approximate")} />
            <span>
              Approximate: the source says “about”, “roughly”, “some” or “nearly” (compared within the metric’s tolerance)
            </span>
          </label>
        </fieldset>
      ) : null}

      {kind === "DATE" || kind === "EVENT" ? (
        <fieldset className="grid gap-4 rounded-lg border border-border p-4 sm:grid-cols-2">
          <legend className="px-1 text-sm font-semibold">{kind === "DATE" ? "Date" : "Event"}</legend>
          <div className="sm:col-span-2">
            <EventPicker id="eventId" selected={event} onSelect={pickEvent} error={err("eventId")} />
          </div>
          {kind === "DATE" ? <DateField form={form} id="eventDate" name="eventDate" precisionName="eventDatePrecision" label="Date it happened" /> : null}
        </fieldset>
      ) : null}

      {kind === "ATTRIBUTED_STATEMENT" ? (
        <FormField id="speakerName" label="Speaker" error={err("speakerName")}>
          {(a11y) => <ActorNameInput {...a11y} placeholder="Who made the statement, e.g. Alexander Matsegora" {...form.register("speakerName")} />}
        </FormField>
      ) : null}

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
