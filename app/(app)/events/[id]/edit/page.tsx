import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { findEvent } from "@/lib/server/events";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit event" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const event = isUuid(id) ? await findEvent(user, id) : null;
  if (!event) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/events/${event.id}`} className="text-muted-foreground hover:text-foreground">
          ← {event.name}
        </Link>
      </nav>
      {can(user.role, "events:write") ? (
        <>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Edit event</h1>
          <EventForm mode="edit" initial={{ id: event.id, version: event.version, name: event.name, description: event.description ?? "" }} />
        </>
      ) : (
        <p className="text-muted-foreground">Reviewers read events; editors rename them.</p>
      )}
    </div>
  );
}
