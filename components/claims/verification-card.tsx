import { StatusChanger } from "@/components/claims/status-changer";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { Timestamp } from "@/components/ui/timestamp";
import { allowedTransitions, checkApproval, checkVerification, type Severity } from "@/lib/status";
import type { ClaimDetail } from "@/lib/server/claims";
import type { SessionUser } from "@/lib/server/authorize";

/** Whether the claim can be verified yet, its reviews, and the status control. */
export function VerificationCard({ claim, user, openConflicts }: { claim: ClaimDetail; user: SessionUser; openConflicts: readonly { severity: Severity }[] }) {
  const readiness = checkVerification(claim.citations);
  const transitions = allowedTransitions(claim.status, user.role);
  const approval = checkApproval(
    claim.reviews.map((r) => ({ ...r, reviewerName: r.reviewer.name })),
    claim,
    user.id,
  );
  const openSofter = openConflicts.filter((c) => c.severity !== "CONTRADICTION").length;
  const openContradictions = openConflicts.length - openSofter;
  // A send-back cancels the approvals of its basis version given before it.
  const cancelledBefore = new Map<number, bigint>();
  for (const r of claim.reviews) if (r.decision === "SEND_BACK" && !cancelledBefore.has(r.basisVersion)) cancelledBefore.set(r.basisVersion, r.sequence);
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
          {openSofter && !openContradictions ? (
            <p className="mt-1 text-sm" data-testid="conflict-acknowledge">
              Conflicts: {openSofter === 1 ? "an open tension or question needs" : `${openSofter} open tensions or questions need`} your written acknowledgement when you verify.{" "}
              <a href="#conflicts-heading" className="underline">
                See its conflicts
              </a>
            </p>
          ) : null}
          {openContradictions ? (
            <p className="mt-1 text-sm font-medium" data-testid="conflict-block">
              Conflicts: this claim cannot be verified while a contradiction with other claims is open.{" "}
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
                {r.basisVersion !== claim.basisVersion ? (
                  <span className="text-muted-foreground"> (before the claim last changed: no longer counts)</span>
                ) : r.decision === "APPROVE" && (cancelledBefore.get(r.basisVersion) ?? -1n) > r.sequence ? (
                  <span className="text-muted-foreground"> (cancelled by a later send-back)</span>
                ) : null}
                {r.note ? <>: “{r.note}”</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 max-w-xl">
        {transitions.length ? (
          <StatusChanger claimId={claim.id} version={claim.version} options={transitions} acknowledge={openSofter > 0} />
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
