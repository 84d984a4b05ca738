// A form's input over the body limit (lib/request-limits.ts): which fields can get there at all,
// and whether the form's estimate of the size matches what React sends for a server action.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, overBodyLimit } from "@/lib/request-limits";
import { MAX_FULL_TEXT, sourceSchema } from "@/lib/schemas/source";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as { encodeReply(value: unknown[]): Promise<string | FormData> };

const source = (fullText: string, notes = "Checked.") => sourceSchema.parse({ title: "A transcript", kind: "INTERVIEW", fullText, notes });

describe("the body limit of a form", () => {
  it("is out of reach of printable text: a source at every maximum, in 3-byte characters, is about 1.5 MB", () => {
    const widest = sourceSchema.parse({ title: "語".repeat(500), outlet: "語".repeat(200), kind: "INTERVIEW", fullText: "語".repeat(MAX_FULL_TEXT), notes: "語".repeat(5000) });
    expect(overBodyLimit(widest)).toBe(false);
    // Quotes, backslashes and line breaks take 2 bytes as sent, 4-byte characters count as 2 in the limit.
    expect(overBodyLimit(source(`"\\\n`.repeat(MAX_FULL_TEXT / 3)))).toBe(false);
    expect(overBodyLimit(source("💥".repeat(MAX_FULL_TEXT / 2)))).toBe(false);
  });

  it("is reached by a source's text of control characters, which the schema accepts (6 bytes each as sent)", () => {
    const text = `Start${"\u0001".repeat(360_000)}end`;
    const parsed = sourceSchema.safeParse({ title: "A transcript", kind: "INTERVIEW", fullText: text });
    expect(parsed.success).toBe(true);
    expect(overBodyLimit(parsed.data)).toBe(true);
    expect(overBodyLimit(source(`Start${"\u0001".repeat(340_000)}end`))).toBe(false);
  });

  it("is measured as React sends a server action's arguments, within a few bytes", async () => {
    // Either side of the limit: 349,500 control characters are just under it, 349,550 just over.
    const sizes: boolean[] = [];
    for (const values of [source(`Start${"\u0001".repeat(349_500)}end`), source(`Start${"\u0001".repeat(349_550)}end`), source("語".repeat(MAX_FULL_TEXT), "$1 and \"quoted\"")]) {
      const sent = await encodeReply([values]);
      expect(typeof sent).toBe("string");
      const bytes = new TextEncoder().encode(sent as string).length;
      const estimate = new TextEncoder().encode(JSON.stringify([values])).length;
      expect(Math.abs(bytes - estimate)).toBeLessThan(64);
      expect(overBodyLimit(values)).toBe(bytes > BODY_LIMIT_BYTES);
      sizes.push(bytes > BODY_LIMIT_BYTES);
    }
    expect(sizes).toEqual([false, true, false]);
  });
});
