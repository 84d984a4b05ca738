import { citationSchema } from "@/lib/schemas/citation";
import { createCitation } from "@/lib/server/citations";
import { routeAction } from "@/lib/server/route-action";

/** POST /api/citations: cites a source for a claim (the citation form's fields, with `claimVersion`); 201 with its id and the claim's new version. */
export const POST = routeAction(citationSchema, createCitation);
