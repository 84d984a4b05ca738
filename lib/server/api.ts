import "server-only";
import { ForbiddenError, type SessionUser } from "./authorize";
import { isDatabaseUnavailable, OUTAGE_MESSAGE } from "./outage";
import { keptAnswer } from "./page-cache";
import { currentReader } from "./session";

type Handler<C> = (request: Request, user: SessionUser, context: C) => Promise<Response>;
type Reader = NonNullable<Awaited<ReturnType<typeof currentReader>>>;

/** Wraps a route handler: 401 JSON without a session, 403 JSON when the data layer refuses the role, 503 when the database is down. */
export function withUser<C = unknown>(handler: Handler<C>) {
  return guarded<C>((request, reader, context) => handler(request, reader.user, context));
}

/**
 * withUser for a reading route whose JSON answers are kept until the next write (keptAnswer in
 * lib/server/page-cache.ts), under the data version read with the session, in the same statement.
 */
export function withUserKeptAnswer<C = unknown>(make: Handler<C>) {
  return guarded<C>((request, reader, context) => keptAnswer(request, reader.user, reader.dataVersion, () => make(request, reader.user, context)));
}

function guarded<C>(handler: (request: Request, reader: Reader, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const reader = await currentReader();
      if (!reader) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
      return await handler(request, reader, context);
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ error: "forbidden", message: e.message }, { status: 403 });
      if (isDatabaseUnavailable(e)) return Response.json({ error: "unavailable", message: OUTAGE_MESSAGE }, { status: 503, headers: { "retry-after": "5" } });
      throw e;
    }
  };
}

export { badRequest, notFoundJson } from "./api-responses";

