import { describe, expect, it } from "vitest";
import { loginSchema } from "@/lib/schemas/auth";
import { can } from "@/lib/permissions";
import { decodeCursor, encodeCursor, pageQuerySchema } from "@/lib/pagination";

describe("loginSchema", () => {
  it("normalises the email so sign-in is case-insensitive", () => {
    expect(loginSchema.parse({ email: "  Editor@FactDesk.test ", password: "x" }).email).toBe("editor@factdesk.test");
  });
  it("names each missing or broken field", () => {
    const result = loginSchema.safeParse({ email: "nope", password: "" });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors;
    expect(errors.email).toEqual(["Enter a valid email address, like name@example.org."]);
    expect(errors.password).toEqual(["Enter your password."]);
  });
});

describe("can", () => {
  it("lets reviewers read and comment but never edit or change status", () => {
    expect(can("REVIEWER", "claims:read")).toBe(true);
    expect(can("REVIEWER", "comments:write")).toBe(true);
    expect(can("REVIEWER", "claims:write")).toBe(false);
    expect(can("REVIEWER", "claims:change-status")).toBe(false);
  });
  it("keeps retraction and account management for admins", () => {
    expect(can("EDITOR", "claims:retract")).toBe(false);
    expect(can("EDITOR", "users:manage")).toBe(false);
    expect(can("ADMIN", "claims:retract")).toBe(true);
    expect(can("ADMIN", "users:manage")).toBe(true);
  });
});

describe("keyset cursors", () => {
  it("round-trip", () => {
    const cursor = { createdAt: new Date("2026-11-23T12:00:00.123Z"), id: "0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
  it("refuse anything that is not one of ours", () => {
    expect(decodeCursor("nonsense")).toBeUndefined();
    expect(decodeCursor(Buffer.from(JSON.stringify(["x", "y"])).toString("base64url"))).toBeUndefined();
    expect(pageQuerySchema.safeParse({ cursor: "nonsense" }).success).toBe(false);
    const yearZero = Buffer.from(JSON.stringify(["0000-01-01T00:00:00Z", "0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"])).toString("base64url");
    expect(decodeCursor(yearZero)).toBeUndefined();
  });
  it("cap the page size", () => {
    expect(pageQuerySchema.parse({}).limit).toBe(50);
    expect(pageQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});
