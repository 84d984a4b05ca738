"use client";
import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/claims/status-badge";
import type { ClaimStatus } from "@/lib/labels";
import type { ReviewState } from "@/lib/review-state";

/** A dashboard queue's claim as plain data; `assignee` only where the queue shows it. */
export interface QueuedClaim {
  id: string;
  statement: string;
  status: ClaimStatus;
  reviewState: ReviewState | null;
  assignee?: string;
}

/**
 * One of the dashboard's claim queues. A client component fed plain rows, like the claims list's
 * (components/claims/claim-rows.tsx), so the page sends each claim's text once, not a tree of its markup.
 */
export function QueuedClaims(props: { claims: QueuedClaim[]; empty: string }) {
  if (!props.claims.length) return <p className="text-sm text-muted-foreground">{props.empty}</p>;
  return (
    <ul className="divide-y divide-border text-sm">
      {props.claims.map((c) => (
        <li key={c.id} className="flex flex-col gap-1 py-2 first:pt-0 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
          <Link href={`/claims/${c.id}`} className="font-medium underline-offset-2 hover:underline">
            {c.statement}
          </Link>
          <span className="flex shrink-0 flex-wrap items-center gap-2">
            {c.assignee !== undefined ? <span className="text-muted-foreground">{c.assignee}</span> : null}
            <StatusBadge status={c.status} review={c.reviewState} />
          </span>
        </li>
      ))}
    </ul>
  );
}
