import { fieldErrors } from "@/lib/action-result";
import { userListQuerySchema } from "@/lib/schemas/accounts";
import { badRequest, withUser } from "@/lib/server/api";
import { listUsers } from "@/lib/server/users";

/** GET /api/users: the accounts, for admins only (the data layer refuses other roles with 403). */
export const GET = withUser(async (request, actor) => {
  const query = userListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(fieldErrors(query.error));
  return Response.json(await listUsers(actor, query.data));
});
