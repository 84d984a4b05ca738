import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ClaimFilterBar } from "@/components/claims/claim-filters";
import { claimValueText } from "@/components/claims/claim-value";
import { ClaimsDownloadMenu } from "@/components/exports/claims-download-menu";
import { ClaimRows } from "@/components/claims/claim-rows";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, TableHeader } from "@/components/ui/table";
import { KIND_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { FILTER_KEYS, claimsHref, readClaimFilters, type ClaimFilters } from "@/lib/schemas/claim-filters";
import { AddToSheetForm } from "@/components/fact-sheets/add-to-sheet-form";
import { MAX_BULK_ADD } from "@/lib/schemas/factsheet";
import { countClaims, filterNames, listClaims } from "@/lib/server/claims";
import { recentSheets } from "@/lib/server/fact-sheets";
import { requireUser } from "@/lib/server/session";
import { listTags } from "@/lib/server/tags";
import { listAssignees } from "@/lib/server/users";
import { NextPage } from "@/components/ui/next-page";

export const metadata: Metadata = { title: "Claims" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Saved views one click away; each is just a set of filters. */
const VIEWS: { label: string; filters: Partial<ClaimFilters> }[] = [
  { label: "All claims", filters: {} },
  { label: "My claims", filters: { assignee: "me" } },
  { label: "Unassigned", filters: { assignee: "none" } },
  { label: "Waiting for review", filters: { review: "waiting" } },
  { label: "Ready to verify", filters: { review: "approved" } },
  { label: "Sent back", filters: { review: "sent-back" } },
  { label: "Open conflicts", filters: { conflict: "open" } },
];

const sameView = (a: Partial<ClaimFilters>, b: Partial<ClaimFilters>) => FILTER_KEYS.every((k) => (a[k] ?? "") === (b[k] ?? ""));

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const filters = readClaimFilters(await searchParams);
  const assigneeId = filters.assignee && filters.assignee !== "me" && filters.assignee !== "none" ? filters.assignee : undefined;
  const canAddToSheet = can(user.role, "factsheets:write");
  const [page, total, tags, assignees, names, sheets] = await Promise.all([
    listClaims(user, filters),
    countClaims(user, filters),
    listTags(user),
    listAssignees(user),
    filterNames(user, { metric: filters.metric, source: filters.source, assignee: assigneeId }),
    canAddToSheet ? recentSheets(user) : [],
  ]);
  const filtered = FILTER_KEYS.some((k) => filters[k] !== undefined);
  const countText = `${total.count.toLocaleString("en-GB")}${total.capped ? "+" : ""} ${total.count === 1 && !total.capped ? "claim" : "claims"}`;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Claims</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Every checkable statement from the reporting. Press <kbd className="rounded border border-border bg-muted px-1 font-mono text-xs">/</kbd> to search,{" "}
            <kbd className="rounded border border-border bg-muted px-1 font-mono text-xs">j</kbd> and <kbd className="rounded border border-border bg-muted px-1 font-mono text-xs">k</kbd> to move.
          </p>
        </div>
        {can(user.role, "claims:write") ? (
          <Link href="/claims/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New claim
          </Link>
        ) : null}
      </div>

      <nav aria-label="Views">
        <ul className="flex flex-wrap gap-2 text-sm">
          {VIEWS.map((v) => {
            const current = sameView(filters, v.filters);
            return (
              <li key={v.label}>
                <Link
                  href={claimsHref({ sort: filters.sort }, v.filters)}
                  aria-current={current ? "page" : undefined}
                  className={
                    current
                      ? "inline-block rounded-full bg-primary px-3 py-1 font-medium text-primary-foreground"
                      : "inline-block rounded-full border border-border bg-card px-3 py-1 font-medium hover:bg-muted"
                  }
                >
                  {v.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ClaimFilterBar filters={filters} tags={tags} assignees={assignees} names={names} />

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p role="status" className="font-medium">
          {countText}
          {filtered ? " match" : ""}
          {filtered ? (
            <>
              {" · "}
              <Link href={claimsHref({ sort: filters.sort })} className="font-normal underline">
                Clear filters
              </Link>
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {filters.cursor ? (
            <Link href={claimsHref(filters)} className="underline">
              Back to the first page
            </Link>
          ) : null}
          {total.count > 0 ? <ClaimsDownloadMenu filters={filters} /> : null}
        </div>
      </div>

      {canAddToSheet && total.count > 0 ? (
        <AddToSheetForm
          count={total.count}
          cap={MAX_BULK_ADD}
          sheets={sheets}
          filters={Object.fromEntries(Object.entries({ ...filters, cursor: undefined, limit: undefined }).filter(([, v]) => v !== undefined))}
        />
      ) : null}

      {page.items.length === 0 ? (
        <EmptyState
          title={filtered ? "No claim matches this view." : "No claims yet."}
          action={filtered ? { href: claimsHref({ sort: filters.sort }), label: "Show all claims" } : can(user.role, "claims:write") ? { href: "/claims/new", label: "Record a claim" } : undefined}
        >
          {filtered ? "Try fewer filters or other words." : can(user.role, "claims:write") ? "Record the first claim from your reporting." : "Editors have not recorded any claim yet."}
        </EmptyState>
      ) : (
        <Table caption="Claims with their status, kind, assignee and number of sources">
          <TableHead>
            <TableHeader>Claim</TableHeader>
            <TableHeader>Kind</TableHeader>
            <TableHeader>Status</TableHeader>
            <TableHeader>Assignee</TableHeader>
            <TableHeader numeric>Sources</TableHeader>
          </TableHead>
          <TableBody>
            <ClaimRows
              rows={page.items.map((claim) => ({
                id: claim.id,
                statement: claim.statement,
                value: claimValueText(claim),
                metric: claim.metric?.name ?? null,
                kind: KIND_LABELS[claim.kind],
                status: claim.status,
                reviewState: claim.reviewState,
                hasOpenConflict: claim.hasOpenConflict,
                assignee: claim.assignee?.name ?? null,
                sourceCount: claim.sourceCount,
              }))}
            />
          </TableBody>
        </Table>
      )}
      <NextPage href={page.nextCursor ? claimsHref(filters, { cursor: page.nextCursor }) : null} label="Next page" />
    </div>
  );
}
