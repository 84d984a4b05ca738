import "server-only";
import { ForbiddenError, type SessionUser } from "./authorize";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { currentUser } from "./session";

type Handler<C> = (request: Request, user: SessionUser, context: C) => Promise<Response>;

/** Wraps a route handler: 401 JSON without a session, 403 JSON when the data layer refuses the role, 503 when the database is down. */
export function withUser<C = unknown>(handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
      return await handler(request, user, context);
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ error: "forbidden", message: e.message }, { status: 403 });
      if (isDatabaseUnavailable(e)) return Response.json({ error: "unavailable", message: OUTAGE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
      throw e;
    }
  };
}

export { badRequest, notFoundJson } from "./api-responses";

