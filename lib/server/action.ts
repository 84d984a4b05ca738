import "server-only";
import type { z } from "zod";
import type { Actor } from "./authorize";
import { asAction, type ActionResult } from "./mutations";
import { requireUser } from "./session";

/**
 * What every server action does before its verb: find the signed-in user, parse the input with
 * the form's own schema (bad input comes back as field errors and changes nothing), then run the
 * data-access verb, which authorizes and writes in one transaction.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  values: unknown,
  verb: (actor: Actor, input: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const actor = await requireUser();
  const input = schema.safeParse(values);
  if (!input.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of input.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  return asAction(() => verb(actor, input.data));
}
