import { fieldErrors } from "@/lib/action-result";
import { z } from "zod";
import { nameSearchSchema } from "@/lib/schemas/common";
import { badRequest, withUser } from "@/lib/server/api";
import { searchMetrics } from "@/lib/server/metrics";

const querySchema = nameSearchSchema.extend({ exclude: z.uuid("exclude must be a metric id.").optional() });

/** GET /api/metrics?q=deaths&limit=10: live metrics whose name contains q, for the claim form's picker. */
export const GET = withUser(async (request, actor) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  const items = await searchMetrics(actor, query.data.q, query.data.limit, { exclude: query.data.exclude });
  return Response.json({ items });
});
