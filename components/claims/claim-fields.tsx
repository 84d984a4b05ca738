"use client";
import type { UseFormReturn } from "react-hook-form";
import { ActorNameInput } from "@/components/citations/actor-name-input";
import { EventPicker, type EventOption } from "@/components/events/event-picker";
import { MetricPicker, type MetricOption } from "@/components/metrics/metric-picker";
import { DateField } from "@/components/ui/date-field";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { KIND_LABELS } from "@/lib/labels";
import { CLAIM_KINDS, type ClaimInput } from "@/lib/schemas/claim";
import { RATE_LABELS, RATE_PERIODS } from "@/lib/values";

type Field = keyof ClaimInput & string;

/**
 * What a claim is, the same fields wherever a claim is written (the claim form, the passage-to-
 * claim form): its kind and, by kind, its figure, its event and date, or its speaker. `at` is
 * where the claim sits in the form ("" in the claim form, "claim." when a claim and its citation
 * are one form); `id` names each field's element. `full` adds what the short form leaves for
 * later: a rate, a period, the source's wording of the time, "approximate".
 */
export function ClaimFields(props: {
  form: UseFormReturn<never>;
  at: "" | "claim.";
  id: (field: Field) => string;
  err: (path: string) => string | undefined;
  kindLabel: string;
  metric: MetricOption | null;
  onMetric: (metric: MetricOption | null) => void;
  event: EventOption | null;
  onEvent: (event: EventOption | null) => void;
  full?: boolean;
}) {
  // The paths are built from `at`; typed as the claim form's, which both shapes share below it.
  const form = props.form as unknown as UseFormReturn<ClaimInput>;
  const path = (field: Field) => `${props.at}${field}` as Field;
  const err = (field: Field) => props.err(path(field));
  const kind = form.watch(path("kind")) as ClaimInput["kind"];
  const { id } = props;
  return (
    <>
      <FormField id={id("kind")} label={props.kindLabel} error={err("kind")}>
        {(a11y) => (
          <Select {...a11y} {...form.register(path("kind"))}>
            {CLAIM_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        )}
      </FormField>

      {kind === "QUANTITY" ? (
        <fieldset className="@container space-y-4 rounded-lg border border-border p-3 sm:p-4">
          <legend className="px-1 text-sm font-semibold">Figure</legend>
          <MetricPicker id={id("metricId")} selected={props.metric} onSelect={props.onMetric} error={err("metricId")} canCreate />
          <div className="grid items-end gap-4 @md:grid-cols-3">
            <FormField id={id("valueLow")} label="Low" error={err("valueLow")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register(path("valueLow"))} />}
            </FormField>
            <FormField id={id("valueHigh")} label="High" error={err("valueHigh")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register(path("valueHigh"))} />}
            </FormField>
            <FormField id={id("valueBest")} label="Best estimate or single figure" error={err("valueBest")}>
              {(a11y) => <Input {...a11y} inputMode="decimal" {...form.register(path("valueBest"))} />}
            </FormField>
          </div>
          <div className="grid gap-4 @md:grid-cols-2">
            <FormField id={id("unit")} label="Unit" error={err("unit")}>
              {(a11y) => <Input {...a11y} placeholder="e.g. civilians killed" {...form.register(path("unit"))} />}
            </FormField>
            {props.full ? (
              <FormField id={id("ratePeriod")} label="Rate" error={err("ratePeriod")}>
                {(a11y) => (
                  <Select {...a11y} {...form.register(path("ratePeriod"))}>
                    <option value="">A total, not a rate</option>
                    {RATE_PERIODS.map((p) => (
                      <option key={p} value={p}>
                        {RATE_LABELS[p].replace("per", "Per")}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            ) : null}
          </div>
          <div className="grid gap-4 @md:grid-cols-2">
            <div className="@md:col-span-2">
              <DateField form={form} id={id("asOf")} name={path("asOf")} precisionName={path("asOfPrecision")} label="As of" />
            </div>
            {props.full ? (
              <>
                <DateField form={form} id={id("periodStart")} name={path("periodStart")} label="Period from" />
                <DateField form={form} id={id("periodEnd")} name={path("periodEnd")} label="Period to" end />
              </>
            ) : null}
          </div>
          {props.full ? (
            <>
              <FormField id={id("periodText")} label="The source’s wording of the time (optional)" error={err("periodText")}>
                {(a11y) => <Input {...a11y} placeholder="e.g. over five months of the war" {...form.register(path("periodText"))} />}
              </FormField>
              <label htmlFor={id("approximate")} className="flex items-start gap-2 text-sm">
                <input id={id("approximate")} type="checkbox" className="mt-0.5 size-4 accent-[var(--primary)]" {...form.register(path("approximate"))} />
                <span>Approximate: the source says “about”, “roughly”, “some” or “nearly” (compared within the metric’s tolerance)</span>
              </label>
            </>
          ) : null}
        </fieldset>
      ) : null}

      {kind === "DATE" || kind === "EVENT" ? (
        <fieldset className="@container space-y-4 rounded-lg border border-border p-3 sm:p-4">
          <legend className="px-1 text-sm font-semibold">{kind === "DATE" ? "Date" : "Event"}</legend>
          <EventPicker id={id("eventId")} selected={props.event} onSelect={props.onEvent} error={err("eventId")} canCreate />
          {kind === "DATE" ? <DateField form={form} id={id("eventDate")} name={path("eventDate")} precisionName={path("eventDatePrecision")} label="Date it happened" /> : null}
        </fieldset>
      ) : null}

      {kind === "ATTRIBUTED_STATEMENT" ? (
        <FormField id={id("speakerName")} label="Speaker" error={err("speakerName")}>
          {(a11y) => <ActorNameInput {...a11y} placeholder="Who made the statement, e.g. Alexander Matsegora" {...form.register(path("speakerName"))} />}
        </FormField>
      ) : null}
    </>
  );
}
