import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceForm } from "@/components/sources/source-form";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { dateToDay } from "@/lib/values";
import { requireUser } from "@/lib/server/session";
import { getSource } from "@/lib/server/sources";

export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const source = isUuid(id) ? await getSource(user, id) : null;
  if (!source) notFound();
  if (!can(user.role, "sources:write")) {
    return <p className="text-muted-foreground">Reviewers read sources; editors change them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">Edit source</h1>
      {source.citations.length || source.passageNotes.length ? (
        <p className="text-sm text-muted-foreground">
          Passages of this text are quoted. If you change the text, each quote is found again where it now appears (its first occurrence); a
          quote no longer in the text loses its highlight, and you will be told which.
        </p>
      ) : null}
      <SourceForm
        mode="edit"
        initial={{
          id: source.id,
          version: source.version,
          title: source.title,
          outlet: source.outlet ?? "",
          url: source.url ?? "",
          kind: source.kind,
          publishedAt: dateToDay(source.publishedAt) ?? "",
          publishedPrecision: source.publishedPrecision ?? "",
          publishedApprox: source.publishedApprox,
          language: source.language ?? "",
          fullText: source.fullText ?? "",
          notes: source.notes ?? "",
        }}
      />
    </div>
  );
}
