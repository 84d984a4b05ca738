import "server-only";
import { can, type Permission, type Role } from "@/lib/permissions";

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
  if (!can(user.role, permission)) throw new ForbiddenError(permission);
}
