import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NextPage } from "@/components/ui/next-page";
import { NameSearch } from "@/components/ui/name-search";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
        <EmptyState
          title={query.q ? `No event matches “${query.q}”.` : "No events yet."}
          action={query.q ? { href: "/events", label: "Show all events" } : can(user.role, "events:write") ? { href: "/events/new", label: "Create an event" } : undefined}
        >
          {query.q ? "Try another word from the event’s name." : "An event groups the date claims about one thing that happened, so they can be compared."}
        </EmptyState>
      ) : (
        <Table caption="Events by name, with the number of claims about each">
          <TableHead>
            <TableHeader>Event</TableHeader>
            <TableHeader numeric>Claims</TableHeader>
          </TableHead>
          <TableBody>
            {page.items.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  <Link href={`/events/${e.id}`} className="font-medium underline-offset-2 hover:underline">
                    {e.name}
                  </Link>
                  {e.description ? <p className="mt-0.5 line-clamp-2 text-muted-foreground">{e.description}</p> : null}
                </TableCell>
                <TableCell muted numeric label="Claims">
                  {e.claimCount}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <NextPage href={next ?? null} label="More events" />
    </div>
  );
}
