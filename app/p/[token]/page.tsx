import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { VersionView } from "@/components/fact-sheets/version-view";
import { ClaimReviewScript } from "@/components/exports/claim-review-script";
import { VersionDownloads } from "@/components/exports/version-downloads";
import { appBaseUrl } from "@/lib/server/app-url";
import { openPublicLink } from "@/lib/server/fact-sheet-links";

// A public link, open to anyone with the token (proxy.ts lets /p/ through): one published version,
// read from its frozen content only. Unknown and revoked tokens are 404s.
export const dynamic = "force-dynamic";

const open = cache((token: string) => openPublicLink(token));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const version = await open((await params).token);
  return version ? { title: { absolute: version.content.title }, robots: { index: false } } : { title: "Not found" };
}

export default async function PublicSheetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const version = await open(token);
  if (!version) notFound();
  return (
    <main className="public-sheet mx-auto max-w-3xl px-4 py-8 print:max-w-none print:p-0">
      <VersionView
        content={version.content}
        contentHash={version.contentHash}
        previousHash={version.previousHash}
        header={<p className="text-sm font-medium uppercase tracking-wide text-muted-foreground">Fact sheet&nbsp;· {version.content.newsroom.name}</p>}
        slot={
          <>
            <ClaimReviewScript content={version.content} pageUrl={`${await appBaseUrl()}/p/${token}`} />
            <VersionDownloads version={version} hrefBase={`/p/${token}/exports`} />
          </>
        }
      />
      <p className="mt-6 text-sm print:hidden">
        <a href="#sheet-title" className="underline">
          Back to the top
        </a>
      </p>
    </main>
  );
}
