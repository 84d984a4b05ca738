import { describe, expect, it } from "vitest";
import { isUuid, newId } from "@/lib/ids";

describe("newId", () => {
  it("makes version-7 UUIDs that PostgreSQL takes, each new, sorting in the order they were made", () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7");
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
