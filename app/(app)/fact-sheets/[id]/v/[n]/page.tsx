import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DiffList } from "@/components/fact-sheets/diff-list";
import { ClaimReviewScript } from "@/components/exports/claim-review-script";
import { VersionDownloads } from "@/components/exports/version-downloads";
import { VersionView } from "@/components/fact-sheets/version-view";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { appBaseUrl } from "@/lib/server/app-url";
import { versionUrl } from "@/lib/server/fact-sheet-exports";
import { getVersion, versionDiff } from "@/lib/server/fact-sheet-publishing";
import { requireUser } from "@/lib/server/session";

type Params = { params: Promise<{ id: string; n: string }> };

const load = cache(async (id: string, n: string) => (isUuid(id) && /^[1-9]\d{0,8}$/.test(n) ? getVersion(await requireUser(), id, Number(n)) : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, n } = await params;
  const version = await load(id, n);
  return { title: version ? `${version.content.title}, version ${version.number}` : "Fact sheet version" };
}

/** One published version as it was frozen, with what changed since the one before and what it left out. */
export default async function FactSheetVersionPage({ params }: Params) {
  const { id, n } = await params;
  const version = await load(id, n);
  if (!version) notFound();
  const [diff, user] = await Promise.all([versionDiff(version), requireUser()]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/fact-sheets/${id}`} className="text-muted-foreground hover:text-foreground">
          ← The sheet
        </Link>
        {version.number > 1 ? (
          <Link href={`/fact-sheets/${id}/v/${version.number - 1}`} className="text-muted-foreground hover:text-foreground">
            Version {version.number - 1}
          </Link>
        ) : null}
      </nav>
      {diff ? (
        <Card aria-labelledby="diff-heading">
          <h2 id="diff-heading" className="mb-2 font-semibold">
            Changes since version {version.number - 1}
          </h2>
          <DiffList diff={diff} against={version.number - 1} />
        </Card>
      ) : null}
      {version.content.omitted.length ? (
        <Card aria-labelledby="omitted-heading">
          <h2 id="omitted-heading" className="font-semibold">
            Left out of this version ({version.content.omitted.length}), not shown publicly
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {version.content.omitted.map((o) => (
              <li key={o.id}>
                {o.statement} — <span className="font-medium">{o.reasons.join(", ")}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <VersionView
          content={version.content}
          contentHash={version.contentHash}
          previousHash={version.previousHash}
          slot={
            <>
              <ClaimReviewScript content={version.content} pageUrl={versionUrl(await appBaseUrl(), version.content)} />
              <VersionDownloads version={version} hrefBase={`/api/fact-sheets/${id}/versions/${version.number}/exports`} canRetry={can(user.role, "factsheets:write")} />
            </>
          }
        />
      </Card>
    </div>
  );
}
