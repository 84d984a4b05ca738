"use server";
import { revalidatePath } from "next/cache";
import { eventSchema, renameEventSchema, type EventInput, type RenameEventInput } from "@/lib/schemas/event";
import { createEvent, renameEvent } from "@/lib/server/events";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

const invalid = "Check the highlighted fields.";

export async function createEventAction(values: EventInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireUser();
  const input = eventSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => createEvent(actor, input.data));
  if (result.ok) revalidatePath("/events");
  return result;
}

export async function renameEventAction(values: RenameEventInput): Promise<ActionResult<{ id: string; version: number }>> {
  const actor = await requireUser();
  const input = renameEventSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => renameEvent(actor, input.data));
  if (result.ok) {
    revalidatePath("/events");
    revalidatePath(`/events/${input.data.id}`);
  }
  return result;
}
