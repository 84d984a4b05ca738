// Runs once when a server process starts (Next.js instrumentation): the workaround in lib/abort-reasons.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { letAbortReasonsGo } = await import("./lib/abort-reasons");
  letAbortReasonsGo();
}
