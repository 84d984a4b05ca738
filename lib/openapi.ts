// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes answer with
// (OpenAPI 3.1 schemas are JSON Schema 2020-12, what zod's toJSONSchema writes).
import { z } from "zod";
import { PRIVATE_REVALIDATE } from "./conditional-requests";
import {
  apiErrorSchema,
  claimListSchema,
  sheetDetailSchema,
  sheetListQuerySchema,
  sheetListSchema,
  verifiedClaimsQuerySchema,
  versionDetailSchema,
} from "./schemas/api-v1";

const json = (schema: z.ZodType, io: "input" | "output" = "output") => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => ({ name, in: "query", required: false, schema: json(field as z.ZodType, "input") }));
}

const pathParameter = (name: string, schema: Record<string, unknown>, description: string) => ({ name, in: "path", required: true, description, schema });

const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema: json(schema) } } });
const errors = {
  "401": { description: "Missing, unknown or revoked token", content: { "application/json": { schema: json(apiErrorSchema) } } },
};
/** Every answer is polled by its ETag: sent back in If-None-Match, it gets 304 and no body while the answer stands. */
const validators = {
  ETag: { description: "A digest of the answer's body", schema: { type: "string" } },
  "Cache-Control": { description: `${PRIVATE_REVALIDATE}: keep it, but ask again (If-None-Match) before each use`, schema: { type: "string" } },
};
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, description: "The ETag of an answer you hold", schema: { type: "string" } };
/** A 200 with its validators, and the 304 a client holding it gets. */
const polled = (description: string, schema: z.ZodType) => ({
  "200": { ...ok(description, schema), headers: validators },
  "304": { description: "Not modified: the answer whose ETag you sent stands as it was", headers: validators },
});
const notFound = { "404": { description: "Not found", content: { "application/json": { schema: json(apiErrorSchema) } } } };
const invalid = { "400": { description: "Invalid query", content: { "application/json": { schema: json(apiErrorSchema) } } } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Factdesk read-only API",
      version: "1",
      description:
        "Published fact sheets, their versions with their hash chain, and verified claims. Every request needs `Authorization: Bearer <token>` (an admin makes tokens at /admin/api-tokens). Poll with the ETag of the answer you hold in If-None-Match: while it stands as it was, the answer is 304 with no body.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, fdk_…" } } },
    paths: {
      "/fact-sheets": {
        get: {
          operationId: "listFactSheets",
          summary: "Published fact sheets",
          parameters: [...queryParameters(sheetListQuerySchema), ifNoneMatch],
          responses: { ...polled("One page of sheets; follow nextCursor", sheetListSchema), ...invalid, ...errors },
        },
      },
      "/fact-sheets/{id}": {
        get: {
          operationId: "getFactSheet",
          summary: "A published sheet and its versions",
          parameters: [pathParameter("id", { type: "string", format: "uuid" }, "The sheet's id"), ifNoneMatch],
          responses: { ...polled("The sheet with every version's hash chain link", sheetDetailSchema), ...errors, ...notFound },
        },
      },
      "/fact-sheets/{id}/versions/{number}": {
        get: {
          operationId: "getFactSheetVersion",
          summary: "One published version, as frozen",
          parameters: [pathParameter("id", { type: "string", format: "uuid" }, "The sheet's id"), pathParameter("number", { type: "integer", minimum: 1 }, "The version number"), ifNoneMatch],
          responses: { ...polled("The version's content (the JSON export's shape) and its hashes", versionDetailSchema), ...errors, ...notFound },
        },
      },
      "/claims": {
        get: {
          operationId: "listVerifiedClaims",
          summary: "Verified claims",
          parameters: [...queryParameters(verifiedClaimsQuerySchema), ifNoneMatch],
          responses: { ...polled("One page of verified claims; follow nextCursor", claimListSchema), ...invalid, ...errors },
        },
      },
    },
  };
}
