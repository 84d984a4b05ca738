import { fieldErrors } from "@/lib/action-result";
import { claimFiltersSchema } from "@/lib/schemas/claim-filters";
import { badRequest, withUser } from "@/lib/server/api";
import { listClaims } from "@/lib/server/claims";

/**
 * GET /api/claims?limit=50&cursor=…&q=…&status=…&kind=…&tag=…&metric=…&source=…&assignee=me|none|<id>&conflict=open&sort=newest|oldest|updated
 * The same filters as the /claims page; follow `nextCursor` for the next page.
 */
export const GET = withUser(async (request, actor) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = claimFiltersSchema.safeParse(params);
  if (!query.success) return badRequest(fieldErrors(query.error));
  const page = await listClaims(actor, query.data);
  return Response.json({
    items: page.items.map((c) => ({
      id: c.id,
      statement: c.statement,
      kind: c.kind,
      status: c.status,
      sourceCount: c.sourceCount,
      metric: c.metric,
      assignee: c.assignee,
      hasOpenConflict: c.hasOpenConflict,
      value: {
        low: c.valueLow?.toString() ?? null,
        high: c.valueHigh?.toString() ?? null,
        best: c.valueBest?.toString() ?? null,
        unit: c.unit,
        ratePeriod: c.ratePeriod,
        asOf: c.asOf,
        asOfPrecision: c.asOfPrecision,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        eventDate: c.eventDate,
        eventDatePrecision: c.eventDatePrecision,
      },
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    })),
    nextCursor: page.nextCursor,
  });
});
