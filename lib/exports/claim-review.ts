// schema.org ClaimReview JSON-LD, one per claim of a published version: what search engines and
// fact-check aggregators read. Made only from the snapshot and the public page's address.
import type { SnapshotCitation, SnapshotClaim, SnapshotContent, SnapshotLink } from "../factsheets/snapshot";
import { statusLabel, verificationText } from "./text";

type Node = Record<string, unknown>;

const agent = (link: Pick<SnapshotLink, "actor" | "kind">): Node => ({
  "@type": link.kind === "PERSON" ? "Person" : "Organization",
  name: link.actor,
});

/** The source a citation quotes, as the CreativeWork the claim appeared in. */
function appearance(c: SnapshotCitation): Node {
  const s = c.source;
  return {
    "@type": "CreativeWork",
    name: s.title,
    ...(s.url ? { url: s.url } : {}),
    ...(s.publishedAt ? { datePublished: s.publishedAt } : {}),
    ...(s.outlet ? { publisher: { "@type": "Organization", name: s.outlet } } : {}),
    ...(s.language ? { inLanguage: s.language } : {}),
  };
}

const citationDate = (c: SnapshotCitation) => c.saidOn ?? c.source.publishedAt;

/** Supporting primary citations first: the chain whose origin is the claim's author. */
function originCitation(claim: SnapshotClaim): SnapshotCitation | undefined {
  const rank = (c: SnapshotCitation) => (c.stance === "SUPPORTS" ? 0 : 2) + (c.isPrimary ? 0 : 1);
  return [...claim.citations].filter((c) => c.chain.length).sort((a, b) => rank(a) - rank(b))[0];
}

export function claimReview(content: SnapshotContent, claim: SnapshotClaim, pageUrl: string): Node {
  const origin = originCitation(claim)?.chain[0];
  const dated = claim.citations.filter((c) => citationDate(c)).sort((a, b) => citationDate(a)!.localeCompare(citationDate(b)!));
  const first = dated[0] ?? claim.citations[0];
  const author = origin ? agent(origin) : claim.speaker ? { "@type": "Person", name: claim.speaker } : undefined;
  const explanation = verificationText(claim);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${pageUrl}#claim-${claim.position}`,
    claimReviewed: claim.statement,
    datePublished: content.publishedAt.slice(0, 10),
    author: { "@type": "Organization", name: content.newsroom.name, ...(content.newsroom.url ? { url: content.newsroom.url } : {}) },
    reviewRating: {
      "@type": "Rating",
      alternateName: statusLabel(claim),
      ...(explanation ? { ratingExplanation: explanation } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      ...(author ? { author } : {}),
      ...(first && citationDate(first) ? { datePublished: citationDate(first) } : {}),
      ...(claim.citations.length ? { appearance: claim.citations.map(appearance) } : {}),
      ...(first ? { firstAppearance: appearance(first) } : {}),
    },
  };
}

/** Every claim's ClaimReview, in sheet order. */
export const claimReviews = (content: SnapshotContent, pageUrl: string) => content.claims.map((c) => claimReview(content, c, pageUrl));

/** The `.jsonld` download: an array of ClaimReview objects, two-space indented. */
export const toJsonLd = (content: SnapshotContent, pageUrl: string) => `${JSON.stringify(claimReviews(content, pageUrl), null, 2)}\n`;

/** For a `<script type="application/ld+json">` in a page: `<` escaped so a statement cannot close the script. */
export const jsonLdScript = (content: SnapshotContent, pageUrl: string) => JSON.stringify(claimReviews(content, pageUrl)).replace(/</g, "\\u003c");
