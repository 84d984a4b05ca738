import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { WatchNotice } from "@/components/fact-sheets/watch-notice";
import { EmptyState } from "@/components/ui/empty-state";
import { NextPage } from "@/components/ui/next-page";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { pageQuerySchema } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { watchSheets } from "@/lib/server/fact-sheet-watches";
import { listSheets } from "@/lib/server/fact-sheets";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/values";

export const metadata: Metadata = { title: "Fact sheets" };

export default async function FactSheetsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const parsed = pageQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 50, cursor: undefined };
  const [page, watches] = await Promise.all([listSheets(user, query), watchSheets(user, { limit: 10 })]);
  const flagged = new Set(watches.map((w) => w.sheetId));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Fact sheets</h1>
          <p className="mt-1 text-sm text-muted-foreground">Verified claims, published as numbered versions that never change, with public links.</p>
        </div>
        {can(user.role, "factsheets:write") ? (
          <Link href="/fact-sheets/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New fact sheet
          </Link>
        ) : null}
      </div>
      {watches.length ? (
        <section aria-label="Sheets that need a new version" className="space-y-2">
          {watches.map((w) => (
            <WatchNotice key={w.sheetId} watch={w} showTitle />
          ))}
        </section>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState title="No fact sheets yet." action={can(user.role, "factsheets:write") ? { href: "/fact-sheets/new", label: "Create a fact sheet" } : undefined}>
          A fact sheet gathers verified claims with their sources and publishes them as a version that never changes.
        </EmptyState>
      ) : (
        <Table caption="Fact sheets, most recently changed first">
          <TableHead>
            <TableHeader>Fact sheet</TableHeader>
            <TableHeader>Published</TableHeader>
            <TableHeader numeric>Claims</TableHeader>
            <TableHeader>Changed</TableHeader>
          </TableHead>
          <TableBody>
            {page.items.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <Link href={`/fact-sheets/${s.id}`} className="font-medium underline-offset-2 hover:underline">
                    {s.title}
                  </Link>
                  {flagged.has(s.id) ? <p className="mt-0.5 font-medium text-danger">Needs a new version</p> : null}
                </TableCell>
                <TableCell muted label="Published">
                  {s.latest ? `Version ${s.latest.number}, ${formatDate(s.latest.publishedAt)}` : "Draft"}
                </TableCell>
                <TableCell muted numeric label="Claims">
                  {s.claimCount}
                </TableCell>
                <TableCell muted label="Changed">
                  {formatDate(s.updatedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NextPage href={page.nextCursor ? `/fact-sheets?cursor=${page.nextCursor}` : null} label="More fact sheets" />
    </div>
  );
}
