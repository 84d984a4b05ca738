import { describe, expect, it } from "vitest";
import { entityTag, heldAlready } from "@/lib/conditional-requests";

describe("an answer's entity tag", () => {
  const body = Buffer.from(JSON.stringify({ items: [{ id: "c1" }], nextCursor: null }));
  const etag = entityTag(body);
  const asked = (ifNoneMatch: string | null) => heldAlready(ifNoneMatch, etag);

  it("is a quoted digest of the body: the same for the same bytes, another for others", () => {
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag(Buffer.from(body))).toBe(etag);
    expect(entityTag(Buffer.from(JSON.stringify({ items: [{ id: "c2" }], nextCursor: null })))).not.toBe(etag);
    expect(entityTag(Buffer.alloc(0))).not.toBe(etag);
  });

  it("is held already when If-None-Match names it, alone, in a list, weak, or as *", () => {
    expect(asked(etag)).toBe(true);
    expect(asked(`"other", ${etag}`)).toBe(true);
    expect(asked(`"other",${etag}`)).toBe(true);
    expect(asked(`W/${etag}`)).toBe(true);
    expect(asked("*")).toBe(true);
  });

  it("is not held without If-None-Match, or with other tags", () => {
    expect(asked(null)).toBe(false);
    expect(asked("")).toBe(false);
    expect(asked('"other"')).toBe(false);
    expect(asked(`${etag.slice(0, -2)}"`)).toBe(false);
    expect(asked(etag.slice(1, -1))).toBe(false); // unquoted
  });
});
