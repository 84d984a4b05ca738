"use client";
import { useRouter } from "next/navigation";
import { createMetricAction, updateMetricAction } from "@/app/(app)/metrics/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { metricSchema, updateMetricSchema, type UpdateMetricInput } from "@/lib/schemas/metric";

export type MetricFormValues = Partial<UpdateMetricInput>;

/** Creates a metric, or renames one (name, unit, description) from the version the editor opened. */
export function MetricForm(props: { mode: "create" | "edit"; initial?: MetricFormValues }) {
  const router = useRouter();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: (props.mode === "edit" ? updateMetricSchema : metricSchema) as typeof updateMetricSchema,
    defaultValues: { name: "", unit: "", description: "", ...props.initial },
    action: props.mode === "edit" ? updateMetricAction : createMetricAction,
    toast: props.mode === "edit" ? "Metric saved." : "Metric recorded.",
    onSuccess: ({ id }) => {
      router.push(`/metrics/${id}`);
      router.refresh();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit metric" : "New metric"}>
      <FormOutcome outcome={outcome} />
      <FormField id="name" label="Name: what is measured, and its scope" error={err("name")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. Russian military deaths in Ukraine since 24 Feb 2022" {...form.register("name")} />}
      </FormField>
      <FormField id="unit" label="Unit" error={err("unit")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. soldiers killed" {...form.register("unit")} />}
      </FormField>
      <FormField id="description" label="Description (optional)" error={err("description")}>
        {(a11y) => <Textarea {...a11y} rows={3} placeholder="What counts and what does not; how sources define it." {...form.register("description")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save metric" : "Create metric"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
