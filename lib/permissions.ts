// Who may do what. The data-access layer asks `can` before every read and write; the UI asks it
// only to hide what would be refused anyway.
export type Role = "ADMIN" | "EDITOR" | "REVIEWER";

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", REVIEWER: "Reviewer" };

const permissions = {
  "claims:read": ["ADMIN", "EDITOR", "REVIEWER"],
  "claims:write": ["ADMIN", "EDITOR"],
  "claims:change-status": ["ADMIN", "EDITOR"],
  "claims:retract": ["ADMIN"],
  "claims:review": ["ADMIN", "REVIEWER"],
  "claims:assign": ["ADMIN", "EDITOR"],
  "metrics:write": ["ADMIN", "EDITOR"],
  "events:write": ["ADMIN", "EDITOR"],
  "annotations:write": ["ADMIN", "EDITOR"],
  "sources:read": ["ADMIN", "EDITOR", "REVIEWER"],
  "sources:write": ["ADMIN", "EDITOR"],
  "comments:write": ["ADMIN", "EDITOR", "REVIEWER"],
  "conflicts:flag": ["ADMIN", "EDITOR", "REVIEWER"],
  "conflicts:resolve": ["ADMIN", "EDITOR"],
  "factsheets:read": ["ADMIN", "EDITOR", "REVIEWER"],
  "factsheets:write": ["ADMIN", "EDITOR"],
  "factsheets:publish": ["ADMIN", "EDITOR"],
  "users:manage": ["ADMIN"],
  "api-tokens:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
