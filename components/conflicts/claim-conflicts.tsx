import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { CONFLICT_ACTION_LABELS } from "@/lib/labels";
import type { conflictsOfClaim } from "@/lib/server/conflicts";
import { ConflictKindLabel, ConflictSeverityBadge, ConflictStatusBadge, RankBadge } from "./badges";
import { FlagConflictForm } from "./flag-form";

type Conflicts = Awaited<ReturnType<typeof conflictsOfClaim>>;

/** The conflicts a claim is in, on its page: open ones first, each linking to its side-by-side view. */
export function ClaimConflictsCard(props: { claimId: string; rank: "PREFERRED" | "NORMAL" | "DEPRECATED"; conflicts: Conflicts; canFlag: boolean }) {
  const open = props.conflicts.filter((c) => c.status === "OPEN").length;
  const blocking = props.conflicts.filter((c) => c.status === "OPEN" && c.severity === "CONTRADICTION").length;
  return (
    <Card aria-labelledby="conflicts-heading">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="conflicts-heading" className="text-lg font-semibold">
          Conflicts ({props.conflicts.length})
        </h2>
        <RankBadge rank={props.rank} />
      </div>
      <p className="mt-1 text-sm" data-testid="conflict-state">
        {blocking
          ? `${blocking === 1 ? "An open contradiction" : `${blocking} open contradictions`}: this claim cannot be verified until ${blocking === 1 ? "it is" : "they are"} resolved or dismissed.`
          : open
            ? `${open === 1 ? "An open tension or question" : `${open} open tensions or questions`}: whoever verifies this claim acknowledges ${open === 1 ? "it" : "them"} in writing.`
            : props.conflicts.length
            ? "No open conflicts: every conflict of this claim has been decided."
            : "No other claim contradicts this one."}
      </p>
      {props.conflicts.length ? (
        <ul className="mt-3 space-y-2">
          {props.conflicts.map((c) => {
            const others = c.claims.filter((l) => l.claim.id !== props.claimId);
            const last = c.decisions[0];
            return (
              <li key={c.id} className="rounded-md border border-border p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <ConflictStatusBadge status={c.status} />
                  <ConflictSeverityBadge severity={c.severity} />
                  <ConflictKindLabel kind={c.kind} />
                </div>
                <p className="mt-1 text-sm">
                  <Link href={`/conflicts/${c.id}`} className="font-medium underline underline-offset-2">
                    {c.summary}
                  </Link>
                </p>
                {others.length ? <p className="mt-1 text-sm text-muted-foreground">With: {others.map((o) => o.claim.statement).join("; ")}</p> : null}
                {last && c.status !== "OPEN" ? (
                  <p className="mt-1 text-sm text-muted-foreground">
                    {CONFLICT_ACTION_LABELS[last.action]}: “{last.note}”
                    {last.action === "PREFER" ? (last.preferredClaimId === props.claimId ? " (this claim preferred)" : " (another claim preferred)") : null}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {props.canFlag ? (
        <details className="mt-4 max-w-xl">
          <summary className="inline-block cursor-pointer rounded-md px-2 py-1 text-sm font-medium hover:bg-muted">Flag a conflict with another claim</summary>
          <div className="mt-2">
            <FlagConflictForm claimId={props.claimId} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
