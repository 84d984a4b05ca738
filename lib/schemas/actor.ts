// Merging actors as aliases: the schema the admin form and its server action share.
import "@/lib/zod-config";
import { z } from "zod";

export const mergeActorsSchema = z
  .object({
    aliasId: z.uuid("Choose the actor that is another name."),
    canonicalId: z.uuid("Choose the actor to keep."),
    reason: z.string().trim().min(10, "Say why these are one actor (at least 10 characters).").max(1000, "Keep the reason under 1,000 characters."),
  })
  .refine((v) => v.aliasId !== v.canonicalId, { path: ["canonicalId"], message: "Choose two different actors." });
export type MergeActorsInput = z.input<typeof mergeActorsSchema>;
export type MergeActorsValues = z.output<typeof mergeActorsSchema>;
