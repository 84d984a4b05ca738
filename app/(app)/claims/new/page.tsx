import type { Metadata } from "next";
import { ClaimForm } from "@/components/claims/claim-form";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New claim" };

export default async function NewClaimPage() {
  const user = await requireUser();
  if (!can(user.role, "claims:write")) {
    return <p className="text-muted-foreground">Reviewers read and comment on claims; editors record them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">New claim</h1>
      <ClaimForm mode="create" />
    </div>
  );
}
