// How large a request body may be: a source's full text (500,000 characters) is the largest field.
// Server actions get the same limit from next.config.ts; route handlers read bodies through
// readJsonBody (lib/server/route-action.ts).
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
export const BODY_LIMIT_LABEL = "2 MB";
