import "@/lib/zod-config";
import { z } from "zod";
import { CLAIM_STATUSES } from "../status";

export const changeStatusSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  version: z.coerce.number().int().min(1),
  toStatus: z.enum(CLAIM_STATUSES, { error: "Choose a status." }),
  reason: z.string().trim().min(3, "Say why, in a few words.").max(2000, "Keep the reason under 2,000 characters."),
  justification: z
    .string()
    .trim()
    .max(4000, "Keep the justification under 4,000 characters.")
    .transform((s) => s || undefined)
    .optional(),
  /** The verifier's word on the open tensions and questions the claim is in (lib/status.ts checkConflicts). */
  acknowledgement: z
    .string()
    .trim()
    .max(4000, "Keep the acknowledgement under 4,000 characters.")
    .transform((s) => s || undefined)
    .optional(),
});

export type ChangeStatusInput = z.input<typeof changeStatusSchema>;
export type ChangeStatusValues = z.output<typeof changeStatusSchema>;
