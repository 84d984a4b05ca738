import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NextPage } from "@/components/ui/next-page";
import { NameSearch } from "@/components/ui/name-search";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
        <EmptyState
          title={query.q ? `No metric matches “${query.q}”.` : "No metrics yet."}
          action={query.q ? { href: "/metrics", label: "Show all metrics" } : can(user.role, "metrics:write") ? { href: "/metrics/new", label: "Create a metric" } : undefined}
        >
          {query.q ? "Try another word from the metric’s name." : "A metric names what is measured, so that figures from different sources can be compared."}
        </EmptyState>
      ) : (
        <Table caption="Metrics by name, with their unit and number of figures">
          <TableHead>
            <TableHeader>Metric</TableHeader>
            <TableHeader>Unit</TableHeader>
            <TableHeader numeric>Figures</TableHeader>
          </TableHead>
          <TableBody>
            {page.items.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link href={`/metrics/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                  {m.mergedInto ? <p className="mt-0.5 text-muted-foreground">Merged into {m.mergedInto.name}</p> : null}
                  {m.description ? <p className="mt-0.5 line-clamp-2 text-muted-foreground">{m.description}</p> : null}
                </TableCell>
                <TableCell muted label="Unit">
                  {m.unit}
                </TableCell>
                <TableCell muted numeric label="Figures">
                  {m.claimCount}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NextPage href={page.nextCursor ? link({ cursor: page.nextCursor }) : null} label="More metrics" />
    </div>
  );
}
