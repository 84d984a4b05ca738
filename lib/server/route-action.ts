import "server-only";
import type { z } from "zod";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { refuseNul } from "@/lib/text-input";
import { ForbiddenError, type SessionUser } from "./authorize";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { currentUser } from "./session";

/**
 * A POST route handler over the same verb a server action calls, for machine clients: JSON in, the
 * verb's ActionResult out. 201 when saved, 400 with field errors, 409 for a stale edit, 422 for
 * another refusal, 401/403 for who may not, and 503 when the database did not answer.
 */
export function routeAction<S extends z.ZodType, T>(schema: S, verb: (user: SessionUser, input: z.output<S>) => Promise<ActionResult<T>>) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return Response.json({ ok: false, error: "unauthorized", message: "Sign in first." }, { status: 401 });
      const body = await request.json().catch(() => undefined);
      const nul = refuseNul(body);
      if (nul) return Response.json({ ...nul, error: "invalid_request" }, { status: 400 });
      const input = schema.safeParse(body);
      if (!input.success) return Response.json({ ...invalidInput(input.error), error: "invalid_request" }, { status: 400 });
      const result = await verb(user, input.data);
      if (result.ok) return Response.json(result, { status: 201 });
      return Response.json({ ...result, error: result.stale ? "stale" : "refused" }, { status: result.stale ? 409 : result.fieldErrors ? 400 : 422 });
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ ok: false, error: "forbidden", message: e.message }, { status: 403 });
      if (isDatabaseUnavailable(e)) return Response.json({ ok: false, error: "unavailable", message: OUTAGE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
      throw e;
    }
  };
}
