"use client";
import { useMemo } from "react";
import { Combobox, searchRoute } from "@/components/ui/combobox";

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
}) {
  const search = useMemo(() => searchRoute<MetricOption>("/api/metrics", { exclude: props.exclude }), [props.exclude]);
  return (
    <Combobox<MetricOption>
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
