import { describe, expect, it } from "vitest";
import { jsonDate, jsonDateOrNull } from "@/lib/json-rows";

describe("times read back from JSON", () => {
  it("are the instants Prisma reads: timestamps with their offset, dates at UTC midnight, null kept", () => {
    expect(jsonDate("2026-12-04T14:06:19.123+00:00").toISOString()).toBe("2026-12-04T14:06:19.123Z");
    expect(jsonDate("2026-12-04T19:51:19.123+05:45").toISOString()).toBe("2026-12-04T14:06:19.123Z");
    expect(jsonDateOrNull("2022-08-15")?.toISOString()).toBe("2022-08-15T00:00:00.000Z");
    expect(jsonDateOrNull(null)).toBeNull();
  });
});
