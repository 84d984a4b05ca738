import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invalidInput, refuse, type ActionResult } from "@/lib/action-result";
import { refuseNul } from "@/lib/text-input";
import { ForbiddenError, type SessionUser } from "./authorize";
import { requireUser } from "./session";

/** A path to revalidate after a change; a dynamic route pattern ("/claims/[id]") with its type. */
export type RevalidateTarget = string | { path: string; type: "page" | "layout" };

/**
 * The one body of every server action: find the signed-in user, parse the input with the form's
 * own schema (bad input comes back as field errors by full path and changes nothing), run the
 * data-access verb (which authorizes and writes in one transaction), and on success revalidate the
 * paths the verb's result names. A refused role comes back as a message, not an error page.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  values: unknown,
  verb: (user: SessionUser, input: z.output<S>) => Promise<ActionResult<T>>,
  revalidate?: (value: T, input: z.output<S>) => readonly RevalidateTarget[],
): Promise<ActionResult<T>> {
  const user = await requireUser();
  const nul = refuseNul(values);
  if (nul) return nul;
  const input = schema.safeParse(values);
  if (!input.success) return invalidInput(input.error);
  let result: ActionResult<T>;
  try {
    result = await verb(user, input.data);
  } catch (e) {
    if (e instanceof ForbiddenError) return refuse(e.message);
    throw e;
  }
  if (result.ok && revalidate) {
    for (const target of revalidate(result.value, input.data)) {
      if (typeof target === "string") revalidatePath(target);
      else revalidatePath(target.path, target.type);
    }
  }
  return result;
}
