import { AttributionChain } from "./attribution-chain";

/** A citation as the list of sources shows it. */
export type CitedSource = {
  id: string;
  source: { id: string; title: string; outlet: string | null };
  chain: { id: string; position: number; relation: string | null; actor: { name: string; description: string | null } }[];
};

/** Each source a claim is cited in, with who said it to whom, origin first. */
export function CitedSources({ citations }: { citations: CitedSource[] }) {
  if (!citations.length) return <p className="text-sm text-muted-foreground">No source cited yet.</p>;
  return (
    <ul className="space-y-3">
      {citations.map((c) => (
        <li key={c.id} className="space-y-1.5">
          <p className="text-sm">
            {c.source.outlet ? <span className="text-muted-foreground">{c.source.outlet}: </span> : null}
            <span className="font-medium">{c.source.title}</span>
          </p>
          <AttributionChain chain={c.chain} />
        </li>
      ))}
    </ul>
  );
}
