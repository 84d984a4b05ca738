import "server-only";
import { ForbiddenError, type Actor } from "./authorize";
import { currentUser } from "./session";

type Handler<C> = (request: Request, actor: Actor, context: C) => Promise<Response>;

/** Wraps a route handler: 401 JSON without a session, 403 JSON when the data layer refuses the role. */
export function withUser<C = unknown>(handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const actor = await currentUser();
    if (!actor) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
    try {
      return await handler(request, actor, context);
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ error: "forbidden", message: e.message }, { status: 403 });
      throw e;
    }
  };
}

export { badRequest, notFoundJson } from "./api-responses";

