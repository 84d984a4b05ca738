import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttributionChain } from "@/components/claims/attribution-chain";
import { claimValueText } from "@/components/claims/claim-value";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusChanger } from "@/components/claims/status-changer";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { independentOrigins } from "@/lib/independence";
import { can } from "@/lib/permissions";
import { KIND_LABELS, SOURCE_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/labels";
import { getClaim } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { allowedTransitions, checkVerification } from "@/lib/status";
import { formatDate } from "@/lib/values";

type Params = { params: Promise<{ id: string }> };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const metadata: Metadata = { title: "Claim" };

export default async function ClaimPage({ params }: Params) {
  const user = await requireUser();
  const { id } = await params;
  const claim = isUuid(id) ? await getClaim(user, id) : null;
  if (!claim) notFound();
  const value = claimValueText(claim);
  const origins = independentOrigins(claim.citations.filter((c) => c.stance === "SUPPORTS"));
  const readiness = checkVerification(claim.citations);
  const transitions = allowedTransitions(claim.status, user.role);

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/claims" className="text-muted-foreground hover:text-foreground">
          ← All claims
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <StatusBadge status={claim.status} />
          <span>{KIND_LABELS[claim.kind]}</span>
          {claim.assignee ? <span>· Assigned to {claim.assignee.name}</span> : null}
          {can(user.role, "claims:write") && claim.status !== "RETRACTED" ? (
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
          {claim.citations.map((c) => (
            <li key={c.id} className="space-y-2 border-t border-border pt-4 first:border-t-0 first:pt-0">
              <p className="text-sm">
                <span className="font-medium">{c.source.title}</span>
                <span className="text-muted-foreground">
                  {" "}
                  · {c.source.outlet ?? "Unknown outlet"} · {SOURCE_KIND_LABELS[c.source.kind]}
                  {c.source.publishedAt
                    ? ` · ${c.source.publishedApprox ? "about " : ""}${formatDate(c.source.publishedAt, c.source.publishedPrecision)}`
                    : " · date unknown"}
                </span>
              </p>
              <blockquote className="border-l-4 border-primary pl-4 font-serif text-base">“{c.quote}”</blockquote>
              <p className="text-sm">
                <span className="font-medium">{STANCE_LABELS[c.stance]}</span>
                {c.saidText ? <span className="text-muted-foreground"> · said “{c.saidText}”</span> : null}
                {c.note ? <span className="text-muted-foreground"> · {c.note}</span> : null}
              </p>
              <AttributionChain chain={c.chain} />
            </li>
          ))}
        </ul>
      </Card>

      {claim.annotations.length ? (
        <Card aria-labelledby="notes-heading">
          <h2 id="notes-heading" className="text-lg font-semibold">
            Notes
          </h2>
          <ul className="mt-3 space-y-3 text-sm">
            {claim.annotations.map((a) => (
              <li key={a.id}>
                <p>{a.body}</p>
                <p className="text-muted-foreground">{a.author.name}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card aria-labelledby="verification-heading">
        <h2 id="verification-heading" className="text-lg font-semibold">
          Verification
        </h2>
        {claim.status === "VERIFIED" && claim.verificationRule ? (
          <p className="mt-2 text-sm">
            Verified on the rule{" "}
            <span className="font-medium">
              {claim.verificationRule === "INDEPENDENT_ORIGINS" ? "two independent origins" : "one primary source with a justification"}
            </span>
            {claim.verificationNote ? <>: “{claim.verificationNote}”</> : "."}
          </p>
        ) : (
          <p className="mt-2 text-sm" data-testid="verification-readiness">
            {readiness.ok ? `Ready to verify: ${readiness.explanation}` : `Not yet verifiable: ${readiness.message}`}
          </p>
        )}
        <div className="mt-4 max-w-xl">
          {transitions.length ? (
            <StatusChanger claimId={claim.id} version={claim.version} options={transitions} />
          ) : (
            <p className="text-sm text-muted-foreground">
              {user.role === "REVIEWER"
                ? "Reviewers comment and approve; editors change a claim’s status."
                : "This claim’s status can no longer change."}
            </p>
          )}
        </div>
      </Card>

      <Card aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          Status history
        </h2>
        <ol className="mt-3 space-y-3 text-sm">
          {claim.statusChanges.map((s) => (
            <li key={s.id}>
              <p>
                {s.fromStatus ? `${STATUS_LABELS[s.fromStatus]} → ` : "Recorded as "}
                <span className="font-medium">{STATUS_LABELS[s.toStatus]}</span>
              </p>
              <p className="text-muted-foreground">
                {s.actor.name}, <time dateTime={s.createdAt.toISOString()}>{dateTime.format(s.createdAt)} UTC</time>: {s.reason}
              </p>
            </li>
          ))}
        </ol>
      </Card>
    </article>
  );
}
