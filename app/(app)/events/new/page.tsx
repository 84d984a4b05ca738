import type { Metadata } from "next";
import { EventForm } from "@/components/events/event-form";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const user = await requireUser();
  if (!can(user.role, "events:write")) {
    return <p className="text-muted-foreground">Reviewers read events; editors create them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">New event</h1>
        <p className="mt-1 text-sm text-muted-foreground">Name what happened, neutrally; the date goes on each claim about it, with its source.</p>
      </div>
      <EventForm mode="create" />
    </div>
  );
}
