// How large a request body may be: a source's full text (500,000 characters) is the largest field.
// Server actions get the same limit from next.config.ts; route handlers read bodies through
// readJsonBody (lib/server/route-action.ts); forms check before sending (useActionForm), since
// Next answers an action over the limit with an error the browser only sees as a failure.
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
export const BODY_LIMIT_LABEL = "2 MB";
export const TOO_LARGE_MESSAGE = `The request is larger than ${BODY_LIMIT_LABEL}: nothing was saved.`;

/**
 * Whether a server action's arguments would be over the limit as sent: React sends plain values as
 * JSON in UTF-8 (a control character takes 6 bytes as `\u0001`, a CJK character 3), with a few bytes
 * more for `undefined`s and strings starting with `$`.
 */
export function overBodyLimit(...args: unknown[]): boolean {
  return new TextEncoder().encode(JSON.stringify(args)).length > BODY_LIMIT_BYTES;
}
