import type { Metadata } from "next";
import { SourceForm } from "@/components/sources/source-form";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  const user = await requireUser();
  if (!can(user.role, "sources:write")) {
    return <p className="text-muted-foreground">Reviewers read sources; editors record them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">New source</h1>
      <SourceForm mode="create" />
    </div>
  );
}
