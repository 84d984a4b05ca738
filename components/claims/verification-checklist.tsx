import type { ReactNode } from "react";
import { ReviewForm } from "@/components/claims/review-form";
import { VerifyButton } from "@/components/claims/verify-button";
import { Card } from "@/components/ui/card";
import { originRoles } from "@/lib/independence";
import { can } from "@/lib/permissions";
import type { SessionUser } from "@/lib/server/authorize";
import type { ClaimDetail } from "@/lib/server/claims";
import { allowedTransitions, checkApproval, checkConflicts, checkVerifiable, checkVerification, type Severity } from "@/lib/status";

function Check(props: { ok: boolean | "ask"; label: string; children: ReactNode }) {
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={props.ok === true ? "font-bold text-[var(--status-verified)]" : props.ok === "ask" ? "font-bold text-[var(--status-in-review)]" : "font-bold text-[var(--status-disputed)]"}>
        {props.ok === true ? "✓" : props.ok === "ask" ? "!" : "✗"}
      </span>
      <span>
        <span className="font-medium">
          {props.label}: <span className="sr-only">{props.ok === true ? "done" : props.ok === "ask" ? "needs your acknowledgement" : "not yet"}. </span>
        </span>
        {props.children}
      </span>
    </li>
  );
}

/**
 * What stands between this claim and "Verified", at the top of its page: its origins (and the rule
 * they meet), a reviewer's approval of this version, open conflicts. "Mark verified" is offered
 * only when it can succeed; otherwise the first thing missing is said. Reviewers decide here.
 */
export function VerificationChecklist({ claim, user, openConflicts }: { claim: ClaimDetail; user: SessionUser; openConflicts: readonly { severity: Severity }[] }) {
  if (claim.status !== "IN_REVIEW" && claim.status !== "UNVERIFIED") return null;
  const evidence = checkVerification(claim.citations);
  const approval = checkApproval(claim.reviews.map((r) => ({ ...r, reviewerName: r.reviewer.name })), claim, user.id);

  // Which origin each supporting citation counts as (lib/independence.ts originRoles).
  const names = new Map(claim.citations.flatMap((c) => c.chain.map((l) => [l.actorId, l.actor.name] as const)));
  const origins = new Map<string, number[]>();
  originRoles(claim.citations).forEach((role, i) => {
    if (role.counts) origins.set(role.origin, [...(origins.get(role.origin) ?? []), i + 1]);
  });
  const originText = [...origins].map(([id, cites]) => `${names.get(id) ?? "unknown"} (citation ${cites.join(", ")})`).join("; ");
  const canVerify = allowedTransitions(claim.status, user.role).includes("VERIFIED");
  const reviews = claim.reviews.map((r) => ({ ...r, reviewerName: r.reviewer.name }));
  // The server's own rule: "Mark verified" is offered when it passes, or when all it lacks is the
  // verifier's acknowledgement of open tensions and questions (asked for with the button).
  const verifiable = checkVerifiable({ status: claim.status, citations: claim.citations, reviews, claim, verifierId: user.id, openConflicts });
  const conflicts = checkConflicts(openConflicts);
  const offer = verifiable.ok || verifiable.field === "acknowledgement";
  return (
    <Card aria-labelledby="checklist-heading" className="border-primary">
      <h2 id="checklist-heading" className="text-lg font-semibold">
        Verification checklist
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        <Check ok={evidence.ok} label="Origins">
          {origins.size ? `${originText}. ` : "No supporting citation has a chain yet. "}
          {evidence.ok ? `Meets the rule: ${evidence.rule === "INDEPENDENT_ORIGINS" ? "two independent origins" : "one primary source with a justification"}.` : evidence.message}
        </Check>
        <Check ok={approval.ok} label="Reviewer approval of this version">
          {approval.ok ? `Approved by ${approval.by}.` : approval.message}
        </Check>
        <Check ok={conflicts.ok ? true : conflicts.field === "acknowledgement" ? "ask" : false} label="Open conflicts">
          {openConflicts.length ? (
            <>
              {conflicts.ok ? null : conflicts.field === "acknowledgement" ? "Open tensions or questions: they do not block verifying, but need your written acknowledgement. " : `${conflicts.message} `}
              <a href="#conflicts-heading" className="underline">
                See its conflicts
              </a>
              .
            </>
          ) : (
            "None."
          )}
        </Check>
      </ul>
      {canVerify || user.role !== "REVIEWER" ? (
        <div className="mt-4" data-testid="checklist-next">
          {offer && canVerify ? (
            <VerifyButton
              claimId={claim.id}
              version={claim.version}
              acknowledge={verifiable.ok ? undefined : verifiable.message}
              reason={`Checklist complete: ${evidence.ok ? evidence.explanation : ""} Approved by ${approval.ok ? approval.by : ""}.`}
            />
          ) : (
            <p className="text-sm">
              <span className="font-medium">Not verifiable yet:</span> {verifiable.ok ? "Only editors and admins verify claims." : verifiable.message}
            </p>
          )}
        </div>
      ) : null}
      {claim.status === "IN_REVIEW" && can(user.role, "claims:review") ? (
        <div className="mt-4 max-w-xl border-t border-border pt-4">
          <h3 className="text-base font-semibold">Your review</h3>
          <p className="mb-2 text-sm text-muted-foreground">Approve the claim as it stands now, or send it back saying what must change.</p>
          <ReviewForm claimId={claim.id} version={claim.version} />
        </div>
      ) : null}
    </Card>
  );
}
