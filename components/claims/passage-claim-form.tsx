"use client";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { createClaimFromPassageAction } from "@/app/(app)/sources/actions";
import { ChainEditor, blankLink } from "@/components/citations/chain-editor";
import { StanceField } from "@/components/citations/stance-field";
import type { Passage, SourceChoice } from "@/components/citations/citation-form";
import type { EventOption } from "@/components/events/event-picker";
import { ClaimFields } from "@/components/claims/claim-fields";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import type { MetricOption } from "@/components/metrics/metric-picker";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { passageClaimSchema, type PassageClaimInput } from "@/lib/schemas/passage-claim";

/** A first guess at the kind from the passage's words: a figure, someone speaking, or an event. */
export function guessKind(passage: string): PassageClaimInput["claim"]["kind"] {
  if (/\d/.test(passage)) return "QUANTITY";
  if (/\b(said|says|told|stated|announced|according to)\b/i.test(passage)) return "ATTRIBUTED_STATEMENT";
  return "EVENT";
}

/**
 * "New claim from this passage": the claim, its value and its citation of the passage in one
 * form and one transaction. The quote and its place are the selection; the chain's nearest link is
 * the source's outlet, as reporter. The one component for every flow that turns a passage into a
 * claim (the source page now, article intake later).
 */
export function PassageClaimForm(props: {
  source: SourceChoice;
  passage: Passage;
  /** Values to start from (a suggested claim); the passage's words are the statement otherwise. */
  initial?: Partial<PassageClaimInput["claim"]>;
  onDone: (message: string, claimId: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const id = (name: string) => `${prefix}-${name}`;
  const [metric, setMetric] = useState<MetricOption | null>(null);
  const [event, setEvent] = useState<EventOption | null>(null);
  const reporter = props.source.outlet ? [{ actorName: props.source.outlet, actorKind: "OUTLET" as const, relation: "reported" }] : [];
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: passageClaimSchema,
    defaultValues: {
      claim: { statement: props.passage.quote, kind: guessKind(props.passage.quote), ...props.initial },
      citation: {
        sourceId: props.source.id,
        ...props.passage,
        stance: "SUPPORTS",
        isPrimary: false,
        chain: [blankLink(), ...reporter],
      },
    },
    action: createClaimFromPassageAction,
    toast: "Claim recorded with its citation.",
    onSuccess: (value) => {
      draft.clear();
      props.onDone("Claim recorded with its citation.", value.claimId);
      router.refresh();
    },
  });
  const draft = useDraft(form, `passage:${props.source.id}:${props.passage.startOffset}-${props.passage.endOffset}`);
  const statement = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => statement.current?.focus(), []);
  const { ref: statementRef, ...statementField } = form.register("claim.statement");

  return (
    <form onSubmit={onSubmit} noValidate className="@container space-y-4" aria-label="New claim from this passage">
      <FormOutcome outcome={outcome} />
      {draft.restored ? <DraftRestored onDiscard={draft.discard} /> : null}
      <blockquote className="max-h-32 overflow-y-auto whitespace-pre-wrap break-words border-l-4 border-primary pl-3 font-serif">“{props.passage.quote}”</blockquote>
      <p className="text-xs text-muted-foreground">
        Quoted word for word from {props.source.title}
        {err("citation.quote") ? <span className="block text-sm text-danger">{err("citation.quote")}</span> : null}
      </p>
      <FormField id={id("statement")} label="Claim: one checkable statement, written neutrally" error={err("claim.statement")}>
        {(a11y) => (
          <Textarea
            {...a11y}
            rows={3}
            {...statementField}
            ref={(el) => {
              statementRef(el);
              statement.current = el;
            }}
          />
        )}
      </FormField>
      <ClaimFields
        form={form as never}
        at="claim."
        id={id}
        err={err}
        kindLabel="Kind of claim"
        metric={metric}
        onMetric={(m) => {
          setMetric(m);
          form.setValue("claim.metricId", m?.id ?? "");
          if (m && !form.getValues("claim.unit")) form.setValue("claim.unit", m.unit);
        }}
        event={event}
        onEvent={(e) => {
          setEvent(e);
          form.setValue("claim.eventId", e?.id ?? "");
        }}
      />

      <StanceField id={id("stance")} label="The passage" error={err("citation.stance")} field={form.register("citation.stance")} />
      <ChainEditor form={form as never} idPrefix={prefix} name="citation.chain" />

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save claim and citation"}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        More to say (a period, tags, a date it was said)? Edit the claim after saving, or <Link href="/claims/new" className="underline">record a claim on its own</Link>.
      </p>
    </form>
  );
}
