import "server-only";
import { can, type Permission, type Role } from "@/lib/permissions";
import { recordSecurityEvent, requestAddress } from "./security-events";

/** The signed-in user a request acts as (an attribution-chain `Actor` is a different thing). */
export interface SessionUser {
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

export function authorize(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) {
    void recordRefusal(user, permission);
    throw new ForbiddenError(permission);
  }
}

/** Every refusal by role goes on the security record, with the address it came from. */
async function recordRefusal(user: SessionUser, permission: Permission) {
  const address = await requestAddress();
  await recordSecurityEvent({ kind: "FORBIDDEN", email: user.email, userId: user.id, address, detail: permission });
}
