"use client";
import { Link } from "@/components/ui/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { NoteForm } from "@/components/notes/note-controls";
import { CitationForm, type SourceChoice } from "@/components/citations/citation-form";
import { PassageClaimForm } from "@/components/claims/passage-claim-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { trimSpan, type Span } from "@/lib/anchoring";
import { cn } from "@/lib/cn";
import { excerpt } from "@/lib/values";
import { HighlightedText, type Spanned } from "./highlighted-text";
import { PassageNotes, type NotedPassage } from "./passage-notes";
import { selectedSpan } from "./text-offsets";

export interface CitedPassage extends Span {
  id: string;
  label: string;
  claimStatement: string;
}


/**
 * A source's stored text with its cited passages highlighted and its noted passages underlined,
 * each numbered and linked to what cites or notes it. Selecting words (with the mouse, or with
 * the keyboard in the plain-text view) offers "Cite this passage" and "Annotate this passage".
 */
export function SourceText(props: {
  source: SourceChoice;
  text: string;
  lang?: string;
  citations: CitedPassage[];
  notes: NotedPassage[];
  canCite: boolean;
  canAnnotate: boolean;
}) {
  const { text } = props;
  const box = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLHeadingElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  const [mode, setMode] = useState<"claim" | "cite" | "annotate" | null>(null);
  const [passage, setPassage] = useState<Span | null>(null);
  // The words typed in the cite form's claim search when "Create claim …" was chosen: the new claim's statement.
  const [statement, setStatement] = useState<string>();
  const [keyboard, setKeyboard] = useState(false);
  const [done, setDone] = useState<{ text: string; claimId?: string }>();
  const canAct = props.canCite || props.canAnnotate;

  const spans: Spanned[] = useMemo(
    () => [
      ...props.citations.map((c) => ({ ...c, key: `c-${c.id}`, kind: "citation" as const, title: `cited by “${c.claimStatement}”`, href: `#citation-entry-${c.id}` })),
      ...props.notes.flatMap((n) =>
        n.start !== undefined && n.end !== undefined
          ? [{ ...n, start: n.start, end: n.end, key: `n-${n.id}`, kind: "note" as const, title: `note: ${n.body}`, href: `#note-${n.id}` }]
          : [],
      ),
    ],
    [props.citations, props.notes],
  );

  useEffect(() => {
    if (!canAct) return;
    const onChange = () => {
      const el = box.current;
      if (!el) return;
      const span = selectedSpan(el, text.length);
      const trimmed = span && trimSpan(text, span.start, span.end);
      if (trimmed) setSelection(trimmed);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [canAct, text]);

  useEffect(() => {
    const el = plain.current;
    if (!keyboard || !el) return;
    const refuse = (e: Event) => e.preventDefault();
    el.addEventListener("beforeinput", refuse);
    return () => el.removeEventListener("beforeinput", refuse);
  }, [keyboard]);

  // A textarea's selection offsets are offsets in its value, which is the stored text itself.
  const selectPlain = (el: HTMLTextAreaElement) => {
    const trimmed = trimSpan(text, el.selectionStart, el.selectionEnd);
    if (trimmed && !mode) setSelection(trimmed);
  };

  const open = (next: "claim" | "cite" | "annotate", span = selection) => {
    setPassage(span);
    setMode(next);
    if (next !== "claim") setStatement(undefined);
    setDone(undefined);
    requestAnimationFrame(() => {
      panel.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      // The new-claim form puts the caret in its first field itself; the others start at their heading.
      if (next !== "claim") panel.current?.focus();
    });
  };
  const close = (message?: string, claimId?: string) => {
    setMode(null);
    setStatement(undefined);
    setPassage(null);
    setSelection(null);
    if (message) setDone({ text: message, claimId });
  };
  const quote = passage ? text.slice(passage.start, passage.end) : "";

  return (
    <div className={cn("grid gap-6", mode ? "lg:grid-cols-2" : "lg:grid-cols-[minmax(0,1fr)_22rem]")}>
      <div className="min-w-0 space-y-3">
        <p className="text-sm text-muted-foreground">
          Cited passages are <mark className="rounded-sm bg-[var(--highlight-cite)] px-1 text-foreground">highlighted</mark> and numbered C1, C2…; noted
          passages are{" "}
          <mark className="rounded-sm bg-[var(--highlight-note-bg)] px-1 text-foreground underline decoration-[var(--highlight-note)] decoration-dashed decoration-2 underline-offset-4">
            underlined
          </mark>{" "}
          and numbered N1, N2….
          {canAct ? " Select words in the text to cite or annotate them." : null}
        </p>
        {canAct ? (
          <Button type="button" variant="secondary" className="min-h-9 px-3" aria-pressed={keyboard} onClick={() => setKeyboard((k) => !k)}>
            {keyboard ? "Back to the highlighted text" : "Select with the keyboard"}
          </Button>
        ) : null}
        {keyboard ? (
          <div className="space-y-1.5">
            <label htmlFor="source-text-plain" className="text-sm font-medium">
              Source text (read-only): move with the arrow keys, hold Shift to select a passage
            </label>
            <textarea
              id="source-text-plain"
              ref={plain}
              // Not readOnly: browsers give a read-only field no caret, so the keyboard could not select. Edits are refused instead.
              aria-readonly="true"
              spellCheck={false}
              value={text}
              onChange={() => {}}
              rows={16}
              lang={props.lang}
              className="block w-full rounded-md border border-border bg-card px-3 py-2 font-serif text-base leading-relaxed"
              onSelect={(e) => selectPlain(e.currentTarget)}
              onKeyUp={(e) => selectPlain(e.currentTarget)}
            />
          </div>
        ) : (
          <div
            ref={box}
            data-source-text
            lang={props.lang}
            className="whitespace-pre-wrap break-words rounded-lg border border-border bg-card p-4 font-serif text-lg leading-relaxed sm:p-6"
          >
            <HighlightedText text={text} spans={spans} />
          </div>
        )}
        {canAct && selection && !mode ? (
          <div
            role="region"
            aria-label="Selected passage"
            className="sticky bottom-3 z-10 space-y-2 rounded-lg border border-primary bg-card p-3 shadow-lg"
          >
            <p className="text-sm">
              <span className="font-medium">Selected:</span> <q className="font-serif break-words">{excerpt(text.slice(selection.start, selection.end), 200)}</q>
            </p>
            <div className="flex flex-wrap gap-2">
              {props.canCite ? (
                <>
                  <Button type="button" className="min-h-9 px-3" onClick={() => open("claim")}>
                    New claim from this passage
                  </Button>
                  <Button type="button" variant="secondary" className="min-h-9 px-3" onClick={() => open("cite")}>
                    Cite this passage
                  </Button>
                </>
              ) : null}
              {props.canAnnotate ? (
                <Button type="button" variant="secondary" className="min-h-9 px-3" onClick={() => open("annotate")}>
                  Annotate this passage
                </Button>
              ) : null}
              <Button type="button" variant="ghost" className="min-h-9 px-3" onClick={() => setSelection(null)}>
                Clear selection
              </Button>
            </div>
          </div>
        ) : null}
      </div>

      <aside className="min-w-0 space-y-4" aria-label="Notes on passages">
        {done ? (
          <div className="space-y-1">
            <FormMessage kind="success">{done.text}</FormMessage>
            {done.claimId ? (
              <Link href={`/claims/${done.claimId}`} className="text-sm underline">
                Open the claim
              </Link>
            ) : null}
          </div>
        ) : null}
        {mode && passage ? (
          <section className="space-y-3 rounded-lg border border-primary bg-card p-3 sm:p-4" aria-labelledby="passage-panel-heading">
            <h2 id="passage-panel-heading" ref={panel} tabIndex={-1} className="scroll-mt-24 font-semibold">
              {mode === "claim" ? "New claim from this passage" : mode === "cite" ? "Cite this passage" : "Annotate this passage"}
            </h2>
            {mode === "claim" ? (
              <PassageClaimForm
                key={statement ?? ""}
                source={props.source}
                passage={{ quote, startOffset: passage.start, endOffset: passage.end }}
                initial={statement ? { statement } : undefined}
                onDone={close}
                onCancel={() => close()}
              />
            ) : mode === "cite" ? (
              <CitationForm
                mode="create"
                source={props.source}
                passage={{ quote, startOffset: passage.start, endOffset: passage.end }}
                onCreateClaim={(typed) => {
                  setStatement(typed);
                  open("claim", passage);
                }}
                onDone={close}
                onCancel={() => close()}
              />
            ) : (
              <>
                <blockquote className="max-h-40 overflow-y-auto whitespace-pre-wrap break-words border-l-4 border-[var(--highlight-note)] pl-3 font-serif">{quote}</blockquote>
                <NoteForm
                  target={{ sourceId: props.source.id, quote, startOffset: passage.start, endOffset: passage.end }}
                  submitLabel="Save note"
                  onDone={close}
                  onCancel={() => close()}
                />
              </>
            )}
          </section>
        ) : null}
        <PassageNotes notes={props.notes} />
      </aside>
    </div>
  );
}
