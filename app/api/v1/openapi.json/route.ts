import { openApiDocument } from "@/lib/openapi";
import { appBaseUrl } from "@/lib/server/app-url";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas (no token needed). */
export async function GET() {
  return Response.json(openApiDocument(await appBaseUrl()));
}
