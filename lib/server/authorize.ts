import "server-only";
import { can, type Permission, type Role } from "@/lib/permissions";
import { recordSecurityEvent, requestAddress } from "./security-events";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Thrown when an actor asks for what their role does not allow; route wrappers answer 403. */
export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Your role may not do this (${permission}).`);
    this.name = "ForbiddenError";
  }
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    void recordRefusal(actor, permission);
    throw new ForbiddenError(permission);
  }
}

/** Every refusal by role goes on the security record, with the address it came from. */
async function recordRefusal(actor: Actor, permission: Permission) {
  const address = await requestAddress();
  await recordSecurityEvent({ kind: "FORBIDDEN", email: actor.email, userId: actor.id, address, detail: permission });
}
