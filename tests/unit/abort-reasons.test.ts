import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { letAbortReasonsGo } from "@/lib/abort-reasons";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * The leak lib/abort-reasons.ts works around, without React: requests whose stores each hold an
 * AbortController aborted with an Error from inside a setImmediate, as a render's end does. The
 * first store is kept (as something long-lived keeps a recent request); how many of the others can
 * the collector free?
 */
async function storesLeftAfterRequests(n: number): Promise<number> {
  const als = new AsyncLocalStorage<{ rows: number[]; controller: AbortController }>();
  const refs: WeakRef<object>[] = [];
  let first: object | undefined;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      als.run({ rows: new Array(10_000).fill(i), controller: new AbortController() }, () => {
        const store = als.getStore()!;
        if (i === 0) first = store;
        else refs.push(new WeakRef(store));
        return new Promise<void>((done) =>
          setImmediate(() => {
            als.getStore()!.controller.abort(new Error("This render completed."));
            done();
          }),
        );
      }),
    ),
  );
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    gc();
  }
  expect(first).toBeDefined();
  return refs.filter((r) => r.deref()).length;
}

describe("abort reasons let their requests go (lib/abort-reasons.ts)", () => {
  // Runs first, before the workaround is installed in this file's worker: the chain this Node forms.
  it("without the workaround, the kept request keeps the others alive", async () => {
    expect(await storesLeftAfterRequests(50)).toBeGreaterThan(40);
  });

  it("keeps no other request's store alive through an abort reason's stack", async () => {
    letAbortReasonsGo();
    expect(await storesLeftAfterRequests(50)).toBe(0);
  });

  it("leaves the reason and its stack as they were, and a reason-less abort an AbortError", () => {
    letAbortReasonsGo();
    letAbortReasonsGo(); // once is enough; twice changes nothing
    const controller = new AbortController();
    const reason = new Error("stop");
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(reason.stack).toMatch(/^Error: stop\n\s+at /);
    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
    expect((plain.signal.reason as DOMException).name).toBe("AbortError");
    expect(() => plain.signal.throwIfAborted()).toThrow("This operation was aborted");
    expect(AbortController.prototype.abort.length).toBe(0);
    // A reason whose stack getter throws still aborts, as the native abort() would.
    const odd = new AbortController();
    const strange = Object.defineProperty({}, "stack", { get: () => { throw new Error("no stack"); } });
    odd.abort(strange);
    expect(odd.signal.reason).toBe(strange);
  });
});
