import "server-only";

/** 400 JSON with zod's field errors. */
export function badRequest(fieldErrors: Record<string, string[] | undefined>) {
  return Response.json({ error: "invalid_request", fieldErrors }, { status: 400 });
}

/** 404 JSON. */
export const notFoundJson = (message = "Not found.") => Response.json({ error: "not_found", message }, { status: 404 });
