import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";
import { NextPage } from "@/components/ui/next-page";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { CONFLICT_KIND_LABELS, CONFLICT_SEVERITY_LABELS, CONFLICT_STATUS_LABELS } from "@/lib/labels";
import { CONFLICT_KINDS, CONFLICT_SEVERITIES, CONFLICT_STATUSES, conflictListSchema } from "@/lib/schemas/conflict";
import { RescanPanel } from "@/components/conflicts/rescan-panel";
import { can } from "@/lib/permissions";
import { latestConflictScan, scanView } from "@/lib/server/conflict-scans";
import { countConflicts, listConflicts } from "@/lib/server/conflicts";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Conflicts" };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

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
        <ConflictList
          label={`${CONFLICT_STATUS_LABELS[query.status]} conflicts`}
          items={page.items.map((c) => ({
            id: c.id,
            status: c.status,
            severity: c.severity,
            kind: c.kind,
            found: date.format(c.createdAt),
            foundIso: c.createdAt.toISOString(),
            title: c.title,
            summary: c.summary,
            group: c.group ?? null,
            claims: c.claims.map(({ claim }) => ({ id: claim.id, statement: claim.statement, rank: claim.rank })),
          }))}
        />
      )}
      <NextPage href={page.nextCursor ? href({ cursor: page.nextCursor }) : null} label="More conflicts" />
    </div>
  );
}
