import { claimsExportHref } from "@/lib/exports/claims-list";
import type { ClaimFilters } from "@/lib/schemas/claim-filters";

/** "Download this view": every claim the current filters select (not only this page), as CSV or JSON. */
export function ClaimsDownloadMenu({ filters }: { filters: Partial<ClaimFilters> }) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-border bg-card px-3 py-1.5 font-medium hover:bg-muted [&::-webkit-details-marker]:hidden">
        Download this view <span aria-hidden="true">▾</span>
      </summary>
      <ul className="absolute right-0 z-10 mt-1 min-w-48 rounded-md border border-border bg-card p-1 shadow-md">
        <li>
          <a href={claimsExportHref(filters, "csv")} download className="block rounded px-3 py-1.5 hover:bg-muted">
            CSV (spreadsheets)
          </a>
        </li>
        <li>
          <a href={claimsExportHref(filters, "json")} download className="block rounded px-3 py-1.5 hover:bg-muted">
            JSON
          </a>
        </li>
      </ul>
    </details>
  );
}
