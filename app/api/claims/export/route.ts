import { z } from "zod";
import { CLAIM_LIST_FORMATS } from "@/lib/exports/claims-list";
import { contentDisposition } from "@/lib/exports/formats";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { badRequest, withUser } from "@/lib/server/api";
import { authorize } from "@/lib/server/authorize";
import { streamClaims } from "@/lib/server/claims-export";

const exportQuerySchema = claimFiltersSchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(CLAIM_LIST_FORMATS, { error: "format must be csv or json." }),
});

const TYPES = { csv: "text/csv; charset=utf-8; header=present", json: "application/json; charset=utf-8" } as const;

/** GET /api/claims/export?format=csv|json&<the /claims filters>: every claim of the view, streamed. */
export const GET = withUser(async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = exportQuerySchema.safeParse(params);
  if (!query.success) return badRequest(query.error.flatten().fieldErrors);
  authorize(actor, "claims:read");
  const { format, ...filters } = query.data;
  const name = `claims-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(streamClaims(actor, { ...filters, limit: 1 }, format), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": contentDisposition(name),
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
