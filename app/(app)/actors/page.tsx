import type { Metadata } from "next";
import { MergeActorsForm } from "@/components/actors/merge-actors-form";
import { Card } from "@/components/ui/card";
import { ACTOR_KIND_LABELS } from "@/lib/labels";
import { can } from "@/lib/permissions";
import { listActors } from "@/lib/server/actors";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Actors" };

/** Admins only: the people and bodies in attribution chains, and merging two names of one actor. */
export default async function ActorsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "actors:merge")) {
    return <p className="text-muted-foreground">Only admins merge actors: ask one if two names in attribution chains are the same actor.</p>;
  }
  const { q = "" } = await searchParams;
  const actors = await listActors(user, q);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">Actors</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          The people, outlets and bodies that start and pass on attribution chains. Two names of one actor (“MoD” and “Ministry of Defence”) would count as two
          independent origins: merge them so they count as one.
        </p>
      </div>
      <form action="/actors" method="get" className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="actor-q" className="block text-sm font-medium">
            Name contains
          </label>
          <input id="actor-q" name="q" defaultValue={q} className="h-10 rounded-md border border-border bg-card px-3 text-sm" />
        </div>
        <button type="submit" className="h-10 rounded-md border border-border bg-card px-4 text-sm font-medium hover:bg-muted">
          Search
        </button>
      </form>
      <Card aria-labelledby="merge-heading" className="space-y-4">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge two names of one actor
        </h2>
        <MergeActorsForm actors={actors.map((a) => ({ id: a.id, name: a.name }))} />
      </Card>
      <ul className="space-y-2" aria-label="Actors">
        {actors.map((a) => (
          <li key={a.id} className="rounded-lg border border-border bg-card px-4 py-3 text-sm">
            <span className="font-medium">{a.name}</span>&nbsp;<span className="text-muted-foreground">· {ACTOR_KIND_LABELS[a.kind]}</span>
            <span className="text-muted-foreground">&nbsp;· in {a._count.links.toLocaleString("en-GB")} chain links</span>
            {a.aliases.length ? <p className="mt-1 text-muted-foreground">Also known as: {a.aliases.map((x) => x.name).join(", ")}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
