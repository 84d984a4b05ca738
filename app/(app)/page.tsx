import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/claims/status-badge";
import { QueuedClaims } from "@/components/dashboard/claim-list";
import { StatusMixChart } from "@/components/dashboard/status-mix-chart";
import { VerifiedChart } from "@/components/dashboard/verified-chart";
import { Card } from "@/components/ui/card";
import { CONFLICT_ACTION_LABELS, STATUS_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import type { ReviewState } from "@/lib/review-state";
import { claimsHref } from "@/lib/schemas/claim-filters";
import { DASHBOARD_QUEUES, getDashboard, type DashboardActivity } from "@/lib/server/dashboard";
import { WatchNotice } from "@/components/fact-sheets/watch-notice";
import { watchSheets } from "@/lib/server/fact-sheet-watches";
import { requireUser } from "@/lib/server/session";
import { CLAIM_STATUSES } from "@/lib/status";
import { Timestamp } from "@/components/ui/timestamp";
import { excerpt } from "@/lib/values";

export const metadata: Metadata = { title: "Dashboard" };


function Section(props: { id: string; title: string; count?: { count: number; capped: boolean }; more?: { href: string; label: string }; children: ReactNode }) {
  return (
    <Card aria-labelledby={props.id} className="flex flex-col">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={props.id} className="text-lg font-semibold">
          {props.title}
          {props.count ? " " : null}
          {props.count ? (
            <span className="ml-2 rounded-full bg-muted px-2 py-0.5 align-middle text-sm font-semibold tabular-nums">
              {props.count.count.toLocaleString("en-GB")}
              {props.count.capped ? "+" : ""}
            </span>
          ) : null}
        </h2>
        {props.more ? (
          <Link href={props.more.href} className="text-sm underline">
            {props.more.label}
          </Link>
        ) : null}
      </div>
      <div className="mt-3 flex-1">{props.children}</div>
    </Card>
  );
}

type ListedClaim = { id: string; statement: string; status: keyof typeof STATUS_LABELS; reviewState?: ReviewState | null; assignee?: { name: string } | null };

/** A queue's claims as the client list takes them: text only, the assignee where the queue shows it. */
function ClaimList(props: { claims: ListedClaim[]; empty: string; showAssignee?: boolean }) {
  const claims = props.claims.map((c) => ({
    id: c.id,
    statement: c.statement,
    status: c.status,
    reviewState: c.reviewState ?? null,
    ...(props.showAssignee ? { assignee: c.assignee?.name ?? "Unassigned" } : {}),
  }));
  return <QueuedClaims claims={claims} empty={props.empty} />;
}

function ActivityLine({ a }: { a: DashboardActivity }) {
  const claimLink = "claim" in a ? (
    <Link href={`/claims/${a.claim.id}`} className="underline">
      {a.claim.statement}
    </Link>
  ) : null;
  if (a.type === "status") {
    return (
      <>
        {a.from ? `moved from ${STATUS_LABELS[a.from]} to ` : "recorded as "}
        <span className="font-medium">{STATUS_LABELS[a.to]}</span> {claimLink}
      </>
    );
  }
  if (a.type === "review") {
    return (
      <>
        <span className="font-medium">{a.decision === "APPROVE" ? "approved" : "sent back"}</span> {claimLink}
      </>
    );
  }
  if (a.type === "decision") {
    return (
      <>
        decided a conflict (<span className="font-medium">{CONFLICT_ACTION_LABELS[a.action].toLowerCase()}</span>):{" "}
        <Link href={`/conflicts/${a.conflict.id}`} className="underline">
          {a.conflict.title}
        </Link>
      </>
    );
  }
  return <>commented on {claimLink}</>;
}

export default async function DashboardPage() {
  const user = await requireUser();
  const [d, watches] = await Promise.all([getDashboard(user), watchSheets(user, { limit: 5 })]);
  const reviewer = can(user.role, "claims:review");

  const waiting = (
    <Section key="waiting" id="waiting-heading" title="Waiting for review" count={d.waiting} more={{ href: claimsHref({}, DASHBOARD_QUEUES.waiting), label: "The whole queue" }}>
      <ClaimList claims={d.waiting.items} showAssignee empty={reviewer ? "Your queue is empty: every claim in review has been reviewed as it stands." : "Nothing is waiting for a reviewer."} />
    </Section>
  );
  const ready = (
    <Section key="ready" id="ready-heading" title="Ready to verify" count={d.ready} more={{ href: claimsHref({}, DASHBOARD_QUEUES.ready), label: "All approved" }}>
      <ClaimList claims={d.ready.items} showAssignee empty="No claim is approved and waiting to be verified." />
    </Section>
  );
  const sentBack = (
    <Section key="sent-back" id="sent-back-heading" title="Sent back to me" count={d.sentBack} more={{ href: claimsHref({}, DASHBOARD_QUEUES.sentBack), label: "All sent back to me" }}>
      <ClaimList claims={d.sentBack.items} empty="No reviewer has sent back a claim assigned to you." />
    </Section>
  );
  const mine = (
    <Section key="mine" id="mine-heading" title="My assignments" count={d.mine} more={{ href: claimsHref({}, DASHBOARD_QUEUES.mine), label: "All my claims" }}>
      <ClaimList claims={d.mine.items} empty="No claim is assigned to you. Pick one from the unassigned claims." />
    </Section>
  );
  const conflicts = (
    <Section key="conflicts" id="conflicts-heading" title="Open conflicts" count={{ count: d.openConflicts, capped: false }} more={{ href: "/conflicts", label: "All open conflicts" }}>
      {d.conflicts.length ? (
        <ul className="divide-y divide-border text-sm">
          {d.conflicts.map((c) => (
            <li key={c.id} className="py-2 first:pt-0">
              <Link href={`/conflicts/${c.id}`} className="font-medium underline-offset-2 hover:underline">
                {c.title}
              </Link>
              <p className="mt-0.5 text-muted-foreground">{c.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No open conflicts.</p>
      )}
    </Section>
  );
  // What needs the reader first: a reviewer's queue, an editor's approved and sent-back claims.
  const needs = reviewer ? [waiting, conflicts] : [ready, sentBack, mine, waiting, conflicts];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {d.total.toLocaleString("en-GB")} claims on the desk. Signed in as {user.name}.
        </p>
      </div>

      {watches.length ? (
        <section aria-labelledby="watches-heading" className="space-y-2">
          <h2 id="watches-heading" className="text-lg font-semibold">
            Fact sheets that need a new version
          </h2>
          {watches.map((w) => (
            <WatchNotice key={w.sheetId} watch={w} showTitle />
          ))}
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">{needs}</div>

      <Section id="activity-heading" title="Recent activity">
        {d.activity.length ? (
          <ol className="divide-y divide-border text-sm">
            {d.activity.map((a) => (
              <li key={`${a.type}-${a.id}`} className="py-2 first:pt-0">
                <p>
                  <span className="font-medium">{a.who}</span> <ActivityLine a={a} />
                </p>
                <p className="text-muted-foreground">
                  <Timestamp at={a.at} />
                  {a.text ? <> · “{excerpt(a.text, 141)}”</> : null}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">No activity yet.</p>
        )}
      </Section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="mb-3 text-lg font-semibold">
          Claims by status
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
          {CLAIM_STATUSES.map((s) => (
            <li key={s}>
              <Link href={claimsHref({}, { status: s })} className="block rounded-lg border border-border bg-card p-3 hover:bg-muted">
                <span className="block text-2xl font-bold tabular-nums">{d.counts[s].toLocaleString("en-GB")}</span>
                <StatusBadge status={s} />
              </Link>
            </li>
          ))}
          <li>
            <Link href="/conflicts" className="block rounded-lg border border-border bg-card p-3 hover:bg-muted">
              <span className="block text-2xl font-bold tabular-nums">{d.openConflicts.toLocaleString("en-GB")}</span>
              <span className="text-xs font-semibold">Open conflicts</span>
            </Link>
          </li>
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="verified-heading" title="Claims verified over time" more={{ href: claimsHref({}, { status: "VERIFIED" }), label: "All verified" }}>
          <VerifiedChart weeks={d.verifiedByWeek} />
        </Section>
        <Section id="mix-heading" title="Status mix">
          <StatusMixChart counts={d.counts} order={CLAIM_STATUSES} />
        </Section>
      </div>
    </div>
  );
}
