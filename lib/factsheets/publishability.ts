// Which claims a fact sheet may publish. Only verified claims with no open conflict go out;
// the others stay on the sheet, are listed with the reasons, and are left out of the version.
import type { ClaimStatus } from "../labels";

export type Unpublishable = "NOT_VERIFIED" | "OPEN_CONFLICT" | "RETRACTED";

export const UNPUBLISHABLE_LABELS: Record<Unpublishable, string> = {
  NOT_VERIFIED: "not verified",
  OPEN_CONFLICT: "open conflict",
  RETRACTED: "retracted",
};

export interface PublishabilityInput {
  status: ClaimStatus;
  openConflicts: number;
}

/** Why a claim cannot be published (an empty list when it can), most serious first. */
export function unpublishableReasons(claim: PublishabilityInput): Unpublishable[] {
  const reasons: Unpublishable[] = [];
  if (claim.status === "RETRACTED") reasons.push("RETRACTED");
  else if (claim.status !== "VERIFIED") reasons.push("NOT_VERIFIED");
  if (claim.openConflicts > 0) reasons.push("OPEN_CONFLICT");
  return reasons;
}

export const isPublishable = (claim: PublishabilityInput) => unpublishableReasons(claim).length === 0;

/** The reasons as a reader reads them: "not verified, open conflict". */
export const describeReasons = (reasons: readonly Unpublishable[]) => reasons.map((r) => UNPUBLISHABLE_LABELS[r]).join(", ");

/** Splits a sheet's claims, in order, into those a version publishes and those it leaves out. */
export function splitPublishable<C extends PublishabilityInput>(claims: readonly C[]): { published: C[]; omitted: { claim: C; reasons: Unpublishable[] }[] } {
  const published: C[] = [];
  const omitted: { claim: C; reasons: Unpublishable[] }[] = [];
  for (const claim of claims) {
    const reasons = unpublishableReasons(claim);
    if (reasons.length) omitted.push({ claim, reasons });
    else published.push(claim);
  }
  return { published, omitted };
}
