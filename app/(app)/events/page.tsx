import type { Metadata } from "next";
import Link from "next/link";
import { NameSearch } from "@/components/ui/name-search";
import { namePageQuerySchema } from "@/lib/pagination";
import { can } from "@/lib/permissions";
import { listEvents } from "@/lib/server/events";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const parsed = namePageQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 50, q: undefined, cursor: undefined };
  const page = await listEvents(user, query);
  const next = page.nextCursor ? `/events?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), cursor: page.nextCursor })}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Events</h1>
          <p className="mt-1 text-sm text-muted-foreground">Things that happened: date claims about one event can be compared.</p>
        </div>
        {can(user.role, "events:write") ? (
          <Link href="/events/new" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground hover:opacity-90">
            New event
          </Link>
        ) : null}
      </div>
      <NameSearch action="/events" label="Search events" query={query.q} />
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {query.q ? `No event matches “${query.q}”.` : "No events yet."}
        </p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-border bg-card">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Events by name, with the number of claims about each</caption>
            <thead className="hidden bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Event</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Claims</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {page.items.map((e) => (
                <tr key={e.id} className="flex flex-col gap-1 px-4 py-3 hover:bg-muted/60 md:table-row md:p-0">
                  <td className="md:px-4 md:py-3">
                    <Link href={`/events/${e.id}`} className="font-medium underline-offset-2 hover:underline">
                      {e.name}
                    </Link>
                    {e.description ? <p className="mt-0.5 line-clamp-2 text-muted-foreground">{e.description}</p> : null}
                  </td>
                  <td className="text-muted-foreground md:px-4 md:py-3 md:text-right">
                    <span className="md:hidden">Claims: </span>
                    {e.claimCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <nav aria-label="Pagination" className="flex justify-end">
          <Link href={next} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
            More events →
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
