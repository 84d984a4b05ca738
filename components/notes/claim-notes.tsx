import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { canDeleteNote, type Role } from "@/lib/permissions";
import type { ClaimNote } from "@/lib/server/notes";
import { DeleteNoteButton, NoteForm } from "./note-controls";
import { Timestamp } from "@/components/ui/timestamp";
import { excerpt } from "@/lib/values";


/**
 * The claim's own notes and the notes on the source passages its citations quote; editors open
 * "Add a note" to write one, so an empty card is two lines.
 */
export function ClaimNotes(props: { claimId: string; notes: ClaimNote[]; viewer: { id: string; role: Role }; canWrite: boolean }) {
  return (
    <Card aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="text-lg font-semibold">
        Notes ({props.notes.length})
      </h2>
      {props.notes.length === 0 ? <p className="mt-1 text-sm text-muted-foreground">No notes yet.</p> : null}
      <ul className={props.notes.length ? "mt-3 space-y-4 text-sm" : "hidden"}>
        {props.notes.map((n, i) => (
          <li key={n.id} className="space-y-1 border-t border-border pt-3 first:border-t-0 first:pt-0">
            {n.source && n.quote ? (
              <p className="text-muted-foreground">
                On the passage{" "}
                <Link href={`/sources/${n.source.id}#passage-n-${n.id}`} className="underline">
                  “{excerpt(n.quote, 120)}”
                </Link>{" "}
                in {n.source.title}
              </p>
            ) : null}
            <p className="whitespace-pre-wrap break-words">{n.body}</p>
            <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
              <span>
                {n.author.name}, <Timestamp at={n.createdAt} />
              </span>
              {props.canWrite && canDeleteNote(props.viewer, n) ? (
                <DeleteNoteButton id={n.id} version={n.version} label={`note ${i + 1}`} />
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {props.canWrite ? (
        <details className={props.notes.length ? "mt-4 border-t border-border pt-3" : "mt-2"}>
          <summary className="inline-block cursor-pointer rounded-md px-2 py-1 text-sm font-medium hover:bg-muted">Add a note</summary>
          <div className="mt-2 max-w-xl">
            <NoteForm target={{ claimId: props.claimId }} submitLabel="Add note" />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
