// Who may do what. The data-access layer asks `can` before every read and write; the UI asks it
// only to hide what would be refused anyway.
export const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;
export type Role = (typeof ROLES)[number];

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
  "notes:write": ["ADMIN", "EDITOR"],
  "sources:read": ["ADMIN", "EDITOR", "REVIEWER"],
  "sources:write": ["ADMIN", "EDITOR"],
  "comments:write": ["ADMIN", "EDITOR", "REVIEWER"],
  "conflicts:flag": ["ADMIN", "EDITOR", "REVIEWER"],
  "conflicts:resolve": ["ADMIN", "EDITOR"],
  "factsheets:read": ["ADMIN", "EDITOR", "REVIEWER"],
  "factsheets:write": ["ADMIN", "EDITOR"],
  "factsheets:publish": ["ADMIN", "EDITOR"],
  "users:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

// Row rules: who may act on a particular row, beside the role table they refine.

/** A note is deleted by its author or by an admin, and only by someone who may write notes. */
export function canDeleteNote(user: { id: string; role: Role }, note: { authorId: string }): boolean {
  return can(user.role, "notes:write") && (note.authorId === user.id || user.role === "ADMIN");
}

/** The roles a claim can be assigned to: those who may edit claims. */
export const ASSIGNABLE_ROLES = ROLES.filter((role) => can(role, "claims:write"));
