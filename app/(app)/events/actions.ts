"use server";
import type { ActionResult } from "@/lib/action-result";
import { eventSchema, renameEventSchema, type EventInput, type RenameEventInput } from "@/lib/schemas/event";
import { runAction } from "@/lib/server/action";
import { createEvent, renameEvent } from "@/lib/server/events";

export async function createEventAction(values: EventInput): Promise<ActionResult<{ id: string }>> {
  return runAction(eventSchema, values, createEvent, () => ["/events"]);
}

export async function renameEventAction(values: RenameEventInput): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(renameEventSchema, values, renameEvent, ({ id }) => ["/events", `/events/${id}`]);
}
