"use client";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSourceAction, updateSourceAction } from "@/app/(app)/sources/actions";
import { DraftRestored } from "@/components/forms/draft-restored";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { useDraft } from "@/components/forms/use-draft";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { DateField } from "@/components/ui/date-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { SOURCE_KIND_LABELS } from "@/lib/labels";
import { editSourceSchema, SOURCE_KINDS, sourceSchema, type EditSourceInput } from "@/lib/schemas/source";
import type { Reanchored } from "@/lib/server/sources";
import { excerpt } from "@/lib/values";

export type SourceFormValues = Partial<EditSourceInput>;

function passagesSummary(passages: Reanchored[]): string[] {
  const count = (outcome: Reanchored["outcome"]) => passages.filter((p) => p.outcome === outcome).length;
  const lines: string[] = [];
  if (count("moved")) lines.push(`${count("moved")} quoted passage(s) moved with the new text and are still highlighted.`);
  if (count("anchored")) lines.push(`${count("anchored")} earlier quote(s) were found in the text and are now highlighted.`);
  for (const p of passages.filter((p) => p.outcome === "cleared")) {
    lines.push(`No longer in the text, highlight removed (${p.type === "Citation" ? "citation" : "note"}): “${excerpt(p.quote, 80)}”`);
  }
  return lines;
}

export function SourceForm(props: { mode: "create" | "edit"; initial?: SourceFormValues }) {
  const router = useRouter();
  const [saved, setSaved] = useState<{ id: string; lines: string[] }>();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    // The same schema as the server action; the action parses the values again.
    schema: (props.mode === "edit" ? editSourceSchema : sourceSchema) as typeof editSourceSchema,
    defaultValues: { kind: "NEWS_ARTICLE", publishedApprox: false, ...props.initial },
    action: (values): Promise<ActionResult<{ id: string; version?: number; passages?: Reanchored[] }>> => {
      setSaved(undefined);
      return props.mode === "edit" ? updateSourceAction(values) : createSourceAction(values);
    },
    toast: props.mode === "edit" ? "Source saved." : "Source recorded.",
    onSuccess: (value, values) => {
      draft.clear();
      const passages = value.passages ?? [];
      if (passages.length === 0) {
        router.push(`/sources/${value.id}`);
        router.refresh();
        return;
      }
      // The text moved quoted passages: say what happened to each before leaving the form.
      form.setValue("version", value.version ?? values.version);
      setSaved({ id: value.id, lines: passagesSummary(passages) });
    },
  });
  // Unsaved input survives a reload; leaving with changes asks first.
  const draft = useDraft(form, props.mode === "edit" ? `source:${props.initial?.id}` : "source:new", ["id", "version"]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.mode === "edit" ? "Edit source" : "New source"}>
      <FormOutcome outcome={outcome} />
      {draft.restored ? <DraftRestored onDiscard={draft.discard} /> : null}
      {saved ? (
        <div role="status" className="space-y-2 rounded-md border border-[var(--status-verified)] bg-[var(--status-verified-bg)] px-3 py-2 text-sm">
          <p className="font-medium">Source saved. The text changed where passages are quoted:</p>
          <ul className="list-disc pl-5">
            {saved.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Link href={`/sources/${saved.id}`} className="font-medium underline">
            View the source
          </Link>
        </div>
      ) : null}
      <FormField id="title" label="Title" error={err("title")}>
        {(a11y) => <Input {...a11y} placeholder="e.g. Russia Recruits North Koreans to Rebuild Occupied Donbas" {...form.register("title")} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="outlet" label="Outlet or publisher" error={err("outlet")}>
          {(a11y) => <Input {...a11y} placeholder="e.g. National Review" {...form.register("outlet")} />}
        </FormField>
        <FormField id="kind" label="Kind" error={err("kind")}>
          {(a11y) => (
            <Select {...a11y} {...form.register("kind")}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      <FormField id="url" label="Web address (optional)" error={err("url")}>
        {(a11y) => <Input {...a11y} type="url" inputMode="url" placeholder="https://…" {...form.register("url")} />}
      </FormField>
      <fieldset className="grid gap-4 rounded-lg border border-border p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold">Published</legend>
        <div className="sm:col-span-2">
          <DateField form={form} id="publishedAt" name="publishedAt" precisionName="publishedPrecision" label="Date (if known)" />
        </div>
        <div className="flex items-start pt-8">
          <label htmlFor="publishedApprox" className="flex items-center gap-2 text-sm">
            <input id="publishedApprox" type="checkbox" className="size-4 accent-[var(--primary)]" {...form.register("publishedApprox")} />
            Approximate date
          </label>
        </div>
      </fieldset>
      <FormField id="language" label="Language (optional)" error={err("language")}>
        {(a11y) => <Input {...a11y} className="max-w-48" placeholder="e.g. en, ru, uk" autoComplete="off" {...form.register("language")} />}
      </FormField>
      <FormField id="fullText" label="Full text (optional)" error={err("fullText")}>
        {(a11y) => (
          <Textarea
            {...a11y}
            rows={14}
            className="font-serif leading-relaxed"
            placeholder="Paste the article, transcript or statement. Stored text lets editors cite and note its passages exactly."
            {...form.register("fullText")}
          />
        )}
      </FormField>
      <FormField id="notes" label="Notes (optional)" error={err("notes")}>
        {(a11y) => <Textarea {...a11y} rows={3} placeholder="e.g. Reports Russian state TV via the New York Post." {...form.register("notes")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save source"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
