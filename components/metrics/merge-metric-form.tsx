"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { mergeMetricsAction } from "@/app/(app)/metrics/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { mergeMetricsSchema } from "@/lib/schemas/metric";
import { MetricPicker, type MetricOption } from "./metric-picker";

/** Merges this metric into one picked by name: its figures move there and this metric is retired. */
export function MergeMetricForm(props: { metric: { id: string; name: string; version: number }; claimCount: number }) {
  const router = useRouter();
  const [target, setTarget] = useState<MetricOption | null>(null);
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: mergeMetricsSchema,
    defaultValues: { sourceId: props.metric.id, sourceVersion: props.metric.version, targetId: "", targetVersion: 1, reason: "" },
    action: mergeMetricsAction,
    toast: "Metrics merged.",
    onSuccess: ({ targetId }) => {
      router.push(`/metrics/${targetId}`);
      router.refresh();
    },
  });
  const pick = (picked: MetricOption | null) => {
    setTarget(picked);
    form.setValue("targetId", picked?.id ?? "");
    form.setValue("targetVersion", picked?.version ?? 1);
  };

  const figures = props.claimCount === 1 ? "1 figure" : `${props.claimCount} figures`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Merge metric">
      <FormOutcome outcome={outcome} />
      <MetricPicker id="merge-target" label="Merge into…" selected={target} onSelect={pick} exclude={props.metric.id} error={err("targetId")} />
      <FormField id="merge-reason" label="Why they measure the same thing" error={err("reason")}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("reason")} />}
      </FormField>
      <p className="text-sm text-muted-foreground">
        {target
          ? `The ${figures} of “${props.metric.name}” will move to “${target.name}”, and this metric will point there.`
          : `Its ${figures} will move to the metric you choose, and this metric will point there.`}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Merging…" : "Merge metrics"}
      </Button>
    </form>
  );
}
