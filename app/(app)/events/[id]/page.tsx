import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CitedSources } from "@/components/claims/cited-sources";
import { StatusBadge } from "@/components/claims/status-badge";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { KIND_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { EVENT_CLAIMS_CAP, getEvent } from "@/lib/server/events";
import { reviewStatesOf } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { dateToDay, formatDate } from "@/lib/values";

type Params = { params: Promise<{ id: string }> };

const PRECISION_LABELS = { DAY: "to the day", MONTH: "to the month", YEAR: "to the year" } as const;

// The title and the page ask once per request.
const loadEvent = cache(async (id: string) => (isUuid(id) ? getEvent(await requireUser(), id) : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const event = await loadEvent((await params).id);
  return { title: event ? event.name : "Event" };
}

export default async function EventPage({ params }: Params) {
  const user = await requireUser();
  const event = await loadEvent((await params).id);
  if (!event) notFound();
  const reviews = await reviewStatesOf(user, event.claims.map((c) => c.id));
  const dates = new Set(event.claims.flatMap((c) => (c.eventDate ? [`${formatDate(c.eventDate, c.eventDatePrecision)}`] : [])));

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/events" className="text-muted-foreground hover:text-foreground">
          ← All events
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 font-serif text-2xl font-bold leading-snug sm:text-3xl">{event.name}</h1>
          {can(user.role, "events:write") ? (
            <Link href={`/events/${event.id}/edit`} className="rounded-md border border-border bg-card px-3 py-1.5 text-sm font-medium hover:bg-muted">
              Rename event
            </Link>
          ) : null}
        </div>
        {event.description ? <p>{event.description}</p> : null}
        <p className="text-sm text-muted-foreground">
          {event.claimCount === 1 ? "1 claim" : `${event.claimCount} claims`} about this event
          {dates.size > 1 ? `, giving ${dates.size} different dates: compare their sources below.` : dates.size === 1 ? `, all dated ${[...dates][0]}.` : "."}
        </p>
      </header>

      {event.claims.length ? (
        <Card aria-labelledby="claims-heading" className="p-0 sm:p-0">
          <div className="p-4 sm:p-6 sm:pb-4">
            <h2 id="claims-heading" className="text-lg font-semibold">
              What the sources say
            </h2>
            {event.claimCount > event.claims.length ? (
              <p className="mt-1 text-sm text-muted-foreground">Showing the first {EVENT_CLAIMS_CAP}, earliest date first.</p>
            ) : null}
          </div>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Claims about {event.name}, earliest date first: the claim, its date and precision, its status and its sources.</caption>
            <thead className="hidden border-y border-border bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Claim</th>
                <th scope="col" className="px-4 py-3 font-semibold">Date</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Sources, origin first</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border border-t border-border md:border-t-0">
              {event.claims.map((c) => (
                <tr key={c.id} className="flex flex-col gap-2 px-4 py-4 md:table-row md:p-0">
                  <td className="align-top md:w-[36%] md:px-4 md:py-3">
                    <Link href={`/claims/${c.id}`} className="font-medium underline-offset-2 hover:underline">
                      {c.statement}
                    </Link>
                    <p className="mt-0.5 text-xs text-muted-foreground">{KIND_LABELS[c.kind]}</p>
                  </td>
                  <td className="align-top md:px-4 md:py-3">
                    {c.eventDate ? (
                      <>
                        <time dateTime={dateToDay(c.eventDate)!} className="text-base font-semibold">
                          {formatDate(c.eventDate, c.eventDatePrecision)}
                        </time>
                        {c.eventDatePrecision ? <p className="text-xs text-muted-foreground">Known {PRECISION_LABELS[c.eventDatePrecision]}</p> : null}
                      </>
                    ) : (
                      <span className="text-muted-foreground">No date</span>
                    )}
                  </td>
                  <td className="align-top md:px-4 md:py-3">
                    <StatusBadge status={c.status} review={reviews.get(c.id)} />
                  </td>
                  <td className="align-top md:px-4 md:py-3">
                    <CitedSources citations={c.citations} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">No claims about this event yet.</p>
      )}
    </article>
  );
}
