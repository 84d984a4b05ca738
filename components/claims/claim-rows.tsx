"use client";
import { Link } from "@/components/ui/link";
import { ConflictBadge } from "@/components/claims/conflict-badge";
import { StatusBadge } from "@/components/claims/status-badge";
import { TableCell, TableRow } from "@/components/ui/table";
import type { ClaimStatus } from "@/lib/labels";
import type { ReviewState } from "@/lib/review-state";

/** One claims-list row as plain text, worked out on the server. */
export interface ClaimRowData {
  id: string;
  statement: string;
  value: string | null;
  metric: string | null;
  kind: string;
  status: ClaimStatus;
  reviewState: ReviewState | null;
  hasOpenConflict: boolean;
  assignee: string | null;
  sourceCount: number;
}

/**
 * The claims list's rows. A client component fed plain rows: the page sends each row's text once,
 * rather than a server-rendered tree of every cell (the flight payload repeated each cell's classes).
 */
export function ClaimRows({ rows }: { rows: ClaimRowData[] }) {
  return rows.map((claim) => (
    <TableRow key={claim.id} data-shortcut-row className="flex-row flex-wrap items-center gap-x-4 data-selected:bg-muted data-selected:shadow-[inset_4px_0_0_var(--primary)]">
      <TableCell className="w-full md:w-auto">
        <Link href={`/claims/${claim.id}`} className="font-medium text-foreground underline-offset-2 hover:underline">
          {claim.statement}
        </Link>
        {claim.value ? <p className="mt-0.5 text-muted-foreground">{claim.value}</p> : null}
        {claim.metric ? (
          <p className="mt-0.5 text-xs text-muted-foreground">
            <span className="sr-only">Metric: </span>
            {claim.metric}
          </p>
        ) : null}
      </TableCell>
      <TableCell muted>{claim.kind}</TableCell>
      <TableCell>
        <span className="flex flex-wrap gap-1">
          <StatusBadge status={claim.status} review={claim.reviewState} />
          {claim.hasOpenConflict ? <ConflictBadge /> : null}
        </span>
      </TableCell>
      <TableCell muted label="Assignee">
        {claim.assignee ?? "Unassigned"}
      </TableCell>
      <TableCell muted numeric label="Sources">
        {claim.sourceCount}
      </TableCell>
    </TableRow>
  ));
}
