import { Link } from "@/components/ui/link";
import { claimValueText } from "@/components/claims/claim-value";
import { ConflictBadge } from "@/components/claims/conflict-badge";
import { StatusBadge } from "@/components/claims/status-badge";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { isRetracted } from "@/lib/status";
import { REVIEW_STATE_LABELS } from "@/lib/review-state";
import type { ClaimDetail } from "@/lib/server/claims";
import type { SessionUser } from "@/lib/server/authorize";

/** The top of a claim's page: status, what it says, its value, scope, speaker and tags. */
export function ClaimHeader({ claim, user, hasOpenConflict }: { claim: ClaimDetail; user: SessionUser; hasOpenConflict: boolean }) {
  const value = claimValueText(claim);
  // Where it stands with its reviewers, as lists and the dashboard say it (the stored review state).
  const review = claim.reviewState;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        {/* No wrapped line starts or ends with a dot: each dot sits inside one item with the words on both sides. */}
        <span className="flex items-center gap-2">
          <StatusBadge status={claim.status} review={review} />
          {review === "WAITING" ? <span>· {REVIEW_STATE_LABELS.WAITING}</span> : null}
        </span>
        {hasOpenConflict ? <ConflictBadge /> : null}
        <span>
          {KIND_LABELS[claim.kind]}
          {claim.assignee ? <>&nbsp;· Assigned to {claim.assignee.name}</> : null}
        </span>
        {can(user.role, "claims:write") && !isRetracted(claim) ? (
          <Link href={`/claims/${claim.id}/edit`} className="ml-auto rounded-md border border-border bg-card px-3 py-1.5 font-medium text-foreground hover:bg-muted">
            Edit claim
          </Link>
        ) : null}
      </div>
      <h1 className="font-serif text-2xl font-bold leading-snug sm:text-3xl">{claim.statement}</h1>
      {value ? <p className="text-lg">{value}</p> : null}
      {claim.periodText ? <p className="text-sm text-muted-foreground">Source’s wording of the time: “{claim.periodText}”</p> : null}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {claim.metric ? (
          <>
            <dt className="text-muted-foreground">Metric</dt>
            <dd>
              <Link href={`/metrics/${claim.metric.id}`} className="underline">
                {claim.metric.name}
              </Link>
            </dd>
          </>
        ) : null}
        {claim.event ? (
          <>
            <dt className="text-muted-foreground">Event</dt>
            <dd>
              <Link href={`/events/${claim.event.id}`} className="underline">
                {claim.event.name}
              </Link>
            </dd>
          </>
        ) : null}
        {claim.speaker ? (
          <>
            <dt className="text-muted-foreground">Speaker</dt>
            <dd>
              {claim.speaker.name}
              {claim.speaker.description ? <span className="text-muted-foreground">, {claim.speaker.description}</span> : null}
            </dd>
          </>
        ) : null}
        {claim.tags.length ? (
          <>
            <dt className="text-muted-foreground">Tags</dt>
            <dd>{claim.tags.map((t) => t.tag.name).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {claim.kind === "ATTRIBUTED_STATEMENT" ? (
        <p className="rounded-md border border-border bg-muted px-3 py-2 text-sm">
          Verifying this claim establishes that {claim.speaker?.name ?? "the speaker"} said it, not that what was said is true.
          {claim.contentClaim ? (
            <>
              {" "}What was said is tracked as its own claim:{" "}
              <Link href={`/claims/${claim.contentClaim.id}`} className="font-medium underline">
                {claim.contentClaim.statement}
              </Link>{" "}
              ({STATUS_LABELS[claim.contentClaim.status]}).
            </>
          ) : null}
        </p>
      ) : null}
      {claim.statementsOf.length ? (
        <p className="text-sm">
          Attributed statements asserting this:{" "}
          {claim.statementsOf.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? "; " : null}
              <Link href={`/claims/${s.id}`} className="underline">
                {s.statement}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}
