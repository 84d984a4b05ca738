import "server-only";
import type { z } from "zod";
import { ForbiddenError, type Actor } from "./authorize";
import type { ActionResult } from "./mutations";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { currentUser } from "./session";

/**
 * A POST route handler over the same verb a server action calls, for machine clients: JSON in, the
 * verb's ActionResult out. 201 when saved, 400 with field errors, 409 for a stale edit, 422 for
 * another refusal, 401/403 for who may not, and 503 when the database did not answer.
 */
export function routeAction<S extends z.ZodType, T>(schema: S, verb: (actor: Actor, input: z.output<S>) => Promise<ActionResult<T>>) {
  return async (request: Request): Promise<Response> => {
    try {
      const actor = await currentUser();
      if (!actor) return Response.json({ ok: false, error: "unauthorized", message: "Sign in first." }, { status: 401 });
      const body = await request.json().catch(() => undefined);
      const input = schema.safeParse(body);
      if (!input.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of input.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
        return Response.json({ ok: false, error: "invalid_request", message: "Check the fields.", fieldErrors }, { status: 400 });
      }
      const result = await verb(actor, input.data);
      if (result.ok) return Response.json(result, { status: 201 });
      return Response.json({ ...result, error: result.stale ? "stale" : "refused" }, { status: result.stale ? 409 : result.fieldErrors ? 400 : 422 });
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ ok: false, error: "forbidden", message: e.message }, { status: 403 });
      if (isDatabaseUnavailable(e)) return Response.json({ ok: false, error: "unavailable", message: OUTAGE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
      throw e;
    }
  };
}
