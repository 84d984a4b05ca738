import { Link } from "@/components/ui/link";
import { DeleteNoteButton } from "@/components/notes/note-controls";
import { excerpt } from "@/lib/values";
import type { Span } from "@/lib/anchoring";

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

/** The notes on a source's passages, in text order, each linked to its underlined passage. */
export function PassageNotes({ notes }: { notes: readonly NotedPassage[] }) {
  return (
    <section aria-labelledby="passage-notes-heading" className="space-y-3">
      <h2 id="passage-notes-heading" className="font-semibold">
        Notes on passages ({notes.length})
      </h2>
      {notes.length === 0 ? <p className="text-sm text-muted-foreground">No notes on this text yet.</p> : null}
      <ol className="space-y-3">
        {notes.map((n) => (
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
  );
}
