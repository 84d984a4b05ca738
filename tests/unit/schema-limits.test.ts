import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputSchemas } from "../support/schemas";

// Every text a form or action accepts has a maximum length in its schema (and a CHECK in the
// database, tests/integration/text-limits.test.ts): found by walking every exported schema.
const dir = path.resolve(import.meta.dirname, "../../lib/schemas");

type Def = { type: string; [k: string]: unknown };
function unboundedStrings(schema: z.ZodType, at: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const walk = (s: unknown, p: string) => unboundedStrings(s as z.ZodType, p, seen);
  switch (def.type) {
    case "string": {
      // A uuid's format fixes its length; anything else needs its .max().
      const bounded = (schema as z.ZodString).maxLength !== null || def.format === "uuid";
      return bounded ? [] : [at];
    }
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => walk(v, `${at}.${k}`));
    case "array":
      return walk(def.element, `${at}[]`);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return walk(def.innerType, at);
    case "pipe":
      return walk(def.in, at);
    case "union":
    case "discriminatedUnion":
      return (def.options as unknown[]).flatMap((o, i) => walk(o, `${at}|${i}`));
    case "intersection":
      return [...walk(def.left, at), ...walk(def.right, at)];
    case "lazy":
      return walk((def.getter as () => unknown)(), at);
    default:
      return [];
  }
}

describe("every text field has a maximum length", async () => {
  for (const { file, name, schema } of await inputSchemas({ all: true })) {
    it(`${file}: ${name}`, () => {
      expect(unboundedStrings(schema, name)).toEqual([]);
    });
  }
});

// zod's compiled parsers probe `new Function`, a CSP violation in the browser: every schema module
// turns that off (lib/zod-config.ts) before it builds a schema.
describe("every schema module runs zod without eval", () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    it(file, () => {
      expect(readFileSync(path.join(dir, file), "utf8")).toMatch(/^import "@\/lib\/zod-config";$/m);
    });
  }
});
