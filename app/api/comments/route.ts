import { commentSchema } from "@/lib/schemas/workflow";
import { addComment } from "@/lib/server/comments";
import { routeAction } from "@/lib/server/route-action";

/** POST /api/comments: comments on a claim, or replies (`parentId`); 201 with its id. */
export const POST = routeAction(commentSchema, addComment);
