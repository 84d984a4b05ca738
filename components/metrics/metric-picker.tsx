"use client";
import { useMemo, useState } from "react";
import { createMetricAction } from "@/app/(app)/metrics/actions";
import { InlineCreate } from "@/components/forms/inline-create";
import { Combobox, searchRoute } from "@/components/ui/combobox";
import { metricSchema } from "@/lib/schemas/metric";

/** A metric as the picker shows it; `version` comes with search results, for merging. */
export interface MetricOption {
  id: string;
  name: string;
  unit: string;
  version?: number;
}

/** Picks a live metric by searching its name; shows the chosen metric's unit under the field. */
export function MetricPicker(props: {
  id: string;
  label?: string;
  selected: MetricOption | null;
  onSelect: (metric: MetricOption | null) => void;
  error?: string;
  /** A metric not to offer (the one being merged). */
  exclude?: string;
  /** Offer "Create metric “…”" when nothing matches: name and unit, made here without leaving the form. */
  canCreate?: boolean;
}) {
  const search = useMemo(() => searchRoute<MetricOption>("/api/metrics", { exclude: props.exclude }), [props.exclude]);
  const [creating, setCreating] = useState<string | null>(null);
  if (creating !== null) {
    return (
      <InlineCreate
        title="New metric"
        fields={[
          { name: "name", label: "Metric name: what is measured, with its scope" },
          { name: "unit", label: "Unit of the metric", placeholder: "e.g. civilians killed" },
        ]}
        initial={{ name: creating, unit: "" }}
        schema={metricSchema}
        action={createMetricAction}
        submitLabel="Create metric"
        onCreated={({ id }, values) => {
          setCreating(null);
          props.onSelect({ id, name: values.name.trim().replace(/\s+/g, " "), unit: values.unit.trim().replace(/\s+/g, " ") });
        }}
        onCancel={() => setCreating(null)}
      />
    );
  }
  return (
    <Combobox<MetricOption>
      create={props.canCreate ? { label: (q) => `Create metric “${q}”`, onCreate: setCreating } : undefined}
      id={props.id}
      label={props.label ?? "Metric"}
      noun="metric"
      selected={props.selected}
      onSelect={props.onSelect}
      search={search}
      itemToString={(m) => m.name}
      itemKey={(m) => m.id}
      renderItem={(m) => (
        <>
          <span className="block">{m.name}</span>
          <span className="block text-xs text-muted-foreground">Unit: {m.unit}</span>
        </>
      )}
      hint={props.selected ? <>Unit: {props.selected.unit}</> : "Type part of the name, then choose from the list."}
      error={props.error}
      placeholder="Search metrics…"
    />
  );
}
