// What every mutation returns, on the server and in the browser: errors a user can cause are values, not exceptions.
import type { z } from "zod";

/** What someone else changed since the version an editor started from, read from the audit log. */
export interface StaleChange {
  by: string;
  at: string;
  fields: { field: string; from: unknown; to: unknown }[];
}

/** Field errors keyed by their full path ("citations.0.quote"), as react-hook-form names fields. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors; stale?: boolean; changes?: StaleChange[] };

export const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });

export const refuse = (
  message: string,
  extra: { fieldErrors?: FieldErrors; stale?: boolean; changes?: StaleChange[] } = {},
): ActionResult<never> => ({ ok: false, message, ...extra });

/** The refusal's message when someone else changed the thing (a claim, a note, an account…) since it was opened. */
export const staleMessage = (what: string) =>
  `Someone else changed this ${what} after you opened it. Nothing was overwritten: reload to see their change, then try again.`;

/** The message above a form whose fields did not pass their schema. */
export const CHECK_FIELDS = "Check the highlighted fields.";

/** The one flattening of a zod error: each message under its field's full path; a form-wide issue under "form". */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A refusal for input that failed its schema. */
export const invalidInput = (error: z.ZodError): ActionResult<never> => refuse(CHECK_FIELDS, { fieldErrors: fieldErrors(error) });
