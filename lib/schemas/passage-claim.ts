// A new claim and its citation from a passage of a source's text, saved together: one form, one
// transaction. Field errors come back under "claim.…" and "citation.…", as the form names its fields.
import "@/lib/zod-config";
import { z } from "zod";
import { passageCitationSchema } from "./citation";
import { claimSchema } from "./claim";

export const passageClaimSchema = z.object({ claim: claimSchema, citation: passageCitationSchema });

export type PassageClaimInput = z.input<typeof passageClaimSchema>;
export type PassageClaimValues = z.output<typeof passageClaimSchema>;
