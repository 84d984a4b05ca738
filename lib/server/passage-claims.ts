import "server-only";
import { ok, refuse, type ActionResult, type FieldErrors } from "@/lib/action-result";
import type { PassageClaimValues } from "@/lib/schemas/passage-claim";
import { authorize, type SessionUser } from "./authorize";
import { createCitation } from "./citations";
import { createClaim } from "./claim-edits";
import { inTransaction, Refused, type Tx } from "./mutations";

/** A nested verb's refusal with its field errors moved under the form's group ("citation.quote"). */
async function under<T>(group: "claim" | "citation", run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  let result: ActionResult<T>;
  try {
    result = await run();
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    result = e.result;
  }
  if (result.ok) return result;
  const fieldErrors: FieldErrors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [`${group}.${k}`, v]));
  return refuse(result.message, { ...result, fieldErrors });
}

/**
 * A claim, its value and its citation of a source passage, recorded in one transaction by the
 * existing verbs: if the citation is refused (the quote is not at its place), no claim is left behind.
 */
export async function createClaimFromPassage(user: SessionUser, values: PassageClaimValues, tx?: Tx) {
  authorize(user, "claims:write");
  return inTransaction(user, async (tx) => {
    const claim = await under("claim", () => createClaim(user, values.claim, tx));
    if (!claim.ok) return claim;
    const { version } = await tx.claim.findUniqueOrThrow({ where: { id: claim.value.id }, select: { version: true } });
    const citation = await under("citation", () => createCitation(user, { ...values.citation, claimId: claim.value.id, claimVersion: version }, tx));
    if (!citation.ok) return citation;
    return ok({ claimId: claim.value.id, citationId: citation.value.id, sourceId: values.citation.sourceId });
  }, { tx });
}
