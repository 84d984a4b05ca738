import { jsonLdScript } from "@/lib/exports/claim-review";
import type { SnapshotContent } from "@/lib/factsheets/snapshot";

/** The version's ClaimReview JSON-LD in the page, one object per claim; `pageUrl` is this page's address. */
export function ClaimReviewScript({ content, pageUrl }: { content: SnapshotContent; pageUrl: string }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(content, pageUrl) }} />;
}
