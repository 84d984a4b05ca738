// Every zod schema lib/schemas exports, found by walking its modules, for the tests that must
// cover each one (the length limits, the fast-check properties): a new schema cannot be missed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const dir = path.resolve(import.meta.dirname, "../../lib/schemas");

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
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!(value instanceof z.ZodType) || RESPONSE_SCHEMAS.has(name)) continue;
      if (options.all || name.endsWith("Schema")) found.push({ file, name, schema: value });
    }
  }
  return found;
}
