"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { createSheetAction, updateSheetAction } from "@/app/(app)/fact-sheets/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionSubmit } from "@/components/ui/use-action-submit";
import { editSheetSchema, sheetSchema, type EditSheetInput } from "@/lib/schemas/factsheet";

/** Creates a fact sheet, or edits its title and summary from the version the editor opened. */
export function SheetForm(props: { mode: "create" | "edit"; initial?: Partial<EditSheetInput> }) {
  const router = useRouter();
  const form = useForm<EditSheetInput>({
    resolver: zodResolver(props.mode === "edit" ? editSheetSchema : sheetSchema) as unknown as Resolver<EditSheetInput>,
    defaultValues: { title: "", summary: "", ...props.initial },
  });
  const err = (name: keyof EditSheetInput) => form.formState.errors[name]?.message as string | undefined;
  const { onSubmit, pending, problem } = useActionSubmit(
    form,
    props.mode === "edit" ? updateSheetAction : createSheetAction,
    ({ id }) => {
      router.push(`/fact-sheets/${id}`);
      router.refresh();
    },
    props.mode === "edit" ? "Fact sheet saved." : "Fact sheet created.",
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit fact sheet" : "New fact sheet"}>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
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
