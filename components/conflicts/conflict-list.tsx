"use client";
import { Link } from "@/components/ui/link";
import { ConflictKindLabel, ConflictSeverityBadge, ConflictStatusBadge, RankBadge } from "@/components/conflicts/badges";
import type { CONFLICT_KIND_LABELS, CONFLICT_SEVERITY_LABELS, CONFLICT_STATUS_LABELS, RANK_LABELS } from "@/lib/labels";

/** One conflict of the list as plain data, worked out on the server. */
export interface ConflictRow {
  id: string;
  status: keyof typeof CONFLICT_STATUS_LABELS;
  severity: keyof typeof CONFLICT_SEVERITY_LABELS;
  kind: keyof typeof CONFLICT_KIND_LABELS;
  /** "12 Mar 2024" */
  found: string;
  foundIso: string;
  title: string;
  summary: string;
  /** Statement-date questions raised by the same sources share a group. */
  group: { key: string; heading: string } | null;
  claims: { id: string; statement: string; rank: keyof typeof RANK_LABELS }[];
}

/** Statement-date questions raised by the same sources, gathered where the first of them stands. */
function groupBySources(items: ConflictRow[]) {
  const entries: { key: string; heading: string; items: ConflictRow[] }[] = [];
  const byKey = new Map<string, (typeof entries)[number]>();
  for (const item of items) {
    const existing = item.group ? byKey.get(item.group.key) : undefined;
    if (existing) {
      existing.items.push(item);
      continue;
    }
    const entry = { key: item.group?.key ?? item.id, heading: item.group?.heading ?? "", items: [item] };
    entries.push(entry);
    if (item.group) byKey.set(item.group.key, entry);
  }
  return entries;
}

/** One conflict: what it is about and what each claim says first, then why, then the claims. */
function ConflictItem({ c, level }: { c: ConflictRow; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <ConflictStatusBadge status={c.status} />
        <ConflictSeverityBadge severity={c.severity} />
        <ConflictKindLabel kind={c.kind} />
        <span className="ml-auto text-xs text-muted-foreground">
          Found <time dateTime={c.foundIso}>{c.found}</time>
        </span>
      </div>
      <Heading className="mt-2 text-base font-semibold">
        <Link href={`/conflicts/${c.id}`} className="underline-offset-2 hover:underline">
          {c.title}
        </Link>
      </Heading>
      <p className="mt-1 text-sm">{c.summary}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-muted-foreground">
        {c.claims.map((claim) => (
          <li key={claim.id}>
            <Link href={`/claims/${claim.id}`} className="underline-offset-2 hover:underline">
              {claim.statement}
            </Link>{" "}
            <RankBadge rank={claim.rank} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The conflicts list. A client component fed plain rows, like the claims list's rows
 * (components/claims/claim-rows.tsx): the page sends each conflict's text once, not a tree of its markup.
 */
export function ConflictList({ items, label }: { items: ConflictRow[]; label: string }) {
  return (
    <ul className="space-y-3" aria-label={label}>
      {groupBySources(items).map((entry) =>
        entry.items.length === 1 ? (
          <li key={entry.items[0]!.id} className="rounded-lg border border-border bg-card p-4">
            <ConflictItem c={entry.items[0]!} level={2} />
          </li>
        ) : (
          <li key={entry.key} className="rounded-lg border border-border bg-card p-4">
            <h2 className="text-base font-semibold">
              When were these said? {entry.items.length} statements dated differently by {entry.heading}
            </h2>
            <ul className="mt-3 space-y-4 border-l-2 border-border pl-4">
              {entry.items.map((c) => (
                <li key={c.id}>
                  <ConflictItem c={c} level={3} />
                </li>
              ))}
            </ul>
          </li>
        ),
      )}
    </ul>
  );
}
