// A workaround for a memory leak in React's and Next.js's server rendering (react/react#37288,
// vercel/next.js#97434, #84648), until a release we run fixes it.
//
// Every render aborts its controllers when it ends, from inside a setImmediate callback. The reason
// (an Error) keeps its stack as V8's structured frames until someone reads `.stack`, and a frame
// keeps the object it ran on: the Immediate. An Immediate keeps the AsyncLocalStorage store of the
// request that scheduled it, and the Immediates of one batch stay linked to each other. So each
// render's whole store (its rows, its React trees) is kept alive by the next one's abort reason, and
// under concurrent renders the chain grows without end: next-server's live heap rose by about 20 MB
// every sixty renders of the 500-figure metric timeline at 20 connections, and it died at its
// 256 MB limit after four to six rounds (4 Dec).
//
// Reading the reason's `stack` when it is aborted turns the frames into a string, which keeps
// nothing. Stack traces stay as they were; only their frames' objects are let go.
const PATCHED = Symbol.for("factdesk.abortReasonStacks");

/** Makes every AbortController.abort() whose reason is an object (a reason-less one gets an AbortError) keep that reason's stack as text only. Idempotent. */
export function letAbortReasonsGo(): void {
  const proto = AbortController.prototype as AbortController & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const native = proto.abort;
  proto.abort = function abort(this: AbortController, ...[reason]: [reason?: unknown]) {
    const why = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
    try {
      // Any object's: an Error from another realm fails instanceof Error.
      if (why !== null && typeof why === "object") void (why as { stack?: unknown }).stack;
    } catch {
      // a stack getter that throws: abort as the native one would
    }
    return native.call(this, why);
  };
  proto[PATCHED] = true;
}
