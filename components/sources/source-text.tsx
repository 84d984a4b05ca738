"use client";
import Link from "next/link";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import { DeleteNoteButton, NoteForm } from "@/components/notes/note-controls";
import { CitationForm, type SourceChoice } from "@/components/citations/citation-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { segmentText, trimSpan, type Span } from "@/lib/anchoring";
import { cn } from "@/lib/cn";
import { selectedSpan } from "./text-offsets";
import { excerpt } from "@/lib/values";

export interface CitedPassage extends Span {
  id: string;
  label: string;
  claimStatement: string;
}

/** A note whose passage is no longer in the text (after an edit) has no span and is listed apart. */
export interface NotedPassage extends Partial<Span> {
  id: string;
  label: string;
  body: string;
  quote: string;
  author: string;
  createdAt: string;
  version: number;
  canDelete: boolean;
}

type Spanned = Span & { key: string; kind: "citation" | "note"; label: string; title: string; href: string };


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
  const [mode, setMode] = useState<"cite" | "annotate" | null>(null);
  const [passage, setPassage] = useState<Span | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [done, setDone] = useState<string>();
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
  const byKey = useMemo(() => new Map(spans.map((s) => [s.key, s])), [spans]);
  const segments = useMemo(() => segmentText(text.length, spans.map((s) => ({ id: s.key, start: s.start, end: s.end }))), [text.length, spans]);

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

  const open = (next: "cite" | "annotate") => {
    setPassage(selection);
    setMode(next);
    setDone(undefined);
    requestAnimationFrame(() => {
      panel.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      panel.current?.focus();
    });
  };
  const close = (message?: string) => {
    setMode(null);
    setPassage(null);
    setSelection(null);
    if (message) setDone(message);
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
            {segments.map((segment) => {
              const starting = spans.filter((s) => s.start === segment.start && segment.ids.includes(s.key));
              const ending = segment.ids.map((id) => byKey.get(id)!).filter((s) => s.end === segment.end);
              const cited = segment.ids.some((id) => id.startsWith("c-"));
              const noted = segment.ids.some((id) => id.startsWith("n-"));
              const piece = text.slice(segment.start, segment.end);
              return (
                <Fragment key={segment.start}>
                  {starting.map((s) => (
                    <span key={s.key} id={`passage-${s.key}`} className="scroll-mt-24" />
                  ))}
                  {segment.ids.length ? (
                    <mark
                      data-start={segment.start}
                      title={segment.ids.map((id) => `${byKey.get(id)!.label}: ${byKey.get(id)!.title}`).join("\n")}
                      className={cn(
                        "rounded-sm text-foreground",
                        cited ? "bg-[var(--highlight-cite)]" : "bg-[var(--highlight-note-bg)]",
                        noted && "underline decoration-[var(--highlight-note)] decoration-dashed decoration-2 underline-offset-4",
                      )}
                    >
                      {piece}
                    </mark>
                  ) : (
                    <span data-start={segment.start}>{piece}</span>
                  )}
                  {ending.map((s) => (
                    <sup key={s.key} className="select-none px-0.5 font-sans text-xs font-semibold">
                      <a href={s.href} className="text-primary underline" aria-label={`${s.label}, ${excerpt(s.title, 100)}`}>
                        {s.label}
                      </a>
                    </sup>
                  ))}
                </Fragment>
              );
            })}
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
                <Button type="button" className="min-h-9 px-3" onClick={() => open("cite")}>
                  Cite this passage
                </Button>
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
        {done ? <FormMessage kind="success">{done}</FormMessage> : null}
        {mode && passage ? (
          <section className="space-y-3 rounded-lg border border-primary bg-card p-3 sm:p-4" aria-labelledby="passage-panel-heading">
            <h2 id="passage-panel-heading" ref={panel} tabIndex={-1} className="scroll-mt-24 font-semibold">
              {mode === "cite" ? "Cite this passage" : "Annotate this passage"}
            </h2>
            {mode === "cite" ? (
              <CitationForm mode="create" source={props.source} passage={{ quote, startOffset: passage.start, endOffset: passage.end }} onDone={close} onCancel={() => close()} />
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
        <section aria-labelledby="passage-notes-heading" className="space-y-3">
          <h2 id="passage-notes-heading" className="font-semibold">
            Notes on passages ({props.notes.length})
          </h2>
          {props.notes.length === 0 ? <p className="text-sm text-muted-foreground">No notes on this text yet.</p> : null}
          <ol className="space-y-3">
            {props.notes.map((n) => (
              <li key={n.id} id={`note-${n.id}`} className="scroll-mt-24 space-y-1 rounded-md border border-border bg-card p-3 text-sm">
                <p className="flex flex-wrap items-baseline gap-2">
                  {n.start !== undefined ? (
                    <>
                      <span className="font-sans text-xs font-semibold">{n.label}</span>
                      <Link href={`#passage-n-${n.id}`} className="font-serif underline decoration-[var(--highlight-note)] decoration-dashed">
                        “{excerpt(n.quote, 90)}”
                      </Link>
                    </>
                  ) : (
                    <span>
                      <span className="font-serif">“{excerpt(n.quote, 90)}”</span>{" "}
                      <span className="text-muted-foreground">(no longer found in the text)</span>
                    </span>
                  )}
                </p>
                <p className="whitespace-pre-wrap break-words">{n.body}</p>
                <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
                  <span>{n.author}</span>
                  {n.canDelete ? <DeleteNoteButton id={n.id} version={n.version} label={`note ${n.label}`} /> : null}
                </p>
              </li>
            ))}
          </ol>
        </section>
      </aside>
    </div>
  );
}
