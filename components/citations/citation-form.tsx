"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createCitationAction, updateCitationAction } from "@/app/(app)/citations/actions";
import { DraftRestored } from "@/components/forms/draft-restored";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { useDraft } from "@/components/forms/use-draft";
import { closestPassageAction, searchSourcesAction } from "@/app/(app)/sources/actions";
import type { ClosestPassage } from "@/lib/quote-match";
import { ClosestPassageOffer } from "./closest-passage";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Combobox } from "@/components/ui/combobox";
import { ClaimSearch, type ClaimChoice } from "@/components/claims/claim-search";
import { DateField } from "@/components/ui/date-field";
import { Textarea } from "@/components/ui/textarea";
import { citationSchema, editCitationSchema, type CitationInput } from "@/lib/schemas/citation";
import { blankLink, ChainEditor } from "./chain-editor";
import { StanceField } from "./stance-field";

export type SourceChoice = { id: string; title: string; outlet: string | null; hasText: boolean };
export type Passage = { quote: string; startOffset: number; endOffset: number };
type Values = CitationInput & { id?: string };

/**
 * One citation: on a claim's page the claim is fixed and the source is searched for; on a
 * source's page the source and the selected passage are fixed and the claim is searched for.
 */
export function CitationForm(props: {
  mode: "create" | "edit";
  claim?: { id: string; version: number };
  source?: SourceChoice;
  /** A passage selected in the source's text: quote and offsets are fixed. */
  passage?: Passage;
  initial?: Partial<Values>;
  /** Offered when the claim search finds nothing: leave this form for a new claim from the typed words. */
  onCreateClaim?: (statement: string) => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [claim, setClaim] = useState<ClaimChoice | null>(null);
  const [source, setSource] = useState<SourceChoice | null>(props.source ?? null);
  // A quote refused as not in the source's text: the closest passage there, offered instead.
  const [closest, setClosest] = useState<ClosestPassage | null>(null);
  const save = (values: CitationInput) => {
    const edited = { ...values } as Values;
    // The page's claim version is the one the editor saw; a changed quote is found again by the server.
    if (props.claim) edited.claimVersion = props.claim.version;
    if (!props.passage && props.initial?.quote !== undefined && values.quote.trim() !== props.initial.quote) {
      edited.startOffset = undefined;
      edited.endOffset = undefined;
    }
    return props.mode === "edit" ? updateCitationAction({ ...edited, id: props.initial!.id! }) : createCitationAction(edited);
  };
  const { form, pending, outcome, onSubmit } = useActionForm({
    // The same schema as the server action; the action parses the values again.
    schema: (props.mode === "edit" ? editCitationSchema : citationSchema) as typeof citationSchema,
    defaultValues: {
      claimId: props.claim?.id ?? "",
      claimVersion: props.claim?.version ?? 1,
      sourceId: props.source?.id ?? "",
      stance: "SUPPORTS",
      isPrimary: false,
      chain: [blankLink(), blankLink()],
      ...props.initial,
      ...(props.passage ?? {}),
    },
    action: async (values) => {
      setClosest(null);
      const result = await save(values);
      if (!result.ok && result.fieldErrors?.quote && !props.passage && values.sourceId) setClosest(await closestPassageAction(values.sourceId, values.quote).catch(() => null));
      return result;
    },
    toast: props.mode === "edit" ? "Citation saved." : "Citation added.",
    onSuccess: () => {
      draft.clear();
      router.refresh();
      props.onDone(props.mode === "edit" ? "Citation saved." : claim ? `Cited on “${claim.statement}”.` : "Citation added.");
    },
  });
  // Unsaved input survives a reload; leaving with changes asks first. Picked claim and source are not kept (their labels would be missing).
  const draft = useDraft(
    form,
    props.mode === "edit" ? `citation:${props.initial?.id}` : props.passage ? `citation:${props.source?.id}:${props.passage.startOffset}-${props.passage.endOffset}` : `citation:claim:${props.claim?.id}`,
    ["id", "version", "claimId", "claimVersion", "sourceId"],
  );
  const { errors } = form.formState;
  const id = (name: string) => `${prefix}-${name}`;

  return (
    <form onSubmit={onSubmit} noValidate className="@container max-w-3xl space-y-4" aria-label={props.mode === "edit" ? "Edit citation" : "New citation"}>
      <FormOutcome outcome={outcome} />
      {draft.restored ? <DraftRestored onDiscard={draft.discard} /> : null}

      {props.claim ? null : (
        <ClaimSearch
          id={id("claim")}
          label="Claim"
          error={errors.claimId?.message}
          selected={claim}
          onCreate={props.onCreateClaim}
          onSelect={(c) => {
            setClaim(c);
            form.setValue("claimId", c?.id ?? "", { shouldValidate: form.formState.isSubmitted });
            form.setValue("claimVersion", c?.version ?? 1);
          }}
        />
      )}

      {props.passage ? (
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Passage</p>
          <blockquote className="max-h-40 overflow-y-auto whitespace-pre-wrap break-words border-l-4 border-primary pl-3 font-serif">{props.passage.quote}</blockquote>
          <p className="text-xs text-muted-foreground">
            Characters {props.passage.startOffset.toLocaleString("en-GB")}–{props.passage.endOffset.toLocaleString("en-GB")} of the source’s text.
          </p>
          {errors.quote?.message ? <p className="text-sm text-danger">{errors.quote.message}</p> : null}
        </div>
      ) : (
        <>
          <Combobox<SourceChoice>
            id={id("source")}
            label="Source"
            noun="source"
            openOnFocus
            empty="Nothing matches."
            placeholder="Search sources by title or outlet"
            error={errors.sourceId?.message}
            search={searchSourcesAction}
            itemToString={(s) => s.title}
            itemKey={(s) => s.id}
            renderItem={(s) => (
              <span>
                <span className="font-medium">{s.title}</span>
                <span className="text-muted-foreground">
                  {s.outlet ? ` · ${s.outlet}` : ""}
                  {s.hasText ? " · text stored" : ""}
                </span>
              </span>
            )}
            selected={source}
            onSelect={(s) => {
              setSource(s);
              form.setValue("sourceId", s?.id ?? "", { shouldValidate: form.formState.isSubmitted });
            }}
          />
          <FormField id={id("quote")} label="Quote: the exact words in the source" error={errors.quote?.message}>
            {(a11y) => <Textarea {...a11y} rows={3} className="font-serif" {...form.register("quote")} />}
          </FormField>
          {closest && errors.quote ? (
            <ClosestPassageOffer
              found={closest}
              onUse={(passage) => {
                form.setValue("quote", passage);
                form.clearErrors("quote");
                setClosest(null);
                document.getElementById(id("quote"))?.focus();
              }}
            />
          ) : null}
          {source?.hasText ? <p className="text-xs text-muted-foreground">This source’s text is stored: the quote must appear in it word for word, and its place is found for you.</p> : null}
        </>
      )}

      <div className="grid gap-4 @md:grid-cols-2">
        <StanceField id={id("stance")} label="Stance" error={errors.stance?.message} field={form.register("stance")} />
        <div className="flex items-end @md:pb-2">
          <label htmlFor={id("isPrimary")} className="flex items-start gap-2 text-sm">
            <input id={id("isPrimary")} type="checkbox" className="mt-0.5 size-4 accent-[var(--primary)]" {...form.register("isPrimary")} />
            <span>Primary source: the statement, record or interview itself</span>
          </label>
        </div>
      </div>

      <fieldset className="grid gap-4 rounded-lg border border-border p-3 @lg:grid-cols-2 @lg:p-4">
        <legend className="px-1 text-sm font-semibold">When it was said, as this source dates it (optional)</legend>
        <DateField form={form} id={id("saidOn")} name="saidOn" precisionName="saidPrecision" label="Said on" />
        <FormField id={id("saidText")} label="The source’s words for it" error={errors.saidText?.message}>
          {(a11y) => <Input {...a11y} placeholder="e.g. Monday, in July" {...form.register("saidText")} />}
        </FormField>
      </fieldset>

      <ChainEditor form={form} idPrefix={prefix} />

      <FormField id={id("note")} label="Note (optional)" error={errors.note?.message}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("note")} />}
      </FormField>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save citation" : "Add citation"}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
