import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SOURCE_KIND_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { pageQuerySchema } from "@/lib/pagination";
import { searchText } from "@/lib/search";
import { requireUser } from "@/lib/server/session";
import { listSources } from "@/lib/server/sources";
import { formatDate, formatPublished } from "@/lib/values";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const query = pageQuerySchema.safeParse(params);
  const q = searchText(params.q);
  const page = await listSources(user, { ...(query.success ? query.data : { limit: 50 }), q });
  const older = new URLSearchParams({ ...(q ? { q } : {}), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Sources</h1>
          <p className="mt-1 text-sm text-muted-foreground">Articles, broadcasts, statements and records the claims come from, latest published first.</p>
        </div>
        {can(user.role, "sources:write") ? (
          <Link href="/sources/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New source
          </Link>
        ) : null}
      </div>
      <form role="search" action="/sources" className="flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor="q" className="text-sm font-medium">
            Search sources by title or outlet
          </label>
          <Input id="q" name="q" type="search" defaultValue={q} placeholder="e.g. National Review" />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {q ? (
          <Link href="/sources" className="px-2 py-2 text-sm underline">
            Clear
          </Link>
        ) : null}
      </form>
      {page.items.length === 0 ? (
        <EmptyState
          title={q ? `No source’s title or outlet contains “${q}”.` : "No sources yet."}
          action={q ? { href: "/sources", label: "Show all sources" } : can(user.role, "sources:write") ? { href: "/sources/new", label: "Add a source" } : undefined}
        >
          {q ? "Try part of the title, or the outlet’s name." : "Sources are the articles, broadcasts and records claims are cited from."}
        </EmptyState>
      ) : (
        <Table caption={`${q ? `Sources matching “${q}”` : "Sources"}, with kind, publication date and number of citations`}>
          <TableHead>
            <TableHeader>Source</TableHeader>
            <TableHeader>Kind</TableHeader>
            <TableHeader>Published</TableHeader>
            <TableHeader numeric>Citations</TableHeader>
          </TableHead>
          <TableBody>
            {page.items.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  <Link href={`/sources/${s.id}`} className="font-medium text-foreground underline-offset-2 hover:underline">
                    {s.title}
                  </Link>
                  <p className="mt-0.5 text-muted-foreground">
                    {s.outlet ?? "Unknown outlet"}
                    {s.hasText ? " · text stored" : ""}
                  </p>
                </TableCell>
                <TableCell muted>{SOURCE_KIND_LABELS[s.kind]}</TableCell>
                <TableCell muted label="Published">
                  {s.publishedAt ? formatPublished(s) : "unknown"}
                </TableCell>
                <TableCell muted numeric label="Citations">
                  {s.citationCount}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page.nextCursor ? (
        <nav aria-label="Pagination" className="flex justify-end">
          <Link href={`/sources?${older.toString()}`} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
            Older sources →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
