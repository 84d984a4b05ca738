"use client";
import { Combobox, searchRoute } from "@/components/ui/combobox";

export interface EventOption {
  id: string;
  name: string;
}

const search = searchRoute<EventOption>("/api/events");

/** Picks an event by searching its name, so date claims about one event can be compared. */
export function EventPicker(props: { id: string; selected: EventOption | null; onSelect: (event: EventOption | null) => void; error?: string }) {
  return (
    <Combobox<EventOption>
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
