import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { SheetForm } from "@/components/fact-sheets/sheet-form";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { getSheetAlone } from "@/lib/server/fact-sheets";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit fact sheet" };

export default async function EditFactSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const sheet = isUuid(id) ? await getSheetAlone(user, id) : null;
  if (!sheet) notFound();
  if (!can(user.role, "factsheets:write")) return <p className="text-muted-foreground">Reviewers read fact sheets; editors change them.</p>;
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/fact-sheets/${sheet.id}`} className="text-muted-foreground hover:text-foreground">
          ← {sheet.title}
        </Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold tracking-tight">Edit fact sheet</h1>
      <SheetForm mode="edit" initial={{ id: sheet.id, version: sheet.version, title: sheet.title, summary: sheet.description ?? "" }} />
    </div>
  );
}
