// Runs once when a server process starts (Next.js instrumentation), before it serves: the
// workarounds in lib/abort-reasons.ts (a memory leak) and lib/encoded-answers.ts (a kept page's own
// gzip passed through Next.js).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { letAbortReasonsGo } = await import("./lib/abort-reasons");
  letAbortReasonsGo();
  const { letEncodedAnswersThrough } = await import("./lib/encoded-answers");
  letEncodedAnswersThrough();
}
