"use client";
import { useRef, useState } from "react";
import { useActionButton } from "@/components/forms/use-action-button";
import { deleteCitationAction } from "@/app/(app)/citations/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CitationForm, type SourceChoice } from "./citation-form";
import type { CitationInput } from "@/lib/schemas/citation";

/** "Add citation" on a claim's page: a button that opens the form in place. */
export function AddCitation({ claim }: { claim: { id: string; version: number } }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <div className="space-y-3">
      {done ? <FormMessage kind="success">{done}</FormMessage> : null}
      {open ? (
        <div className="rounded-lg border border-border bg-background p-3 sm:p-4">
          <h3 className="mb-3 font-semibold">New citation</h3>
          <CitationForm
            mode="create"
            claim={claim}
            onDone={(message) => {
              setDone(message);
              setOpen(false);
            }}
            onCancel={() => {
              setOpen(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          />
        </div>
      ) : (
        <Button
          ref={opener}
          type="button"
          onClick={() => {
            setDone(undefined);
            setOpen(true);
          }}
        >
          Add citation
        </Button>
      )}
    </div>
  );
}

/** Edit and delete for one citation on a claim's page. */
export function CitationActions(props: {
  claim: { id: string; version: number };
  citationId: string;
  label: string;
  source: SourceChoice;
  initial: Partial<CitationInput>;
}) {
  const [mode, setMode] = useState<"idle" | "edit" | "confirm">("idle");
  const [done, setDone] = useState<string>();
  const { run, pending, problem } = useActionButton(deleteCitationAction, { toast: "Citation deleted.", onProblem: () => setMode("idle") });
  const remove = () => {
    setDone(undefined);
    run({ id: props.citationId, claimVersion: props.claim.version });
  };
  const message = problem ? { kind: "error" as const, text: problem } : done ? { kind: "success" as const, text: done } : undefined;

  return (
    <div className="space-y-2">
      {message ? <FormMessage kind={message.kind}>{message.text}</FormMessage> : null}
      {mode === "edit" ? (
        <div className="rounded-lg border border-border bg-background p-3 sm:p-4">
          <CitationForm
            mode="edit"
            claim={props.claim}
            source={props.source}
            initial={{ ...props.initial, id: props.citationId }}
            onDone={(text) => {
              setDone(text);
              setMode("idle");
            }}
            onCancel={() => setMode("idle")}
          />
        </div>
      ) : mode === "confirm" ? (
        <div role="group" aria-label={`Delete ${props.label}?`} className="flex flex-wrap items-center gap-2 rounded-md border border-danger bg-danger-muted px-3 py-2 text-sm">
          <span>Delete this citation? The claim’s evidence changes{" "}and a decided claim goes back to review.</span>
          <Button type="button" className="min-h-9 bg-danger text-white" disabled={pending} onClick={remove}>
            {pending ? "Deleting…" : "Delete"}
          </Button>
          <Button type="button" variant="secondary" className="min-h-9" onClick={() => setMode("idle")}>
            Keep it
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" className="min-h-9 px-3" aria-label={`Edit ${props.label}`} onClick={() => setMode("edit")}>
            Edit
          </Button>
          <Button type="button" variant="ghost" className="min-h-9 px-3" aria-label={`Delete ${props.label}`} onClick={() => setMode("confirm")}>
            Delete
          </Button>
        </div>
      )}
    </div>
  );
}
