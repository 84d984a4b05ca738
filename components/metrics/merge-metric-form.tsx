"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { notifySaved } from "@/components/ui/toast";
import { mergeMetricsAction } from "@/app/(app)/metrics/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";
import { mergeMetricsSchema, type MergeMetricsInput } from "@/lib/schemas/metric";
import { MetricPicker, type MetricOption } from "./metric-picker";

type Errors = Partial<Record<keyof MergeMetricsInput, string>>;

/** Merges this metric into one picked by name: its figures move there and this metric is retired. */
export function MergeMetricForm(props: { metric: { id: string; name: string; version: number }; claimCount: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState<MetricOption | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string>();

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    // The same schema as the server action checks the input first.
    const values = { sourceId: props.metric.id, sourceVersion: props.metric.version, targetId: target?.id ?? "", targetVersion: target?.version ?? 1, reason };
    const parsed = mergeMetricsSchema.safeParse(values);
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      setErrors({ targetId: fields.targetId?.[0], reason: fields.reason?.[0] });
      return;
    }
    setErrors({});
    startTransition(async () => {
      try {
        const result = await mergeMetricsAction(values);
        if (result.ok) {
          notifySaved("Metrics merged.");
          router.push(`/metrics/${result.value.targetId}`);
          router.refresh();
          return;
        }
        const fields = result.fieldErrors ?? {};
        setErrors({ targetId: fields.targetId?.[0], reason: fields.reason?.[0] });
        setProblem(result.message);
      } catch {
        setProblem("The server did not merge these metrics. Try again in a moment.");
      }
    });
  };

  const figures = props.claimCount === 1 ? "1 figure" : `${props.claimCount} figures`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Merge metric">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <MetricPicker id="merge-target" label="Merge into…" selected={target} onSelect={setTarget} exclude={props.metric.id} error={errors.targetId} />
      <FormField id="merge-reason" label="Why they measure the same thing" error={errors.reason}>
        {(a11y) => <Textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
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
