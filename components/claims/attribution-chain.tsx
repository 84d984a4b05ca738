type Link = { id: string; position: number; relation: string | null; actor: { name: string; description: string | null } };

/** Who said it to whom, origin first: "Korotchenko → Channel One → New York Post → National Review". */
export function AttributionChain({ chain }: { chain: Link[] }) {
  if (chain.length === 0) return <p className="text-sm text-muted-foreground">No attribution chain recorded.</p>;
  return (
    <ol aria-label="Attribution chain, origin first" className="flex flex-wrap items-center gap-x-1 gap-y-2 text-sm">
      {chain.map((link, i) => (
        <li key={link.id} className="flex items-center gap-1">
          {i > 0 ? (
            <span aria-hidden="true" className="px-1 text-muted-foreground">
              →
            </span>
          ) : null}
          <span className="rounded-md border border-border bg-muted px-2 py-1" title={link.actor.description ?? undefined}>
            <span className="font-medium">{link.actor.name}</span>
            {link.relation ? <span className="text-muted-foreground"> ({link.relation})</span> : null}
            {i === 0 ? <span className="sr-only"> (origin)</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
