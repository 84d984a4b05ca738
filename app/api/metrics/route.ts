import { fieldErrors } from "@/lib/action-result";
import { metricSearchQuerySchema } from "@/lib/schemas/metric";
import { badRequest, withUser } from "@/lib/server/api";
import { searchMetrics } from "@/lib/server/metrics";

/** GET /api/metrics?q=deaths&limit=10: live metrics whose name contains q, for the claim form's picker. */
export const GET = withUser(async (request, actor) => {
  const query = metricSearchQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  const items = await searchMetrics(actor, query.data.q, query.data.limit, { exclude: query.data.exclude });
  return Response.json({ items });
});
