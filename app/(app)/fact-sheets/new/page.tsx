import type { Metadata } from "next";
import { SheetForm } from "@/components/fact-sheets/sheet-form";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New fact sheet" };

export default async function NewFactSheetPage() {
  const user = await requireUser();
  if (!can(user.role, "factsheets:write")) return <p className="text-muted-foreground">Reviewers read fact sheets; editors create them.</p>;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">New fact sheet</h1>
        <p className="mt-1 text-sm text-muted-foreground">Give it a title and a short summary; then pick its claims and publish it.</p>
      </div>
      <SheetForm mode="create" />
    </div>
  );
}
