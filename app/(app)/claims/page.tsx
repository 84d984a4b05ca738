import type { Metadata } from "next";
import Link from "next/link";
import { claimValueText } from "@/components/claims/claim-value";
import { StatusBadge } from "@/components/claims/status-badge";
import { KIND_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { pageQuerySchema } from "@/lib/pagination";
import { listClaims } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const query = pageQuerySchema.safeParse(await searchParams);
  const page = await listClaims(user, query.success ? query.data : { limit: 50 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Claims</h1>
          <p className="mt-1 text-sm text-muted-foreground">Every checkable statement from the reporting, newest first.</p>
        </div>
        {can(user.role, "claims:write") ? (
          <Link href="/claims/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New claim
          </Link>
        ) : null}
      </div>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">No claims yet.</p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Claims with their status, kind and number of sources</caption>
            <thead className="hidden bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Claim</th>
                <th scope="col" className="px-4 py-3 font-semibold">Kind</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Sources</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {page.items.map((claim) => {
                const value = claimValueText(claim);
                return (
                  <tr key={claim.id} className="flex flex-col gap-1 px-4 py-3 hover:bg-muted/60 md:table-row md:p-0">
                    <td className="md:px-4 md:py-3">
                      <Link href={`/claims/${claim.id}`} className="font-medium text-foreground underline-offset-2 hover:underline">
                        {claim.statement}
                      </Link>
                      {value ? <p className="mt-0.5 text-muted-foreground">{value}</p> : null}
                    </td>
                    <td className="text-muted-foreground md:px-4 md:py-3">{KIND_LABELS[claim.kind]}</td>
                    <td className="md:px-4 md:py-3">
                      <StatusBadge status={claim.status} />
                    </td>
                    <td className="text-muted-foreground md:px-4 md:py-3 md:text-right">
                      <span className="md:hidden">Sources: </span>
                      {claim.sourceCount}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? (
        <nav aria-label="Pagination" className="flex justify-end">
          <Link href={`/claims?cursor=${page.nextCursor}`} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
            Older claims →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
