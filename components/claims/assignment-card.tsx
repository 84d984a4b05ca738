import { AssignForm } from "@/components/claims/assign-form";
import { Card } from "@/components/ui/card";
import { isRetracted } from "@/lib/status";
import type { ClaimDetail } from "@/lib/server/claims";
import type { SessionUser } from "@/lib/server/authorize";

type Person = Parameters<typeof AssignForm>[0]["people"][number];

/** Who is assigned to the claim, and the form to change it for those who may. */
export function AssignmentCard({ claim, user, people }: { claim: ClaimDetail; user: SessionUser; people: Person[] }) {
  return (
    <Card aria-labelledby="assignment-heading">
      <h2 id="assignment-heading" className="text-lg font-semibold">
        Assignment
      </h2>
      <p className="mt-1 text-sm">{claim.assignee ? `Assigned to ${claim.assignee.name}.` : "No one is assigned to this claim."}</p>
      {people.length && !isRetracted(claim) ? (
        <div className="mt-3 max-w-xl">
          <AssignForm claimId={claim.id} version={claim.version} assigneeId={claim.assignee?.id ?? null} me={user.id} people={people} />
        </div>
      ) : null}
    </Card>
  );
}
