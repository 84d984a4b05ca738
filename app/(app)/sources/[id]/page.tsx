import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/claims/status-badge";
import { SourceText } from "@/components/sources/source-text";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/labels";
import { can, canDeleteNote } from "@/lib/permissions";
import { reviewStatesOf } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { getSource, SOURCE_PAGE_CAP } from "@/lib/server/sources";
import { formatDate, formatPublished } from "@/lib/values";

export const metadata: Metadata = { title: "Source" };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const source = isUuid(id) ? await getSource(user, id) : null;
  if (!source) notFound();
  const reviews = await reviewStatesOf(user, source.citations.map((c) => c.claim.id));
  const anchored = <T extends { startOffset: number | null; endOffset: number | null }>(rows: T[]) =>
    rows.flatMap((r) => (r.startOffset !== null && r.endOffset !== null ? [{ ...r, start: r.startOffset, end: r.endOffset }] : []));
  const cited = anchored(source.citations).map((c, i) => ({ ...c, label: `C${i + 1}` }));
  const labels = new Map(cited.map((c) => [c.id, c.label]));
  const anchoredNotes = new Map(anchored(source.passageNotes).map((n, i) => [n.id, { start: n.start, end: n.end, label: `N${i + 1}` }]));
  const notes = source.passageNotes.map((n) => ({ ...n, start: undefined, end: undefined, label: "", ...anchoredNotes.get(n.id) }));

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/sources" className="text-muted-foreground hover:text-foreground">
          ← All sources
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          {/* Each item carries its own trailing dot, so a wrapped line never starts with one. */}
          {[
            SOURCE_KIND_LABELS[source.kind],
            source.outlet ?? "Unknown outlet",
            source.publishedAt
              ? `Published ${formatPublished(source)}`
              : "Publication date unknown",
            ...(source.language ? [`Language: ${source.language}`] : []),
          ].map((item, i, all) => (
            <span key={item}>
              {item}
              {i < all.length - 1 ? "\u00a0·" : ""}
            </span>
          ))}
          {can(user.role, "sources:write") ? (
            <Link href={`/sources/${source.id}/edit`} className="ml-auto rounded-md border border-border bg-card px-3 py-1.5 font-medium text-foreground hover:bg-muted">
              Edit source
            </Link>
          ) : null}
        </div>
        <h1 className="font-serif text-2xl font-bold leading-snug sm:text-3xl">{source.title}</h1>
        {source.url ? (
          <p className="text-sm break-all">
            <a href={source.url} className="underline" rel="noopener noreferrer nofollow" target="_blank">
              {source.url}
            </a>
          </p>
        ) : null}
        {source.notes ? <p className="text-sm whitespace-pre-wrap">{source.notes}</p> : null}
        <p className="text-sm">
          <Link href={`/claims?source=${source.id}`} className="font-medium underline">
            Filter claims by this source
          </Link>
        </p>
      </header>

      <Card aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-3 text-lg font-semibold">
          Text
        </h2>
        {source.fullText ? (
          <SourceText
            source={{ id: source.id, title: source.title, outlet: source.outlet, hasText: true }}
            text={source.fullText}
            lang={source.language ?? undefined}
            citations={cited.map((c) => ({ id: c.id, label: c.label, start: c.start, end: c.end, claimStatement: c.claim.statement }))}
            notes={notes.map((n) => ({
              id: n.id,
              label: n.label,
              start: n.start,
              end: n.end,
              body: n.body,
              quote: n.quote ?? "",
              author: n.author.name,
              createdAt: n.createdAt.toISOString(),
              version: n.version,
              canDelete: canDeleteNote(user, n),
            }))}
            canCite={can(user.role, "claims:write")}
            canAnnotate={can(user.role, "notes:write")}
          />
        ) : (
          <p className="text-sm text-muted-foreground">
            No text is stored for this source. {can(user.role, "sources:write") ? "Add it (Edit source) to highlight, cite and note its passages." : null}
          </p>
        )}
      </Card>

      <Card aria-labelledby="citing-heading">
        <h2 id="citing-heading" className="text-lg font-semibold">
          Claims citing this source ({source.citations.length}
          {source.citations.length === SOURCE_PAGE_CAP ? "+" : ""})
        </h2>
        {source.citations.length === 0 ? <p className="mt-2 text-sm text-muted-foreground">No claim cites this source yet.</p> : null}
        <ul className="mt-3 space-y-4">
          {source.citations.map((c) => (
            <li key={c.id} id={`citation-entry-${c.id}`} className="scroll-mt-24 space-y-1.5 border-t border-border pt-3 text-sm first:border-t-0 first:pt-0">
              <p className="flex flex-wrap items-center gap-2">
                {labels.get(c.id) ? <span className="font-sans text-xs font-semibold">{labels.get(c.id)}</span> : null}
                <Link href={`/claims/${c.claim.id}`} className="font-medium underline-offset-2 hover:underline">
                  {c.claim.statement}
                </Link>
                <StatusBadge status={c.claim.status} review={reviews.get(c.claim.id)} />
              </p>
              <blockquote className="border-l-4 border-primary pl-3 font-serif break-words">“{c.quote}”</blockquote>
              <p className="text-muted-foreground">
                {STANCE_LABELS[c.stance]}
                {c.isPrimary ? " · primary source" : ""}
                {c.saidText ? ` · said “${c.saidText}”` : ""}
                {labels.get(c.id) ? (
                  <>
                    {" · "}
                    <Link href={`#passage-c-${c.id}`} className="underline">
                      Show in the text
                    </Link>
                  </>
                ) : source.fullText ? (
                  " · these words are not found in the stored text"
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      </Card>
    </article>
  );
}
