import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/claims/status-badge";
import { StatusMixChart } from "@/components/dashboard/status-mix-chart";
import { VerifiedChart } from "@/components/dashboard/verified-chart";
import { Card } from "@/components/ui/card";
import { STATUS_LABELS } from "@/lib/labels";
import { claimsHref } from "@/lib/schemas/claim-filters";
import { WatchNotice } from "@/components/fact-sheets/watch-notice";
import { getDashboard } from "@/lib/server/dashboard";
import { watchSheets } from "@/lib/server/fact-sheet-watches";
import { requireUser } from "@/lib/server/session";
import { CLAIM_STATUSES } from "@/lib/status";

export const metadata: Metadata = { title: "Dashboard" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Section(props: { id: string; title: string; more?: { href: string; label: string }; children: ReactNode }) {
  return (
    <Card aria-labelledby={props.id} className="flex flex-col">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={props.id} className="text-lg font-semibold">
          {props.title}
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

function ClaimList(props: { claims: { id: string; statement: string; status: keyof typeof STATUS_LABELS; assignee?: { name: string } | null }[]; empty: string }) {
  if (!props.claims.length) return <p className="text-sm text-muted-foreground">{props.empty}</p>;
  return (
    <ul className="divide-y divide-border text-sm">
      {props.claims.map((c) => (
        <li key={c.id} className="flex flex-col gap-1 py-2 first:pt-0 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
          <Link href={`/claims/${c.id}`} className="font-medium underline-offset-2 hover:underline">
            {c.statement}
          </Link>
          <span className="flex shrink-0 items-center gap-2">
            {c.assignee !== undefined ? <span className="text-muted-foreground">{c.assignee?.name ?? "Unassigned"}</span> : null}
            <StatusBadge status={c.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const [d, watches] = await Promise.all([getDashboard(user), watchSheets(user, { limit: 5 })]);

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

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className="sr-only">
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

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="waiting-heading" title="Waiting for review" more={{ href: claimsHref({}, { status: "IN_REVIEW" }), label: "All in review" }}>
          <ClaimList claims={d.waiting} empty="Nothing is waiting for review." />
        </Section>
        <Section id="mine-heading" title="My assignments" more={{ href: claimsHref({}, { assignee: "me" }), label: "All my claims" }}>
          <ClaimList claims={d.mine} empty="No claim is assigned to you. Pick one from the unassigned claims." />
        </Section>
        <Section id="conflicts-heading" title="Open conflicts" more={{ href: "/conflicts", label: "All open conflicts" }}>
          {d.conflicts.length ? (
            <ul className="divide-y divide-border text-sm">
              {d.conflicts.map((c) => (
                <li key={c.id} className="py-2 first:pt-0">
                  <Link href={`/conflicts/${c.id}`} className="font-medium underline-offset-2 hover:underline">
                    {c.summary}
                  </Link>
                  <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                    {c.claims.map(({ claim }) => (
                      <li key={claim.id}>
                        <Link href={`/claims/${claim.id}`} className="underline">
                          {claim.statement}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No open conflicts.</p>
          )}
        </Section>
        <Section id="activity-heading" title="Recent activity">
          {d.activity.length ? (
            <ol className="divide-y divide-border text-sm">
              {d.activity.map((a) => (
                <li key={`${a.type}-${a.id}`} className="py-2 first:pt-0">
                  <p>
                    <span className="font-medium">{a.who}</span>{" "}
                    {a.type === "status" ? (
                      <>
                        {a.from ? `moved from ${STATUS_LABELS[a.from]} to ` : "recorded as "}
                        <span className="font-medium">{STATUS_LABELS[a.to]}</span>
                      </>
                    ) : (
                      "commented on"
                    )}{" "}
                    <Link href={`/claims/${a.claim.id}`} className="underline">
                      {a.claim.statement}
                    </Link>
                  </p>
                  <p className="text-muted-foreground">
                    <time dateTime={a.at.toISOString()}>{dateTime.format(a.at)} UTC</time>
                    {a.text ? <> · “{a.text.length > 140 ? `${a.text.slice(0, 140)}…` : a.text}”</> : null}
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted-foreground">No activity yet.</p>
          )}
        </Section>
      </div>
    </div>
  );
}
