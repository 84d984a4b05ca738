"use client";
import { useRouter } from "next/navigation";
import { createEventAction, renameEventAction } from "@/app/(app)/events/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { eventSchema, renameEventSchema, type RenameEventInput } from "@/lib/schemas/event";

export type EventFormValues = Partial<RenameEventInput>;

/** Creates an event, or renames one from the version the editor opened. */
export function EventForm(props: { mode: "create" | "edit"; initial?: EventFormValues }) {
  const router = useRouter();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: (props.mode === "edit" ? renameEventSchema : eventSchema) as typeof renameEventSchema,
    defaultValues: { name: "", description: "", ...props.initial },
    action: props.mode === "edit" ? renameEventAction : createEventAction,
    toast: props.mode === "edit" ? "Event saved." : "Event recorded.",
    onSuccess: ({ id }) => {
      router.push(`/events/${id}`);
      router.refresh();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit event" : "New event"}>
      <FormOutcome outcome={outcome} />
      <FormField id="name" label="Name: what happened" error={err("name")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. Russia recognises the Donetsk and Luhansk people’s republics" {...form.register("name")} />}
      </FormField>
      <FormField id="description" label="Description (optional)" error={err("description")}>
        {(a11y) => <Textarea {...a11y} rows={3} {...form.register("description")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save event" : "Create event"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
