import "server-only";
import { authenticateApiToken, type ApiClient } from "./api-tokens";
import { keptAnswer } from "./page-cache";

/**
 * Wraps a /api/v1 route handler: 401 JSON (with `WWW-Authenticate: Bearer`) unless the request
 * carries a live API token; the handler reads as the token's client, with a reviewer's rights.
 */
function withApiToken<C = unknown>(handler: (request: Request, client: ApiClient, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const client = await authenticateApiToken(request.headers.get("authorization"));
    if (!client) {
      return Response.json(
        { error: "unauthorized", message: "Send a live API token: Authorization: Bearer fdk_…" },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="factdesk"' } },
      );
    }
    return handler(request, client, context);
  };
}

/**
 * withApiToken for a reading route: its JSON answers are kept until the next write and carry an
 * ETag, 304 to a client whose If-None-Match names it (keptAnswer in lib/server/page-cache.ts). The
 * token is checked first: a revoked one gets 401, never a kept answer or a 304.
 */
export function withApiTokenKeptAnswer<C = unknown>(make: (request: Request, client: ApiClient, context: C) => Promise<Response>) {
  return withApiToken<C>((request, client, context) => keptAnswer(request, client.actor, null, () => make(request, client, context)));
}
