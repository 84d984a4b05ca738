import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/passwords";
import { ForbiddenError } from "@/lib/server/authorize";
import { getClaim, listClaims } from "@/lib/server/claims";
import { findActiveUser, listUsers, verifyCredentials } from "@/lib/server/users";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("data access", () => {
  const { db, actor } = useMigratedDatabase();

  it("verifies credentials with argon2id, case-insensitively by email", async () => {
    await seedDatabase(db());
    expect(await verifyCredentials({ email: "Editor@Factdesk.test", password: "editor-demo-password" })).toMatchObject({ email: "editor@factdesk.test" });
    expect(await verifyCredentials({ email: "editor@factdesk.test", password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@factdesk.test", password: "editor-demo-password" })).toBeNull();
    expect(await verifyCredentials({ email: "not-an-email", password: "x" })).toBeNull();
  });

  it("shuts out a disabled account at sign-in and on its next request", async () => {
    const user = await db().user.create({
      data: { email: "gone@factdesk.test", name: "Gone", role: "EDITOR", passwordHash: await hashPassword("pw-123456"), disabledAt: new Date() },
    });
    expect(await verifyCredentials({ email: "gone@factdesk.test", password: "pw-123456" })).toBeNull();
    expect(await findActiveUser(user.id)).toBeNull();
  });

  it("lets only admins list accounts", async () => {
    await expect(listUsers(await actor("editor@factdesk.test"), { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(await actor("reviewer@factdesk.test"), { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    const page = await listUsers(await actor("admin@factdesk.test"), { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).not.toHaveProperty("passwordHash");
    expect(page.nextCursor).toBe(page.items[1]!.email);
  });

  it("pages through claims by keyset with no row missed or repeated, even on equal timestamps", async () => {
    const editor = await actor("editor@factdesk.test");
    const sameInstant = new Date("2026-01-01T00:00:00Z");
    await db().claim.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ statement: `Bulk claim ${i}`, kind: "EVENT" as const, createdById: editor.id, createdAt: sameInstant })),
    });
    const total = await db().claim.count();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listClaims(editor, { limit: 25, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 25));
  });

  it("counts distinct sources per claim and serves reviewers too", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    const first = await listClaims(reviewer, { limit: 100 });
    const recognising = first.items.find((c) => c.id === seedId("claim", "recognising-countries"));
    expect(recognising?.sourceCount).toBe(2);
    const content = first.items.find((c) => c.id === seedId("claim", "nk-gets-nothing"));
    expect(content?.sourceCount).toBe(0);
  });

  it("returns a claim with its citations, ordered chains and status history", async () => {
    const claim = await getClaim(await actor("reviewer@factdesk.test"), seedId("claim", "korotchenko-volunteers"));
    expect(claim?.speaker?.name).toBe("Igor Korotchenko");
    expect(claim?.contentClaim?.id).toBe(seedId("claim", "nk-volunteers"));
    expect(claim?.citations[0]?.chain.map((l) => l.position)).toEqual([0, 1, 2, 3]);
    expect(claim?.statusChanges.map((s) => s.toStatus)).toEqual(["UNVERIFIED"]);
    expect(await getClaim(await actor("reviewer@factdesk.test"), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
