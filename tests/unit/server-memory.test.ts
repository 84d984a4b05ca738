// The memory settings every production server starts with (scripts/lib/next-app.ts): V8's old space
// and young generation held, and glibc's malloc kept to two arenas; each can be set by its variable.
import { describe, expect, it } from "vitest";
import { serverEnv as envOf, serverNodeFlags as flagsOf } from "../../scripts/lib/next-app";

const serverNodeFlags = (env: Record<string, string>) => flagsOf(env as NodeJS.ProcessEnv);
const serverEnv = (env: Record<string, string>) => envOf(env as NodeJS.ProcessEnv);

describe("a production server's memory settings", () => {
  it("hold V8's heap: 256 MB of old space, 8 MB a semi-space, unless set", () => {
    expect(serverNodeFlags({})).toEqual(["--max-old-space-size=256", "--max-semi-space-size=8"]);
    expect(serverNodeFlags({ FACTDESK_MAX_OLD_SPACE_MB: "512", FACTDESK_SEMI_SPACE_MB: "16" })).toEqual(["--max-old-space-size=512", "--max-semi-space-size=16"]);
  });
  it("keep malloc to two arenas unless the caller says otherwise, passing the rest on", () => {
    expect(serverEnv({ DATABASE_URL: "postgresql://app@db/factdesk" })).toEqual({ MALLOC_ARENA_MAX: "2", DATABASE_URL: "postgresql://app@db/factdesk" });
    expect(serverEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });
});
