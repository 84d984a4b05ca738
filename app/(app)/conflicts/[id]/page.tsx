import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { claimValueText } from "@/components/claims/claim-value";
import { ConflictKindLabel, ConflictSeverityBadge, ConflictStatusBadge } from "@/components/conflicts/badges";
import { ConflictClaimCard } from "@/components/conflicts/conflict-claim-card";
import { DecideConflictForm } from "@/components/conflicts/decide-form";
import { NumberLineChart } from "@/components/conflicts/number-line";
import { Card } from "@/components/ui/card";
import { numberLine } from "@/lib/conflicts/number-line";
import { splitScopeOf } from "@/lib/conflicts/split-scope";
import { isUuid } from "@/lib/ids";
import { CONFLICT_ACTION_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { getConflict } from "@/lib/server/conflicts";
import { reviewStatesOf } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Conflict" };

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
  const canSplit = claims.length > 1 ? splitScopeOf(claims) : null;

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
          <ConflictSeverityBadge severity={conflict.severity} />
          <ConflictKindLabel kind={conflict.kind} />
          <span className="text-sm text-muted-foreground">
            {conflict.createdBy ? `Flagged by ${conflict.createdBy.name}` : "Found automatically"},{" "}
            <Timestamp at={conflict.createdAt} />
          </span>
        </div>
        <h1 className="font-serif text-2xl font-bold leading-snug sm:text-3xl">{conflict.summary}</h1>
        {conflict.status === "OPEN" ? (
          <p className="text-sm">
            {conflict.severity === "CONTRADICTION"
              ? `While this contradiction is open, ${claims.length === 1 ? "its claim" : "its claims"} cannot be verified.`
              : `While this ${conflict.severity.toLowerCase()} is open, whoever verifies ${claims.length === 1 ? "its claim" : "one of its claims"} acknowledges it in writing.`}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="side-by-side-heading" className="space-y-3">
        <h2 id="side-by-side-heading" className="text-lg font-semibold">
          {claims.length === 1 ? "The claim and its sources" : "Side by side"}
        </h2>
        <ol className={claims.length > 1 ? "grid gap-4 lg:grid-cols-2" : "grid gap-4"}>
          {claims.map((c, i) => (
            <li key={c.id}>
              <ConflictClaimCard claim={c} index={i} citationNumber={citationNumber} review={reviews.get(c.id)} />
            </li>
          ))}
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
              <Timestamp at={d.createdAt} />: “{d.note}”
            </li>
          ))}
        </ol>
        {conflict.acknowledgements.length ? (
          <>
            <h3 className="mt-4 text-base font-semibold">Acknowledged when verifying</h3>
            <ol className="mt-2 space-y-2 text-sm">
              {conflict.acknowledgements.map((a) => (
                <li key={a.id}>
                  {labelOf(a.claimId)} verified by {a.actor.name}, <Timestamp at={a.createdAt} />, acknowledging
                  this {conflict.severity.toLowerCase()}: “{a.note}”
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Card>
    </article>
  );
}
