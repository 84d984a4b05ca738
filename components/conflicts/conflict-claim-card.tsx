import { Link } from "@/components/ui/link";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { claimValueText } from "@/components/claims/claim-value";
import { StatusBadge } from "@/components/claims/status-badge";
import type { ReviewState } from "@/lib/review-state";
import { RankBadge } from "@/components/conflicts/badges";
import { Card } from "@/components/ui/card";
import type { getConflict } from "@/lib/server/conflicts";
import { formatDate, formatPublished } from "@/lib/values";

type ConflictClaim = NonNullable<Awaited<ReturnType<typeof getConflict>>>["claims"][number]["claim"];

/** One claim of a conflict, side by side with the others: its value, scope and numbered sources. */
export function ConflictClaimCard({ claim: c, index: i, citationNumber, review }: { claim: ConflictClaim; index: number; citationNumber: ReadonlyMap<string, number>; review?: ReviewState | null }) {
  const value = claimValueText(c);
  return (
    <Card aria-labelledby={`claim-${c.id}`} className="h-full">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">Claim {i + 1}</span>
        <StatusBadge status={c.status} review={review} />
        <RankBadge rank={c.rank} />
      </div>
      <h3 id={`claim-${c.id}`} className="mt-2 font-serif text-lg font-semibold leading-snug">
        <Link href={`/claims/${c.id}`} className="underline-offset-2 hover:underline">
          {c.statement}
        </Link>
      </h3>
      {value ? <p className="mt-1 text-xl font-semibold tabular-nums">{value}</p> : null}
      {c.periodText ? <p className="text-sm text-muted-foreground">Source’s wording of the time: “{c.periodText}”</p> : null}
      <p className="mt-1 text-sm text-muted-foreground">
        {c.metric ? (
          <>
            Metric:{" "}
            <Link href={`/metrics/${c.metric.id}`} className="underline">
              {c.metric.name}
            </Link>
          </>
        ) : c.event ? (
          <>
            Event:{" "}
            <Link href={`/events/${c.event.id}`} className="underline">
              {c.event.name}
            </Link>
          </>
        ) : c.speaker ? (
          <>Speaker: {c.speaker.name}</>
        ) : null}
      </p>
      <h4 className="mt-3 text-sm font-semibold">Sources ({c.citations.length})</h4>
      {c.citations.length === 0 ? <p className="text-sm text-muted-foreground">No source cited yet.</p> : null}
      <ul className="mt-2 space-y-3">
        {c.citations.map((cit) => (
          <li key={cit.id} className="space-y-1.5 border-l-2 border-border pl-3 text-sm">
            <p>
              <span className="font-semibold">Citation {citationNumber.get(cit.id)}.</span>{" "}
              <Link href={`/sources/${cit.source.id}`} className="font-medium underline">
                {cit.source.title}
              </Link>
              {cit.source.outlet ? <span className="text-muted-foreground">, {cit.source.outlet}</span> : null}
              {cit.source.publishedAt ? (
                <span className="text-muted-foreground">
                  , {formatPublished(cit.source)}
                </span>
              ) : null}
            </p>
            <blockquote className="italic">“{cit.quote}”</blockquote>
            {cit.saidText || cit.saidOn ? (
              <p className="text-muted-foreground">
                Dates the statement: {cit.saidText ? `“${cit.saidText}”` : null}
                {cit.saidOn ? ` (${formatDate(cit.saidOn, cit.saidPrecision)})` : null}
              </p>
            ) : null}
            <AttributionChain chain={cit.chain} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
