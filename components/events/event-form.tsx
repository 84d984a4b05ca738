"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { createEventAction, renameEventAction } from "@/app/(app)/events/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionSubmit } from "@/components/ui/use-action-submit";
import { eventSchema, renameEventSchema, type RenameEventInput } from "@/lib/schemas/event";

export type EventFormValues = Partial<RenameEventInput>;

/** Creates an event, or renames one from the version the editor opened. */
export function EventForm(props: { mode: "create" | "edit"; initial?: EventFormValues }) {
  const router = useRouter();
  const form = useForm<RenameEventInput>({
    resolver: zodResolver(props.mode === "edit" ? renameEventSchema : eventSchema) as unknown as Resolver<RenameEventInput>,
    defaultValues: { name: "", description: "", ...props.initial },
  });
  const err = (name: keyof RenameEventInput) => form.formState.errors[name]?.message as string | undefined;
  const { onSubmit, pending, problem } = useActionSubmit(form, props.mode === "edit" ? renameEventAction : createEventAction, ({ id }) => {
    router.push(`/events/${id}`);
    router.refresh();
  }, props.mode === "edit" ? "Event saved." : "Event recorded.");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit event" : "New event"}>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
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
