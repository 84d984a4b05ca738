import { describe, expect, it } from "vitest";
import { preparedStatementName } from "@/prisma/client";

describe("which statements are prepared", () => {
  it("names a raw statement that opens with its comment, and no other", () => {
    expect(preparedStatementName("/* prepared: claim_detail */\n    SELECT 1")).toBe("claim_detail");
    expect(preparedStatementName("\n  /* prepared: session_user */ SELECT 1")).toBe("session_user");
    // Prisma's own statements, and a comment further in, stay unnamed: planned anew for their parameters.
    expect(preparedStatementName(`SELECT "public"."claims"."id" FROM "public"."claims" WHERE "id" = $1`)).toBe("");
    expect(preparedStatementName("SELECT 1 /* prepared: late */")).toBe("");
    expect(preparedStatementName("/* prepared: Bad-Name */ SELECT 1")).toBe("");
  });
});
