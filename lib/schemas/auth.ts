import "@/lib/zod-config";
import { z } from "zod";

/** The login form and the credentials check share this schema. */
export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.org."))
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

export type LoginInput = z.input<typeof loginSchema>;

/** Shown for every failed sign-in, so it never tells which of the two was wrong. */
export const WRONG_CREDENTIALS = "Wrong email or password.";
