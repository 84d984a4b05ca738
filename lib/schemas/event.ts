import "@/lib/zod-config";
import { z } from "zod";
import { displayName, optionalDescription, rowVersion } from "./common";

export const eventSchema = z.object({
  name: displayName("what happened"),
  description: optionalDescription,
});

export const renameEventSchema = eventSchema.extend({ id: z.uuid("Unknown event."), version: rowVersion });

export type EventInput = z.input<typeof eventSchema>;
export type EventValues = z.output<typeof eventSchema>;
export type RenameEventInput = z.input<typeof renameEventSchema>;
export type RenameEventValues = z.output<typeof renameEventSchema>;
