"use client";
import { useRouter } from "next/navigation";
import { createSheetAction, updateSheetAction } from "@/app/(app)/fact-sheets/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { editSheetSchema, sheetSchema, type EditSheetInput } from "@/lib/schemas/factsheet";

/** Creates a fact sheet, or edits its title and summary from the version the editor opened. */
export function SheetForm(props: { mode: "create" | "edit"; initial?: Partial<EditSheetInput> }) {
  const router = useRouter();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: (props.mode === "edit" ? editSheetSchema : sheetSchema) as typeof editSheetSchema,
    defaultValues: { title: "", summary: "", ...props.initial },
    action: props.mode === "edit" ? updateSheetAction : createSheetAction,
    toast: props.mode === "edit" ? "Fact sheet saved." : "Fact sheet created.",
    onSuccess: ({ id }) => {
      router.push(`/fact-sheets/${id}`);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit fact sheet" : "New fact sheet"}>
      <FormOutcome outcome={outcome} />
      <FormField id="title" label="Title" error={err("title")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. North Korea and the war in Ukraine: the figures" {...form.register("title")} />}
      </FormField>
      <FormField id="summary" label="Summary (optional, Markdown: **bold**, _italic_, lists, links)" error={err("summary")}>
        {(a11y) => <Textarea {...a11y} rows={5} placeholder="What the sheet covers and what readers can rely on." {...form.register("summary")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save fact sheet" : "Create fact sheet"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
