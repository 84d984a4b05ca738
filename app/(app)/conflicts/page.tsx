import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { NextPage } from "@/components/ui/next-page";
import { ConflictKindLabel, ConflictSeverityBadge, ConflictStatusBadge, RankBadge } from "@/components/conflicts/badges";
import { CONFLICT_KIND_LABELS, CONFLICT_SEVERITY_LABELS, CONFLICT_STATUS_LABELS } from "@/lib/labels";
import { CONFLICT_KINDS, CONFLICT_SEVERITIES, CONFLICT_STATUSES, conflictListSchema } from "@/lib/schemas/conflict";
import { RescanPanel } from "@/components/conflicts/rescan-panel";
import { can } from "@/lib/permissions";
import { latestConflictScan, scanView } from "@/lib/server/conflict-scans";
import { countConflicts, listConflicts, type ConflictListItem } from "@/lib/server/conflicts";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Conflicts" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Statement-date questions raised by the same sources, gathered where the first of them stands. */
function groupBySources(items: ConflictListItem[]) {
  const entries: { key: string; heading: string; items: ConflictListItem[] }[] = [];
  const byKey = new Map<string, (typeof entries)[number]>();
  for (const item of items) {
    const existing = item.group ? byKey.get(item.group.key) : undefined;
    if (existing) {
      existing.items.push(item);
      continue;
    }
    const entry = { key: item.group?.key ?? item.id, heading: item.group?.heading ?? "", items: [item] };
    entries.push(entry);
    if (item.group) byKey.set(item.group.key, entry);
  }
  return entries;
}

/** One conflict: what it is about and what each claim says first, then why, then the claims. */
function ConflictItem({ c, level }: { c: ConflictListItem; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <ConflictStatusBadge status={c.status} />
        <ConflictSeverityBadge severity={c.severity} />
        <ConflictKindLabel kind={c.kind} />
        <span className="ml-auto text-xs text-muted-foreground">
          Found <time dateTime={c.createdAt.toISOString()}>{date.format(c.createdAt)}</time>
        </span>
      </div>
      <Heading className="mt-2 text-base font-semibold">
        <Link href={`/conflicts/${c.id}`} className="underline-offset-2 hover:underline">
          {c.title}
        </Link>
      </Heading>
      <p className="mt-1 text-sm">{c.summary}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted-foreground">
        {c.claims.map(({ claim }) => (
          <li key={claim.id}>
            <Link href={`/claims/${claim.id}`} className="underline-offset-2 hover:underline">
              {claim.statement}
            </Link>{" "}
            <RankBadge rank={claim.rank} />
          </li>
        ))}
      </ul>
    </>
  );
}

export default async function ConflictsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const parsed = conflictListSchema.safeParse(params);
  const query = parsed.success ? parsed.data : conflictListSchema.parse({});
  const [page, counts, scan] = await Promise.all([listConflicts(user, query), countConflicts(user, query.kind, query.severity), latestConflictScan(user)]);
  const href = (extra: Record<string, string | undefined>) => {
    const all: Record<string, string | undefined> = { status: query.status, kind: query.kind, severity: query.severity, ...extra };
    const search = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => Boolean(e[1])));
    return `/conflicts${search.size ? `?${search}` : ""}`;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">Conflicts</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Claims that cannot all be true, found when a claim or citation is saved, or flagged by hand. An open contradiction blocks verification of its claims; an open tension or question needs the verifier’s written acknowledgement.
        </p>
      </div>
      <RescanPanel scan={scan ? scanView(scan) : null} canRun={can(user.role, "conflicts:resolve")} />
      {!parsed.success ? <p className="text-sm text-danger">{parsed.error.issues[0]?.message}</p> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <nav aria-label="Conflict status">
          <ul className="flex flex-wrap gap-1 rounded-lg border border-border bg-card p-1">
            {CONFLICT_STATUSES.map((s) => (
              <li key={s}>
                <Link
                  href={href({ status: s, cursor: undefined })}
                  aria-current={query.status === s ? "page" : undefined}
                  className="block rounded-md px-3 py-1.5 text-sm font-medium hover:bg-muted aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
                >
                  {CONFLICT_STATUS_LABELS[s]} <span className="tabular-nums">({counts[s].toLocaleString("en-GB")})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/conflicts" method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="status" value={query.status} />
          <div className="space-y-1">
            <label htmlFor="conflict-kind" className="block text-sm font-medium">
              Kind
            </label>
            <select id="conflict-kind" name="kind" defaultValue={query.kind ?? ""} className="h-10 rounded-md border border-border bg-card px-3 text-sm">
              <option value="">All kinds</option>
              {CONFLICT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CONFLICT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="conflict-severity" className="block text-sm font-medium">
              Severity
            </label>
            <select id="conflict-severity" name="severity" defaultValue={query.severity ?? ""} className="h-10 rounded-md border border-border bg-card px-3 text-sm">
              <option value="">All severities</option>
              {CONFLICT_SEVERITIES.map((k) => (
                <option key={k} value={k}>
                  {CONFLICT_SEVERITY_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="h-10 rounded-md border border-border bg-card px-4 text-sm font-medium hover:bg-muted">
            Show
          </button>
        </form>
      </div>

      {page.items.length === 0 ? (
        <EmptyState title={`No ${CONFLICT_STATUS_LABELS[query.status].toLowerCase()} conflicts${query.kind || query.severity ? " of this kind" : ""}.`}>
          {query.status === "OPEN"
            ? "Conflicts appear here when a saved claim contradicts another on the same metric or event. To flag one by hand, open a claim and use “Flag a conflict”."
            : "Decided conflicts appear here with the decision that settled them."}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={`${CONFLICT_STATUS_LABELS[query.status]} conflicts`}>
          {groupBySources(page.items).map((entry) =>
            entry.items.length === 1 ? (
              <li key={entry.items[0]!.id} className="rounded-lg border border-border bg-card p-4">
                <ConflictItem c={entry.items[0]!} level={2} />
              </li>
            ) : (
              <li key={entry.key} className="rounded-lg border border-border bg-card p-4">
                <h2 className="text-base font-semibold">
                  When were these said? {entry.items.length} statements dated differently by {entry.heading}
                </h2>
                <ul className="mt-3 space-y-4 border-l-2 border-border pl-4">
                  {entry.items.map((c) => (
                    <li key={c.id}>
                      <ConflictItem c={c} level={3} />
                    </li>
                  ))}
                </ul>
              </li>
            ),
          )}
        </ul>
      )}
      <NextPage href={page.nextCursor ? href({ cursor: page.nextCursor }) : null} label="More conflicts" />
    </div>
  );
}
