import "@/lib/zod-config";
import { z } from "zod";

// Accounts: invites, roles, disabling, one-time links and passwords. One schema per form, shared
// by the form and its server action.
export const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 120;

const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.org."))
  .transform((e) => e.toLowerCase());
const role = z.enum(ROLES, { message: "Choose a role." });
const userId = z.uuid("Choose an account.");
const version = z.coerce.number().int().min(1);
const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const inviteSchema = z.object({ email, role });
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.object({ userId, role, version });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({ userId, disabled: z.boolean(), version });
export type SetDisabledInput = z.input<typeof setDisabledSchema>;

export const resetLinkSchema = z.object({ userId });
export type ResetLinkInput = z.input<typeof resetLinkSchema>;

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(v: T) => v.newPassword === v.confirmPassword;
const mismatch = { message: "The two passwords differ.", path: ["confirmPassword"] };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX, "That password is too long."),
    newPassword,
    confirmPassword: z.string().max(PASSWORD_MAX, "That password is too long."),
  })
  .refine(confirmed, mismatch);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Following a one-time link: a name when it creates the account, and a password either way. */
export const accountLinkSchema = z
  .object({
    token: z.string().max(43, "This link is not valid.").regex(/^[\w-]{43}$/, "This link is not valid."),
    /** Asked only by a first-admin setup link made without ADMIN_EMAIL. */
    email: email.optional(),
    name: z.string().trim().max(NAME_MAX, `Use at most ${NAME_MAX} characters.`).optional(),
    newPassword,
    confirmPassword: z.string().max(PASSWORD_MAX, "That password is too long."),
  })
  .refine(confirmed, mismatch);
export type AccountLinkInput = z.input<typeof accountLinkSchema>;

/** How long each one-time link works. */
export const LINK_LIFETIME_MS = { INVITE: 7 * 24 * 3600_000, PASSWORD_RESET: 24 * 3600_000, SETUP: 24 * 3600_000 } as const;

/** GET /api/users: a page of accounts, by email (admins only). */
export const userListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(254).optional(),
});
