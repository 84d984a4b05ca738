import "server-only";
import { ForbiddenError, type SessionUser } from "./authorize";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { currentUser } from "./session";

type Handler = (request: Request, user: SessionUser) => Promise<Response>;

/** Wraps a route handler: 401 JSON without a session, 403 JSON when the data layer refuses the role, 503 when the database is down. */
export function withUser(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
      return await handler(request, user);
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ error: "forbidden", message: e.message }, { status: 403 });
      if (isDatabaseUnavailable(e)) return Response.json({ error: "unavailable", message: OUTAGE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
      throw e;
    }
  };
}

/** 400 JSON with zod's field errors. */
export function badRequest(fieldErrors: Record<string, string[] | undefined>) {
  return Response.json({ error: "invalid_request", fieldErrors }, { status: 400 });
}
