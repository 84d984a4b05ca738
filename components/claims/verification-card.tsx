import { StatusChanger } from "@/components/claims/status-changer";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { Timestamp } from "@/components/ui/timestamp";
import { allowedTransitions, checkApproval, checkVerification } from "@/lib/status";
import type { ClaimDetail } from "@/lib/server/claims";
import type { SessionUser } from "@/lib/server/authorize";

/** Whether the claim can be verified yet, its reviews, and the status control. */
export function VerificationCard({ claim, user, hasOpenConflict }: { claim: ClaimDetail; user: SessionUser; hasOpenConflict: boolean }) {
  const readiness = checkVerification(claim.citations);
  const transitions = allowedTransitions(claim.status, user.role);
  const approval = checkApproval(
    claim.reviews.map((r) => ({ ...r, reviewerName: r.reviewer.name })),
    claim.version,
    user.id,
  );
  return (
    <Card aria-labelledby="verification-heading">
      <h2 id="verification-heading" className="text-lg font-semibold">
        Verification
      </h2>
      {claim.status === "VERIFIED" && claim.verificationRule ? (
        <p className="mt-2 text-sm">
          Verified on the rule{" "}
          <span className="font-medium">
            {claim.verificationRule === "INDEPENDENT_ORIGINS" ? "two independent origins" : "one primary source with a justification"}
          </span>
          {claim.verificationNote ? <>: “{claim.verificationNote}”</> : "."}
        </p>
      ) : (
        <>
          <p className="mt-2 text-sm" data-testid="verification-readiness">
            {readiness.ok ? `Evidence: ${readiness.explanation}` : `Not yet verifiable: ${readiness.message}`}
          </p>
          <p className="mt-1 text-sm" data-testid="approval-state">
            {approval.ok ? `Review: approved by ${approval.by} for the claim as it stands.` : `Review: ${approval.message}`}
          </p>
          {hasOpenConflict ? (
            <p className="mt-1 text-sm font-medium" data-testid="conflict-block">
              Conflicts: this claim cannot be verified while a conflict with other claims is open.{" "}
              <a href="#conflicts-heading" className="underline">
                See its conflicts
              </a>
              .
            </p>
          ) : null}
        </>
      )}
      {claim.reviews.length ? (
        <div className="mt-4">
          <h3 className="text-base font-semibold">Reviews</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {claim.reviews.map((r) => (
              <li key={r.id}>
                <span className="font-medium">{r.decision === "APPROVE" ? "Approved" : "Sent back"}</span> by {r.reviewer.name},{" "}
                <Timestamp at={r.createdAt} />
                {r.claimVersion !== claim.version ? <span className="text-muted-foreground"> (an earlier version)</span> : null}
                {r.note ? <>: “{r.note}”</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 max-w-xl">
        {transitions.length ? (
          <StatusChanger claimId={claim.id} version={claim.version} options={transitions} />
        ) : (
          <p className="text-sm text-muted-foreground">
            {user.role === "REVIEWER"
              ? "Reviewers comment and approve; editors change a claim’s status."
              : "This claim’s status can no longer change."}
          </p>
        )}
      </div>
    </Card>
  );
}
