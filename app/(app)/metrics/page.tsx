import type { Metadata } from "next";
import Link from "next/link";
import { NameSearch } from "@/components/ui/name-search";
import { namePageQuerySchema } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { listMetrics } from "@/lib/server/metrics";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Metrics" };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const parsed = namePageQuerySchema.safeParse(params);
  const query = parsed.success ? parsed.data : { limit: 50, q: undefined, cursor: undefined };
  const includeMerged = params.merged === "1";
  const page = await listMetrics(user, { ...query, includeMerged });
  const link = (extra: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries({ q: query.q, merged: includeMerged ? "1" : undefined, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return `/metrics${search.size ? `?${search}` : ""}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Metrics</h1>
          <p className="mt-1 text-sm text-muted-foreground">What is measured, with its scope: figures on one metric can be compared.</p>
        </div>
        {can(user.role, "metrics:write") ? (
          <Link href="/metrics/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New metric
          </Link>
        ) : null}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <NameSearch action="/metrics" label="Search metrics" query={query.q} keep={{ merged: includeMerged ? "1" : undefined }} />
        <Link href={link({ merged: includeMerged ? "" : "1", cursor: undefined })} className="text-sm underline">
          {includeMerged ? "Hide merged metrics" : "Show merged metrics too"}
        </Link>
      </div>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {query.q ? `No metric matches “${query.q}”.` : "No metrics yet."}
        </p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Metrics by name, with their unit and number of figures</caption>
            <thead className="hidden bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Metric</th>
                <th scope="col" className="px-4 py-3 font-semibold">Unit</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Figures</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {page.items.map((m) => (
                <tr key={m.id} className="flex flex-col gap-1 px-4 py-3 hover:bg-muted/60 md:table-row md:p-0">
                  <td className="md:px-4 md:py-3">
                    <Link href={`/metrics/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                      {m.name}
                    </Link>
                    {m.mergedInto ? <p className="mt-0.5 text-muted-foreground">Merged into {m.mergedInto.name}</p> : null}
                    {m.description ? <p className="mt-0.5 line-clamp-2 text-muted-foreground">{m.description}</p> : null}
                  </td>
                  <td className="text-muted-foreground md:px-4 md:py-3">
                    <span className="md:hidden">Unit: </span>
                    {m.unit}
                  </td>
                  <td className="text-muted-foreground md:px-4 md:py-3 md:text-right">
                    <span className="md:hidden">Figures: </span>
                    {m.claimCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? (
        <nav aria-label="Pagination" className="flex justify-end">
          <Link href={link({ cursor: page.nextCursor })} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
            More metrics →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
