import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimNotes } from "@/components/annotations/claim-notes";
import { ClaimConflictsCard } from "@/components/conflicts/claim-conflicts";
import { CitationsCard } from "@/components/citations/citations-card";
import { claimValueText } from "@/components/claims/claim-value";
import { ConflictBadge } from "@/components/claims/conflict-badge";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusChanger } from "@/components/claims/status-changer";
import { AssignForm } from "@/components/claims/assign-form";
import { CommentForm, ResolveButton } from "@/components/claims/comment-form";
import { ReviewForm } from "@/components/claims/review-form";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/labels";
import { notesForClaim } from "@/lib/server/annotations";
import { getClaim } from "@/lib/server/claims";
import { conflictsOfClaim } from "@/lib/server/conflicts";
import { requireUser } from "@/lib/server/session";
import { listAssignees } from "@/lib/server/users";
import { allowedTransitions, checkApproval, checkVerification } from "@/lib/status";

type Params = { params: Promise<{ id: string }> };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const metadata: Metadata = { title: "Claim" };

export default async function ClaimPage({ params }: Params) {
  const user = await requireUser();
  const { id } = await params;
  const claim = isUuid(id) ? await getClaim(user, id) : null;
  if (!claim) notFound();
  const value = claimValueText(claim);
  const [notes, conflicts] = await Promise.all([notesForClaim(user, claim.id, claim.citations), conflictsOfClaim(user, claim.id)]);
  const readiness = checkVerification(claim.citations);
  const transitions = allowedTransitions(claim.status, user.role);
  const approval = checkApproval(
    claim.reviews.map((r) => ({ ...r, reviewerName: r.reviewer.name })),
    claim,
    user.id,
  );
  const openSofter = conflicts.filter((c) => c.status === "OPEN" && c.severity !== "CONTRADICTION").length;
  const openContradictions = conflicts.filter((c) => c.status === "OPEN" && c.severity === "CONTRADICTION").length;
  // A send-back cancels the approvals of its basis version given before it.
  const cancelledBefore = new Map<number, bigint>();
  for (const r of claim.reviews) if (r.decision === "SEND_BACK" && !cancelledBefore.has(r.basisVersion)) cancelledBefore.set(r.basisVersion, r.sequence);
  const people = can(user.role, "claims:assign") ? await listAssignees(user) : [];
  const threads = claim.comments.filter((c) => !c.parentId);
  const repliesTo = (id: string) => claim.comments.filter((c) => c.parentId === id);

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
          {conflicts.some((c) => c.status === "OPEN") ? <ConflictBadge /> : null}
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

      <Card aria-labelledby="assignment-heading">
        <h2 id="assignment-heading" className="text-lg font-semibold">
          Assignment
        </h2>
        <p className="mt-1 text-sm">{claim.assignee ? `Assigned to ${claim.assignee.name}.` : "No one is assigned to this claim."}</p>
        {people.length && claim.status !== "RETRACTED" ? (
          <div className="mt-3 max-w-xl">
            <AssignForm claimId={claim.id} version={claim.version} assigneeId={claim.assignee?.id ?? null} me={user.id} people={people} />
          </div>
        ) : null}
      </Card>

      <CitationsCard claim={claim} canWrite={can(user.role, "claims:write")} />

      <ClaimNotes claimId={claim.id} notes={notes} viewer={user} canWrite={can(user.role, "annotations:write")} />

      <ClaimConflictsCard claimId={claim.id} rank={claim.rank} conflicts={conflicts} canFlag={can(user.role, "conflicts:flag") && claim.status !== "RETRACTED"} />

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
          <>
            <p className="mt-2 text-sm" data-testid="verification-readiness">
              {readiness.ok ? `Evidence: ${readiness.explanation}` : `Not yet verifiable: ${readiness.message}`}
            </p>
            <p className="mt-1 text-sm" data-testid="approval-state">
              {approval.ok ? `Review: approved by ${approval.by} for the claim as it stands.` : `Review: ${approval.message}`}
            </p>
            {openSofter && !openContradictions ? (
              <p className="mt-1 text-sm" data-testid="conflict-acknowledge">
                Conflicts: {openSofter === 1 ? "an open tension or question needs" : `${openSofter} open tensions or questions need`} your written acknowledgement when you verify.{" "}
                <a href="#conflicts-heading" className="underline">
                  See its conflicts
                </a>
              </p>
            ) : null}
            {openContradictions ? (
              <p className="mt-1 text-sm font-medium" data-testid="conflict-block">
                Conflicts: this claim cannot be verified while a contradiction with other claims is open.{" "}
                <a href="#conflicts-heading" className="underline">
                  See its conflicts
                </a>
                .
              </p>
            ) : null}
          </>
        )}
        {claim.status === "IN_REVIEW" && can(user.role, "claims:review") ? (
          <div className="mt-4 max-w-xl">
            <h3 className="text-base font-semibold">Your review</h3>
            <p className="mb-2 text-sm text-muted-foreground">Approve the claim as it stands now, or send it back saying what must change.</p>
            <ReviewForm claimId={claim.id} version={claim.version} />
          </div>
        ) : null}
        {claim.reviews.length ? (
          <div className="mt-4">
            <h3 className="text-base font-semibold">Reviews</h3>
            <ul className="mt-2 space-y-2 text-sm">
              {claim.reviews.map((r) => (
                <li key={r.id}>
                  <span className="font-medium">{r.decision === "APPROVE" ? "Approved" : "Sent back"}</span> by {r.reviewer.name},{" "}
                  <time dateTime={r.createdAt.toISOString()}>{dateTime.format(r.createdAt)} UTC</time>
                  {r.basisVersion !== claim.basisVersion ? (
                    <span className="text-muted-foreground"> (before the claim last changed: no longer counts)</span>
                  ) : r.decision === "APPROVE" && (cancelledBefore.get(r.basisVersion) ?? -1n) > r.sequence ? (
                    <span className="text-muted-foreground"> (cancelled by a later send-back)</span>
                  ) : null}
                  {r.note ? <>: “{r.note}”</> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4 max-w-xl">
          {transitions.length ? (
            <StatusChanger claimId={claim.id} version={claim.version} options={transitions} acknowledge={openSofter > 0} />
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

      <Card aria-labelledby="discussion-heading">
        <h2 id="discussion-heading" className="text-lg font-semibold">
          Discussion ({threads.length})
        </h2>
        {threads.length === 0 ? <p className="mt-1 text-sm text-muted-foreground">No comments yet. Ask a question or leave a remark for the team.</p> : null}
        <ul className="mt-3 space-y-4">
          {threads.map((t) => (
            <li key={t.id} className="rounded-md border border-border p-3" aria-label={`Thread started by ${t.author.name}`}>
              <p className="text-sm text-muted-foreground">
                <span className="font-medium text-foreground">{t.author.name}</span>,{" "}
                <time dateTime={t.createdAt.toISOString()}>{dateTime.format(t.createdAt)} UTC</time>
                {t.resolvedAt ? <span className="font-medium"> · Resolved{t.resolvedBy ? ` by ${t.resolvedBy.name}` : ""}</span> : null}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-sm">{t.body}</p>
              {repliesTo(t.id).length ? (
                <ul className="mt-3 space-y-2 border-l-2 border-border pl-3">
                  {repliesTo(t.id).map((r) => (
                    <li key={r.id} className="text-sm">
                      <p className="text-muted-foreground">
                        <span className="font-medium text-foreground">{r.author.name}</span>,{" "}
                        <time dateTime={r.createdAt.toISOString()}>{dateTime.format(r.createdAt)} UTC</time>
                      </p>
                      <p className="whitespace-pre-wrap">{r.body}</p>
                    </li>
                  ))}
                </ul>
              ) : null}
              {can(user.role, "comments:write") ? (
                <div className="mt-3 space-y-2">
                  <ResolveButton claimId={claim.id} commentId={t.id} version={t.version} resolved={Boolean(t.resolvedAt)} />
                  {!t.resolvedAt ? (
                    <details className="group">
                      <summary className="inline-block cursor-pointer rounded-md px-2 py-1 text-sm font-medium hover:bg-muted">Reply to this thread</summary>
                      <div className="mt-2">
                        <CommentForm claimId={claim.id} parentId={t.id} formName={`Reply to ${t.author.name}`} label="Your reply" />
                      </div>
                    </details>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {can(user.role, "comments:write") ? (
          <div className="mt-4 max-w-xl">
            <CommentForm claimId={claim.id} formName="Add a comment" label="New comment" />
          </div>
        ) : null}
      </Card>
    </article>
  );
}
