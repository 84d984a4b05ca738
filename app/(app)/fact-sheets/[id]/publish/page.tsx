import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { DiffList } from "@/components/fact-sheets/diff-list";
import { PublishPanel } from "@/components/fact-sheets/publish-panel";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { previewPublication } from "@/lib/server/fact-sheet-publishing";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Publish a fact sheet" };

/**
 * The next version before it is published: what it holds and how it differs from the latest one.
 * Built here, when an editor asks, and not on every view of the sheet (the whole draft, every
 * claim with its citations and chains, is read and hashed).
 */
export default async function PublishFactSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  if (!can(user.role, "factsheets:publish")) return <p className="text-muted-foreground">Reviewers read fact sheets; editors publish them.</p>;
  const preview = await previewPublication(user, id);
  if (!preview) notFound();
  const republish = preview.previousNumber > 0;
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/fact-sheets/${id}`} className="text-muted-foreground hover:text-foreground">
          ← {preview.title}
        </Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold tracking-tight">{republish ? `Publish version ${preview.nextNumber}` : "Publish version 1"}</h1>
      <Card aria-labelledby="publish-heading" className="space-y-3">
        <h2 id="publish-heading" className="text-lg font-semibold">
          {preview.title}
        </h2>
        <PublishPanel
          sheetId={id}
          sheetVersion={preview.sheetVersion}
          draftHash={preview.draftHash}
          previousNumber={preview.previousNumber}
          nextNumber={preview.nextNumber}
          claimCount={preview.claimCount}
          changes={
            preview.diff ? (
              <div className="space-y-2">
                {preview.titleChanged ? <p className="text-sm">The title changed.</p> : null}
                {preview.summaryChanged ? <p className="text-sm">The summary changed.</p> : null}
                <DiffList diff={preview.diff} against={preview.previousNumber} />
              </div>
            ) : null
          }
        />
      </Card>
      {preview.omitted.length ? (
        <Card aria-labelledby="omitted-heading">
          <h2 id="omitted-heading" className="font-semibold">
            Left out of version {preview.nextNumber} ({preview.omitted.length}): not publishable
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {preview.omitted.map((o) => (
              <li key={o.id}>
                <Link href={`/claims/${o.id}`} className="underline-offset-2 hover:underline">
                  {o.statement}
                </Link>{" "}
                — <span className="font-medium">{o.reasons.join(", ")}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
