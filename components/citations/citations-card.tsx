import { isRetracted } from "@/lib/status";
import { Link } from "@/components/ui/link";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { Card } from "@/components/ui/card";
import { independentOrigins, originRoles, type OriginRole } from "@/lib/independence";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/labels";
import { dateToDay, formatDate, formatPublished } from "@/lib/values";
import type { ClaimDetail } from "@/lib/server/claims";
import { AddCitation, CitationActions } from "./citation-controls";

/** A claim's citations with their chains; editors add, edit and delete them in place. */
export function CitationsCard({ claim, canWrite }: { claim: ClaimDetail; canWrite: boolean }) {
  const origins = independentOrigins(claim.citations.filter((c) => c.stance === "SUPPORTS"));
  const roles = originRoles(claim.citations);
  const names = new Map(claim.citations.flatMap((c) => c.chain.map((l) => [l.actorId, l.actor.name] as const)));
  const editable = canWrite && !isRetracted(claim);
  const version = { id: claim.id, version: claim.version };
  return (
    <Card aria-labelledby="citations-heading">
      <h2 id="citations-heading" className="text-lg font-semibold">
        Citations ({claim.citations.length})
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        {origins.length === 1 ? "1 independent origin" : `${origins.length} independent origins`}: citations whose chains start at the
        same origin do not corroborate each other.
      </p>
      {claim.citations.length === 0 ? <p className="mt-4 text-sm text-muted-foreground">No citations yet.</p> : null}
      <ul className="mt-4 space-y-5">
        {claim.citations.map((c, i) => (
          <li key={c.id} id={`citation-${c.id}`} className="space-y-2 border-t border-border pt-4 first:border-t-0 first:pt-0">
            <p className="text-sm">
              <Link href={`/sources/${c.source.id}`} className="font-medium underline-offset-2 hover:underline">
                {c.source.title}
              </Link>
              <span className="text-muted-foreground">
                {"\u00a0· "}
                {c.source.outlet ?? "Unknown outlet"} · {SOURCE_KIND_LABELS[c.source.kind]}
                {c.source.publishedAt
                  ? ` · ${formatPublished(c.source)}`
                  : " · date unknown"}
              </span>
            </p>
            <blockquote className="border-l-4 border-primary pl-4 font-serif text-base break-words">“{c.quote}”</blockquote>
            <p className="text-sm">
              <span className="font-medium">{STANCE_LABELS[c.stance]}</span>
              {c.isPrimary ? <span className="text-muted-foreground"> · primary source</span> : null}
              {c.saidText ? <span className="text-muted-foreground"> · said “{c.saidText}”</span> : null}
              {c.note ? <span className="text-muted-foreground"> · {c.note}</span> : null}
              {c.startOffset !== null ? (
                <>
                  {" · "}
                  <Link href={`/sources/${c.source.id}#passage-c-${c.id}`} className="underline">
                    Show in the source’s text
                  </Link>
                </>
              ) : null}
            </p>
            <AttributionChain chain={c.chain} />
            <p className="text-sm" data-testid="origin-role">
              {originText(roles[i]!, (id) => names.get(id) ?? "an unknown actor")}
            </p>
            {editable ? (
              <CitationActions
                claim={version}
                citationId={c.id}
                label={`citation ${i + 1} (${c.source.title})`}
                source={{ id: c.source.id, title: c.source.title, outlet: c.source.outlet, hasText: c.startOffset !== null }}
                initial={{
                  claimId: claim.id,
                  sourceId: c.source.id,
                  quote: c.quote,
                  startOffset: c.startOffset ?? undefined,
                  endOffset: c.endOffset ?? undefined,
                  stance: c.stance,
                  isPrimary: c.isPrimary,
                  saidOn: dateToDay(c.saidOn) ?? "",
                  saidPrecision: c.saidPrecision ?? "",
                  saidText: c.saidText ?? "",
                  note: c.note ?? "",
                  chain: c.chain.map((l) => ({ actorName: l.actor.name, actorKind: l.actor.kind, relation: l.relation ?? "" })),
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="mt-5 border-t border-border pt-4">
          <AddCitation claim={version} />
        </div>
      ) : null}
    </Card>
  );
}

/** What one citation counts as towards "two independent origins", in words. */
function originText(role: OriginRole, name: (actorId: string) => string): string {
  if (role.counts) return `Counts as the origin ${name(role.origin)}.`;
  switch (role.why) {
    case "not-supporting":
      return "Not counted as an origin: it does not support the claim.";
    case "no-chain":
      return "Not counted as an origin: its chain names no one.";
    case "same-origin":
      return `Not counted again: ${name(role.origin!)} is already counted from another source.`;
    case "same-source":
      return `Not counted: its source already counts for another origin, and a source counts once.`;
  }
}
