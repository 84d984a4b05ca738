import "server-only";
import { authenticateApiToken, type ApiClient } from "./api-tokens";

/**
 * Wraps a /api/v1 route handler: 401 JSON (with `WWW-Authenticate: Bearer`) unless the request
 * carries a live API token; the handler reads as the token's client, with a reviewer's rights.
 */
export function withApiToken<C = unknown>(handler: (request: Request, client: ApiClient, context: C) => Promise<Response>) {
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
