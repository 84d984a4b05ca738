import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CitationsCard } from "@/components/citations/citations-card";
import { AssignmentCard } from "@/components/claims/assignment-card";
import { ClaimHeader } from "@/components/claims/claim-header";
import { DiscussionCard } from "@/components/claims/discussion-card";
import { StatusHistoryCard } from "@/components/claims/status-history-card";
import { VerificationCard } from "@/components/claims/verification-card";
import { VerificationChecklist } from "@/components/claims/verification-checklist";
import { ClaimConflictsCard } from "@/components/conflicts/claim-conflicts";
import { ClaimNotes } from "@/components/notes/claim-notes";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { getClaim } from "@/lib/server/claims";
import { conflictsOfClaim } from "@/lib/server/conflicts";
import { notesForClaim } from "@/lib/server/notes";
import { requireUser } from "@/lib/server/session";
import { listAssignees } from "@/lib/server/users";
import { isRetracted } from "@/lib/status";

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Claim" };

export default async function ClaimPage({ params }: Params) {
  const user = await requireUser();
  const { id } = await params;
  const claim = isUuid(id) ? await getClaim(user, id) : null;
  if (!claim) notFound();
  const [notes, conflicts] = await Promise.all([notesForClaim(user, claim.id, claim.citations), conflictsOfClaim(user, claim.id)]);
  const people = can(user.role, "claims:assign") ? await listAssignees(user) : [];
  const hasOpenConflict = conflicts.some((c) => c.status === "OPEN");

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/claims" className="text-muted-foreground hover:text-foreground">
          ← All claims
        </Link>
      </nav>
      <ClaimHeader claim={claim} user={user} hasOpenConflict={hasOpenConflict} />

      <VerificationChecklist claim={claim} user={user} openConflicts={conflicts.filter((c) => c.status === "OPEN")} />

      <AssignmentCard claim={claim} user={user} people={people} />

      <CitationsCard claim={claim} canWrite={can(user.role, "claims:write")} />

      <ClaimNotes claimId={claim.id} notes={notes} viewer={user} canWrite={can(user.role, "notes:write")} />

      <ClaimConflictsCard claimId={claim.id} rank={claim.rank} conflicts={conflicts} canFlag={can(user.role, "conflicts:flag") && !isRetracted(claim)} />

      <VerificationCard claim={claim} user={user} openConflicts={conflicts.filter((c) => c.status === "OPEN")} />

      <StatusHistoryCard claim={claim} />

      <DiscussionCard claim={claim} user={user} />
    </article>
  );
}
