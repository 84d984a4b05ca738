// How a version's claims read in every export format: one wording, shared by Markdown, CSV, PDF.
import type { SnapshotCitation, SnapshotClaim, SnapshotLink } from "../factsheets/snapshot";
import { STANCE_LABELS, STATUS_LABELS } from "../labels";
import { formatDate } from "../values";

export const RULE_LABELS = {
  INDEPENDENT_ORIGINS: "Two independent origins",
  PRIMARY_SOURCE: "Primary source with a justification",
} as const;

/** "Kim Jong Un (said on air) → KCNA (reported) → Reuters": origin first. */
export function chainText(chain: SnapshotLink[]): string {
  return chain.map((l) => (l.relation ? `${l.actor} (${l.relation})` : l.actor)).join(" → ");
}

/** "Reuters, 24 Feb 2022": the outlet (or title) and the date as precisely as it is known. */
export function sourceLine(c: SnapshotCitation): string {
  const s = c.source;
  const date = s.publishedAt ? formatDate(s.publishedAt, s.publishedPrecision) : "";
  return [s.outlet ? `${s.title} (${s.outlet})` : s.title, date].filter(Boolean).join(", ");
}

export const statusLabel = (c: Pick<SnapshotClaim, "status">) => STATUS_LABELS[c.status];
export const stanceLabel = (c: Pick<SnapshotCitation, "stance">) => STANCE_LABELS[c.stance];

/** "Verified by Ana Editor on 3 Mar 2024 (two independent origins); approved by Rui Reviewer". */
export function verificationText(claim: SnapshotClaim): string {
  const v = claim.verification;
  const parts: string[] = [];
  if (v.verifiedBy) parts.push(`Verified by ${v.verifiedBy}${v.verifiedAt ? ` on ${formatDate(v.verifiedAt.slice(0, 10))}` : ""}`);
  if (v.rule) parts.push(RULE_LABELS[v.rule].toLowerCase());
  if (v.approvedBy.length) parts.push(`approved by ${v.approvedBy.map((a) => a.name).join(", ")}`);
  return parts.join("; ");
}

/** The published date of a version as readers see it: "3 Mar 2024". */
export const publishedDate = (iso: string) => formatDate(iso.slice(0, 10));
