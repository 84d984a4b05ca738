import "server-only";
import { ForbiddenError, type SessionUser } from "./authorize";
import { currentUser } from "./session";

type Handler = (request: Request, user: SessionUser) => Promise<Response>;

/** Wraps a route handler: 401 JSON without a session, 403 JSON when the data layer refuses the role. */
export function withUser(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    const user = await currentUser();
    if (!user) return Response.json({ error: "unauthorized", message: "Sign in first." }, { status: 401 });
    try {
      return await handler(request, user);
    } catch (e) {
      if (e instanceof ForbiddenError) return Response.json({ error: "forbidden", message: e.message }, { status: 403 });
      throw e;
    }
  };
}

/** 400 JSON with zod's field errors. */
export function badRequest(fieldErrors: Record<string, string[] | undefined>) {
  return Response.json({ error: "invalid_request", fieldErrors }, { status: 400 });
}
