import "server-only";
import type { z } from "zod";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { BODY_LIMIT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/request-limits";
import { refuseNul } from "@/lib/text-input";
import { ForbiddenError, type SessionUser } from "./authorize";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { currentUser } from "./session";

const TOO_LARGE = Symbol("too large");

/**
 * The request's JSON body (undefined when it is not JSON), or TOO_LARGE past the limit: read as a
 * stream and abandoned at the limit, whatever Content-Length claims.
 */
async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT_BYTES) return TOO_LARGE;
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > BODY_LIMIT_BYTES) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * A POST route handler over the same verb a server action calls, for machine clients: JSON in, the
 * verb's ActionResult out. 201 when saved, 400 with field errors, 409 for a stale edit, 422 for
 * another refusal, 401/403 for who may not, 413 for a body over the limit, and 503 when the database did not answer.
 */
export function routeAction<S extends z.ZodType, T>(schema: S, verb: (user: SessionUser, input: z.output<S>) => Promise<ActionResult<T>>) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return Response.json({ ok: false, error: "unauthorized", message: "Sign in first." }, { status: 401 });
      const body = await readJsonBody(request);
      if (body === TOO_LARGE) return Response.json({ ok: false, error: "too_large", message: TOO_LARGE_MESSAGE }, { status: 413 });
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
