// Every zod schema lib/schemas (and lib/pagination.ts, the list queries) exports, found by walking
// the modules, for the tests that must cover each one (the length limits, the fast-check
// properties): a new schema cannot be missed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const lib = path.resolve(import.meta.dirname, "../../lib");
const MODULES = [
  ...readdirSync(path.join(lib, "schemas"))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => `schemas/${f}`),
  "pagination.ts",
];

/** What the API sends, not what anyone may send it: described for clients, never parsed from input. */
export const RESPONSE_SCHEMAS = new Set(["apiErrorSchema", "versionSummarySchema", "sheetSummarySchema", "sheetListSchema", "sheetDetailSchema", "versionDetailSchema", "claimItemSchema", "claimListSchema"]);

export interface FoundSchema {
  file: string;
  name: string;
  schema: z.ZodType;
}

/** Every exported schema that parses input: `all` includes the field shapes (`quote`, `day`…) besides the `…Schema` exports. */
export async function inputSchemas(options: { all?: boolean } = {}): Promise<FoundSchema[]> {
  const found: FoundSchema[] = [];
  for (const file of MODULES) {
    const mod = (await import(path.join(lib, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!(value instanceof z.ZodType) || RESPONSE_SCHEMAS.has(name)) continue;
      if (options.all || name.endsWith("Schema")) found.push({ file, name, schema: value });
    }
  }
  return found;
}
