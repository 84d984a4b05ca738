import { fieldErrors } from "@/lib/action-result";
import { z } from "zod";
import { badRequest, withUser } from "@/lib/server/api";
import { listUsers } from "@/lib/server/users";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(254).optional(),
});

/** GET /api/users: the accounts, for admins only (the data layer refuses other roles with 403). */
export const GET = withUser(async (request, actor) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  return Response.json(await listUsers(actor, query.data));
});
