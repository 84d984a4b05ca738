import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import { STATUS_LABELS } from "@/lib/labels";
import type { ClaimDetail } from "@/lib/server/claims";

/** Every status the claim has had, who moved it and why (the append-only log). */
export function StatusHistoryCard({ claim }: { claim: ClaimDetail }) {
  return (
    <Card aria-labelledby="history-heading">
      <h2 id="history-heading" className="text-lg font-semibold">
        Status history
      </h2>
      <ol className="mt-3 space-y-3 text-sm">
        {claim.statusChanges.map((s) => (
          <li key={s.id}>
            <p>
              {s.fromStatus ? `${STATUS_LABELS[s.fromStatus]} → ` : "Recorded as "}
              <span className="font-medium">{STATUS_LABELS[s.toStatus]}</span>
            </p>
            <p className="text-muted-foreground">
              {s.actor.name}, <Timestamp at={s.createdAt} />: {s.reason}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
