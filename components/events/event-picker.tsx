"use client";
import { useState } from "react";
import { createEventAction } from "@/app/(app)/events/actions";
import { InlineCreate } from "@/components/forms/inline-create";
import { Combobox, searchRoute } from "@/components/ui/combobox";
import { eventSchema } from "@/lib/schemas/event";

export interface EventOption {
  id: string;
  name: string;
}

const search = searchRoute<EventOption>("/api/events");

/** Picks an event by searching its name, so date claims about one event can be compared. */
export function EventPicker(props: {
  id: string;
  selected: EventOption | null;
  onSelect: (event: EventOption | null) => void;
  error?: string;
  /** Offer "Create event “…”" when nothing matches, made here without leaving the form. */
  canCreate?: boolean;
}) {
  const [creating, setCreating] = useState<string | null>(null);
  if (creating !== null) {
    return (
      <InlineCreate
        title="New event"
        fields={[{ name: "name", label: "Event name: what happened" }]}
        initial={{ name: creating }}
        schema={eventSchema}
        action={createEventAction}
        submitLabel="Create event"
        onCreated={({ id }, values) => {
          setCreating(null);
          props.onSelect({ id, name: values.name.trim().replace(/\s+/g, " ") });
        }}
        onCancel={() => setCreating(null)}
      />
    );
  }
  return (
    <Combobox<EventOption>
      create={props.canCreate ? { label: (q) => `Create event “${q}”`, onCreate: setCreating } : undefined}
      id={props.id}
      label="Event"
      noun="event"
      selected={props.selected}
      onSelect={props.onSelect}
      search={search}
      itemToString={(e) => e.name}
      itemKey={(e) => e.id}
      hint={props.selected ? undefined : "Type part of the name, then choose from the list."}
      error={props.error}
      placeholder="Search events…"
    />
  );
}
