import type { ReactNode } from "react";
import { StatusBadge } from "@/components/claims/status-badge";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/labels";
import type { SnapshotClaim, SnapshotContent } from "@/lib/factsheets/snapshot";
import { formatDate } from "@/lib/values";
import { Markdown } from "./markdown";

const RULES = { INDEPENDENT_ORIGINS: "two independent origins", PRIMARY_SOURCE: "a primary source, with a written justification" } as const;
const at = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : "");

/** The chain of a citation, origin first, as one line of text. */
function Chain({ chain }: { chain: SnapshotClaim["citations"][number]["chain"] }) {
  if (!chain.length) return null;
  return (
    <p className="text-sm">
      <span className="text-muted-foreground">Attribution: </span>
      {chain.map((l, i) => (
        <span key={i}>
          {i > 0 ? <span aria-label="passed to"> → </span> : null}
          <span className="font-medium">{l.actor}</span>
          {l.relation ? <span className="text-muted-foreground"> ({l.relation})</span> : null}
        </span>
      ))}
    </p>
  );
}

function ClaimEntry({ claim }: { claim: SnapshotClaim }) {
  const v = claim.verification;
  return (
    <li id={`claim-${claim.position}`} className="break-inside-avoid scroll-mt-6 border-t border-border py-5 first:border-t-0">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <a href={`#claim-${claim.position}`} className="font-mono text-sm text-muted-foreground underline-offset-2 hover:underline" aria-label={`Claim ${claim.position}: link to this claim`}>
          {claim.position}.
        </a>
        <div className="min-w-0 flex-1 space-y-2">
          <p className="font-serif text-lg font-semibold leading-snug">{claim.statement}</p>
          {claim.valueText ? <p className="text-base">{claim.valueText}</p> : null}
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <StatusBadge status={claim.status} />
            {claim.speaker ? <span>Speaker: {claim.speaker}</span> : null}
            {claim.metric ? <span>Metric: {claim.metric}</span> : null}
            {claim.event ? <span>Event: {claim.event}</span> : null}
          </div>
          <p className="text-sm">
            {v.verifiedBy ? (
              <>
                Verified by {v.verifiedBy} on {at(v.verifiedAt)}
                {v.rule ? <> on {RULES[v.rule]}</> : null}
              </>
            ) : (
              "Verified"
            )}
            {v.approvedBy.length ? <>; approved by {v.approvedBy.map((a) => `${a.name} on ${at(a.at)}`).join(", ")}</> : null}.
          </p>
          {v.note ? <p className="text-sm text-muted-foreground">Justification: {v.note}</p> : null}
          <ol className="space-y-3" aria-label={`Sources for claim ${claim.position}`}>
            {claim.citations.map((c) => (
              <li key={c.id} className="rounded-md border border-border p-3">
                <blockquote className="border-l-2 border-border pl-3 italic">“{c.quote}”</blockquote>
                <p className="mt-2 text-sm">
                  {c.source.url ? (
                    <a href={c.source.url} className="font-medium underline">
                      {c.source.title}
                    </a>
                  ) : (
                    <span className="font-medium">{c.source.title}</span>
                  )}
                  {c.source.outlet ? <>, {c.source.outlet}</> : null}
                  {c.source.publishedAt ? <>, {formatDate(c.source.publishedAt, c.source.publishedPrecision)}</> : null}
                  <span className="text-muted-foreground">
                    {"\u00a0"}
                    · {SOURCE_KIND_LABELS[c.source.kind as keyof typeof SOURCE_KIND_LABELS] ?? c.source.kind}&nbsp;· {STANCE_LABELS[c.stance]}
                    {c.isPrimary ? "\u00a0· primary source" : ""}
                    {c.saidOn ? `\u00a0· said ${formatDate(c.saidOn, c.saidPrecision)}` : c.saidText ? `\u00a0· said “${c.saidText}”` : ""}
                  </span>
                </p>
                <Chain chain={c.chain} />
              </li>
            ))}
          </ol>
        </div>
      </div>
    </li>
  );
}

/**
 * One published version, read only from its frozen content: the same on the internal version
 * page and the public page. Nothing internal is in the content except `omitted`, which this never shows.
 */
export function VersionView(props: { content: SnapshotContent; contentHash: string; previousHash: string | null; header?: ReactNode; slot?: ReactNode }) {
  const { content } = props;
  const sections: { title: string | null; claims: SnapshotClaim[] }[] = [];
  for (const claim of content.claims) {
    const last = sections.at(-1);
    if (last && last.title === claim.section) last.claims.push(claim);
    else sections.push({ title: claim.section, claims: [claim] });
  }
  return (
    <article className="space-y-6" aria-labelledby="sheet-title">
      <header className="space-y-2">
        {props.header}
        <h1 id="sheet-title" className="font-serif text-3xl font-bold tracking-tight">
          {content.title}
        </h1>
        <p className="text-sm text-muted-foreground">
          Version {content.number}, published {at(content.publishedAt)} by {content.newsroom.name}
        </p>
      </header>
      {content.summary ? <Markdown>{content.summary}</Markdown> : null}
      {content.changeNote ? (
        <section aria-labelledby="correction" className="rounded-md border border-border bg-muted/50 p-4">
          <h2 id="correction" className="font-semibold">
            What changed in version {content.number}
          </h2>
          <p className="mt-1 whitespace-pre-line">{content.changeNote}</p>
        </section>
      ) : null}
      {sections.map((s, i) => (
        <section key={i} aria-label={s.title ?? undefined} className="space-y-1">
          {s.title ? <h2 className="font-serif text-xl font-semibold">{s.title}</h2> : null}
          <ol className="list-none">
            {s.claims.map((c) => (
              <ClaimEntry key={c.id} claim={c} />
            ))}
          </ol>
        </section>
      ))}
      {props.slot}
      <footer className="space-y-1 border-t border-border pt-4 text-xs text-muted-foreground">
        <p className="break-all">
          SHA-256 of this version: <code data-testid="content-hash">{props.contentHash}</code>
        </p>
        {props.previousHash ? (
          <p className="break-all">
            Previous version’s hash: <code>{props.previousHash}</code>
          </p>
        ) : null}
      </footer>
    </article>
  );
}
