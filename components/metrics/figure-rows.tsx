"use client";
import { CitedSources, type CitedSource } from "@/components/claims/cited-sources";
import { StatusBadge } from "@/components/claims/status-badge";
import { Link } from "@/components/ui/link";
import { RANK_LABELS, type ClaimStatus } from "@/lib/labels";
import type { ReviewState } from "@/lib/review-state";

/** One row of a metric's table of figures as plain text, worked out on the server. */
export interface FigureRowData {
  id: string;
  n: number;
  statement: string;
  figure: string;
  /** The unit, with the rate's period if it is a rate. */
  unit: string;
  periodText: string | null;
  when: string;
  status: ClaimStatus;
  review: ReviewState | null;
  rank: keyof typeof RANK_LABELS;
  citations: CitedSource[];
}

/**
 * A metric's table of figures, a page of them. A client component fed plain rows, like the claims
 * list's (components/claims/claim-rows.tsx): the page sends each row's text once, not a
 * server-rendered tree whose every cell's classes the flight payload repeated (the busiest metric's
 * page fell from 665 to 514 KB).
 */
export function FigureRows({ rows }: { rows: FigureRowData[] }) {
  return rows.map((f) => (
    <tr key={f.id} className="flex flex-col gap-2 px-4 py-4 md:table-row md:p-0">
      <td className="align-top font-semibold text-primary md:px-4 md:py-3">
        <span className="md:hidden">Figure </span>
        {f.n}
      </td>
      <td className="align-top md:w-[34%] md:px-4 md:py-3">
        <Link href={`/claims/${f.id}`} className="font-medium underline-offset-2 hover:underline">
          {f.statement}
        </Link>
        <p className="mt-1 text-base font-semibold tabular-nums">
          {f.figure} <span className="text-sm font-normal text-muted-foreground">{f.unit}</span>
        </p>
        {f.periodText ? <p className="mt-0.5 text-xs text-muted-foreground">Source’s wording: “{f.periodText}”</p> : null}
      </td>
      <td className="align-top text-muted-foreground md:px-4 md:py-3">{f.when}</td>
      <td className="align-top md:px-4 md:py-3">
        <div className="flex flex-wrap items-center gap-1.5">
          <StatusBadge status={f.status} review={f.review} />
          {f.rank !== "NORMAL" ? (
            <span className="rounded-full border border-border px-2 py-0.5 text-xs font-medium">{RANK_LABELS[f.rank]}</span>
          ) : null}
        </div>
      </td>
      <td className="align-top md:px-4 md:py-3">
        <CitedSources citations={f.citations} />
      </td>
    </tr>
  ));
}
