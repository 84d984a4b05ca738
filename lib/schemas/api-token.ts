// Bearer tokens of the read-only API: one schema for the admin page's forms and their actions.
import "@/lib/zod-config";
import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Name the token after the client that will use it (at least 3 characters).").max(100, "Keep the name under 100 characters."),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreateApiTokenValues = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("Unknown token.") });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;
