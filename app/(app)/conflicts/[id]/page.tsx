import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { claimValueText } from "@/components/claims/claim-value";
import { StatusBadge } from "@/components/claims/status-badge";
import { ConflictKindLabel, ConflictStatusBadge, RankBadge } from "@/components/conflicts/badges";
import { DecideConflictForm } from "@/components/conflicts/decide-form";
import { NumberLineChart } from "@/components/conflicts/number-line";
import { Card } from "@/components/ui/card";
import { numberLine } from "@/lib/conflicts/number-line";
import { isUuid } from "@/lib/ids";
import { CONFLICT_ACTION_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { getConflict } from "@/lib/server/conflicts";
import { reviewStatesOf } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/values";

export const metadata: Metadata = { title: "Conflict" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ConflictPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const conflict = isUuid(id) ? await getConflict(user, id) : null;
  if (!conflict) notFound();
  const claims = conflict.claims.map((l) => l.claim);
  const reviews = await reviewStatesOf(user, claims.map((c) => c.id));
  const citationNumber = new Map(claims.flatMap((c) => c.citations).map((c, i) => [c.id, i + 1]));
  const labelOf = (id: string) => (citationNumber.has(id) ? `Citation ${citationNumber.get(id)}` : `Claim ${claims.findIndex((c) => c.id === id) + 1}`);
  const detail = (conflict.detail ?? null) as Record<string, unknown> | null;
  const line = numberLine(conflict.kind, claims, detail, labelOf);
  const arithmetic = Array.isArray(detail?.arithmetic) ? (detail.arithmetic as string[]) : [];
  const statementDates = (conflict.kind === "STATEMENT_DATE" ? ((detail?.dates ?? []) as { citationId: string; label: string; how: string }[]) : []).toSorted(
    (a, b) => (citationNumber.get(a.citationId) ?? 0) - (citationNumber.get(b.citationId) ?? 0),
  );
  const first = claims[0];
  const canSplit =
    claims.length > 1 && claims.every((c) => c.kind === "QUANTITY" && c.metricId && c.metricId === first?.metricId)
      ? "metric"
      : claims.length > 1 && claims.every((c) => c.kind === "DATE" && c.eventId && c.eventId === first?.eventId)
        ? "event"
        : null;

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/conflicts?status=${conflict.status}`} className="text-muted-foreground hover:text-foreground">
          ← All conflicts
        </Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <ConflictStatusBadge status={conflict.status} />
          <ConflictKindLabel kind={conflict.kind} />
          <span className="text-sm text-muted-foreground">
            {conflict.createdBy ? `Flagged by ${conflict.createdBy.name}` : "Found automatically"},{" "}
            <time dateTime={conflict.createdAt.toISOString()}>{dateTime.format(conflict.createdAt)} UTC</time>
          </span>
        </div>
        <h1 className="font-serif text-2xl font-bold leading-snug sm:text-3xl">{conflict.summary}</h1>
        {conflict.status === "OPEN" ? (
          <p className="text-sm">
            While this conflict is open, {claims.length === 1 ? "its claim" : "its claims"} cannot be verified.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="side-by-side-heading" className="space-y-3">
        <h2 id="side-by-side-heading" className="text-lg font-semibold">
          {claims.length === 1 ? "The claim and its sources" : "Side by side"}
        </h2>
        <ol className={claims.length > 1 ? "grid gap-4 lg:grid-cols-2" : "grid gap-4"}>
          {claims.map((c, i) => {
            const value = claimValueText(c);
            return (
              <li key={c.id}>
                <Card aria-labelledby={`claim-${c.id}`} className="h-full">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-semibold">Claim {i + 1}</span>
                    <StatusBadge status={c.status} review={reviews.get(c.id)} />
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
                              , {cit.source.publishedApprox ? "about " : ""}
                              {formatDate(cit.source.publishedAt, cit.source.publishedPrecision)}
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
              </li>
            );
          })}
        </ol>
      </section>

      {line ? (
        <Card aria-labelledby="number-line-heading">
          <h2 id="number-line-heading" className="text-lg font-semibold">
            {line.axis === "date" ? "On a timeline" : "On a number line"}
          </h2>
          <div className="mt-3">
            <NumberLineChart
              line={line}
              caption={line.axis === "date" ? "Each bar is the stretch of days a date could be, at the precision it is known." : "Each bar is the range a figure allows; a dot is a single figure."}
            />
          </div>
        </Card>
      ) : null}

      {arithmetic.length ? (
        <Card aria-labelledby="arithmetic-heading">
          <h2 id="arithmetic-heading" className="text-lg font-semibold">
            The arithmetic
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm tabular-nums">
            {arithmetic.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </Card>
      ) : null}

      {statementDates.length ? (
        <Card aria-labelledby="dates-heading">
          <h2 id="dates-heading" className="text-lg font-semibold">
            How each source dates the statement
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {statementDates.map((d) => (
              <li key={d.citationId}>
                <span className="font-semibold">Citation {citationNumber.get(d.citationId) ?? "?"}:</span> {d.label}
                {d.how === "resolved" ? <span className="text-muted-foreground"> (worked out from the source’s publication date)</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card aria-labelledby="decision-heading">
        <h2 id="decision-heading" className="text-lg font-semibold">
          {conflict.status === "OPEN" ? "Resolve" : "Decision"}
        </h2>
        {conflict.status !== "OPEN" && conflict.decisions[0] ? (
          <p className="mt-1 text-sm" data-testid="decision-in-force">
            In force: {CONFLICT_ACTION_LABELS[conflict.decisions[0].action]}
            {conflict.decisions[0].preferredClaim ? ` (${labelOf(conflict.decisions[0].preferredClaim.id)} preferred)` : ""}: “{conflict.decisions[0].note}”
          </p>
        ) : null}
        {can(user.role, "conflicts:resolve") ? (
          <div className="mt-3 max-w-2xl">
            <DecideConflictForm
              key={conflict.version}
              conflictId={conflict.id}
              version={conflict.version}
              status={conflict.status}
              claims={claims.map((c, i) => ({ id: c.id, label: `Claim ${i + 1}: ${c.statement}${claimValueText(c) ? ` (${claimValueText(c)})` : ""}` }))}
              canSplit={canSplit}
            />
          </div>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">Editors resolve conflicts; reviewers can comment on the claims involved.</p>
        )}
      </Card>

      <Card aria-labelledby="record-heading">
        <h2 id="record-heading" className="text-lg font-semibold">
          The record
        </h2>
        {conflict.decisions.length === 0 ? <p className="mt-1 text-sm text-muted-foreground">No decision yet.</p> : null}
        <ol className="mt-2 space-y-2 text-sm">
          {conflict.decisions.map((d) => (
            <li key={d.id}>
              <span className="font-medium">{CONFLICT_ACTION_LABELS[d.action]}</span>
              {d.preferredClaim ? ` (${labelOf(d.preferredClaim.id)} preferred)` : ""} by {d.actor?.name ?? "Factdesk"},{" "}
              <time dateTime={d.createdAt.toISOString()}>{dateTime.format(d.createdAt)} UTC</time>: “{d.note}”
            </li>
          ))}
        </ol>
      </Card>
    </article>
  );
}
