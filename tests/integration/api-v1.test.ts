import { describe, expect, it } from "vitest";
import { GET as getClaims } from "@/app/api/v1/claims/route";
import { GET as getSheet } from "@/app/api/v1/fact-sheets/[id]/route";
import { GET as getVersionRoute } from "@/app/api/v1/fact-sheets/[id]/versions/[number]/route";
import { GET as listSheets } from "@/app/api/v1/fact-sheets/route";
import { toVersionExport } from "@/lib/exports/json";
import { openApiDocument } from "@/lib/openapi";
import { claimListSchema, sheetDetailSchema, sheetListSchema, versionDetailSchema } from "@/lib/schemas/api-v1";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { ForbiddenError } from "@/lib/server/authorize";
import { openPublicLink } from "@/lib/server/fact-sheet-links";
import { publishNext } from "@/scripts/lib/newsroom";
import { seedDatabase } from "@/seeds/load";
import { seedPublication } from "@/seeds/publication";
import { useMigratedDatabase } from "../support/database";

const URL_BASE = "http://factdesk.test/api/v1";
const request = (path: string, token?: string) => new Request(`${URL_BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

describe("read-only API /api/v1", () => {
  const { db, actor } = useMigratedDatabase();
  let token = "";
  let sheetId = "";
  let publicToken = "";

  it("admins make tokens, shown once and stored hashed; reviewers and editors cannot", async () => {
    await seedDatabase(db());
    ({ sheetId, token: publicToken } = (await seedPublication(db())) as { sheetId: string; token: string });
    await expect(createApiToken(await actor("reviewer@factdesk.test"), { name: "Reviewer's script" })).rejects.toThrow(ForbiddenError);
    await expect(createApiToken(await actor("editor@factdesk.test"), { name: "Editor's script" })).rejects.toThrow(ForbiddenError);
    const made = await createApiToken(await actor("admin@factdesk.test"), { name: "Graphics desk" });
    if (!made.ok) throw new Error(made.message);
    token = made.value.token;
    expect(token).toMatch(/^fdk_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: made.value.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastUsedAt).toBeNull();
    expect(await db().auditLog.count({ where: { entityType: "ApiToken", entityId: row.id, action: "api-token.create" } })).toBe(1);
  });

  it("answers 401 to a missing or wrong token, 200 to a live one, and records its last use", async () => {
    for (const bad of [undefined, "fdk_" + "x".repeat(43), token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "not-even-a-token"]) {
      const response = await listSheets(request("/fact-sheets", bad), params({}));
      expect(response.status, String(bad)).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toContain("Bearer");
      expect((await response.json()).error).toBe("unauthorized");
    }
    const response = await listSheets(request("/fact-sheets", token), params({}));
    expect(response.status).toBe(200);
    const body = sheetListSchema.parse(await response.json());
    const version = (await openPublicLink(publicToken))!;
    expect(body.items).toEqual([{ id: sheetId, slug: version.content.slug, title: version.content.title, latestVersion: { number: 1, publishedAt: version.publishedAt.toISOString(), contentHash: version.contentHash } }]);
    expect((await db().apiToken.findFirstOrThrow()).lastUsedAt).not.toBeNull();
  });

  it("gives a sheet's versions with their hashes, and a version in the JSON export's shape", async () => {
    const version = (await openPublicLink(publicToken))!;
    const sheet = sheetDetailSchema.parse(await (await getSheet(request(`/fact-sheets/${sheetId}`, token), params({ id: sheetId }))).json());
    expect(sheet.versions).toEqual([expect.objectContaining({ number: 1, contentHash: version.contentHash, previousHash: null })]);
    const one = await getVersionRoute(request(`/fact-sheets/${sheetId}/versions/1`, token), params({ id: sheetId, number: "1" }));
    expect(one.status).toBe(200);
    expect(versionDetailSchema.parse(await one.json())).toEqual({ ...toVersionExport(version.content), contentHash: version.contentHash, previousHash: null });
    expect((await getVersionRoute(request(`/fact-sheets/${sheetId}/versions/9`, token), params({ id: sheetId, number: "9" }))).status).toBe(404);
    expect((await getSheet(request(`/fact-sheets/x`, token), params({ id: "x" }))).status).toBe(404);
  });

  it("lists verified claims only, in keyset pages, without internal assignments", async () => {
    const verified = await db().claim.count({ where: { status: "VERIFIED" } });
    expect(verified).toBeGreaterThan(1);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await getClaims(request(`/claims?limit=1${cursor ? `&cursor=${cursor}` : ""}`, token), params({}));
      const raw = await response.json();
      const page = claimListSchema.parse(raw);
      expect(page.items.every((c) => c.status === "VERIFIED")).toBe(true);
      expect(raw.items.every((c: object) => !("assignee" in c))).toBe(true);
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(verified);
    expect((await getClaims(request("/claims?limit=1000", token), params({}))).status).toBe(400);
  });

  it("tags every reading route's answer, and answers 304 with no body to a client holding it", async () => {
    const asks: [string, (r: Request) => Promise<Response>][] = [
      ["/fact-sheets", (r) => listSheets(r, params({}))],
      [`/fact-sheets/${sheetId}`, (r) => getSheet(r, params({ id: sheetId }))],
      [`/fact-sheets/${sheetId}/versions/1`, (r) => getVersionRoute(r, params({ id: sheetId, number: "1" }))],
      ["/claims?limit=2", (r) => getClaims(r, params({}))],
    ];
    for (const [path, get] of asks) {
      const whole = await get(request(path, token));
      const etag = whole.headers.get("etag");
      expect([whole.status, etag, whole.headers.get("cache-control")], path).toEqual([200, expect.stringMatching(/^"[A-Za-z0-9_-]{27}"$/), "private, no-cache"]);
      const held = await get(new Request(`${URL_BASE}${path}`, { headers: { Authorization: `Bearer ${token}`, "If-None-Match": etag! } }));
      expect([held.status, held.headers.get("etag"), held.body], path).toEqual([304, etag, null]);
    }
    // A not-found answer is no answer to hold.
    const missing = await getVersionRoute(new Request(`${URL_BASE}/fact-sheets/${sheetId}/versions/9`, { headers: { Authorization: `Bearer ${token}`, "If-None-Match": "*" } }), params({ id: sheetId, number: "9" }));
    expect([missing.status, missing.headers.get("etag")]).toEqual([404, null]);
  });

  it("keeps a sheet's answer, and gives a poller holding its tag the new version once one is published; a version's own tag still stands", async () => {
    const ask = (path: string, get: (r: Request) => Promise<Response>, etag?: string) =>
      get(new Request(`${URL_BASE}${path}`, { headers: { Authorization: `Bearer ${token}`, ...(etag ? { "If-None-Match": etag } : {}) } }));
    const sheet = (r: Request) => getSheet(r, params({ id: sheetId }));
    const list = (r: Request) => listSheets(r, params({}));
    const first = (r: Request) => getVersionRoute(r, params({ id: sheetId, number: "1" }));
    const sheetTag = (await ask(`/fact-sheets/${sheetId}`, sheet)).headers.get("etag")!;
    await ask(`/fact-sheets/${sheetId}`, sheet); // the second ask makes it to keep
    expect((await ask(`/fact-sheets/${sheetId}`, sheet)).headers.get("x-factdesk-cache")).toBe("hit");
    const listTag = (await ask("/fact-sheets", list)).headers.get("etag")!;
    const versionTag = (await ask(`/fact-sheets/${sheetId}/versions/1`, first)).headers.get("etag")!;

    await publishNext(db(), await actor("editor@factdesk.test"), sheetId, 1);
    const republished = await ask(`/fact-sheets/${sheetId}`, sheet, sheetTag);
    expect(republished.status).toBe(200);
    expect(republished.headers.get("etag")).not.toBe(sheetTag);
    expect(sheetDetailSchema.parse(await republished.json()).versions.map((v) => v.number)).toEqual([2, 1]);
    const listed = await ask("/fact-sheets", list, listTag);
    expect(listed.status).toBe(200);
    expect(sheetListSchema.parse(await listed.json()).items.map((s) => s.latestVersion.number)).toEqual([2]);
    expect((await ask(`/fact-sheets/${sheetId}/versions/1`, first, versionTag)).status).toBe(304); // frozen
  });

  it("answers 401 once the token is revoked", async () => {
    const row = await db().apiToken.findFirstOrThrow();
    const revoked = await revokeApiToken(await actor("admin@factdesk.test"), { tokenId: row.id });
    expect(revoked.ok).toBe(true);
    for (const path of ["/fact-sheets", "/claims"]) {
      const handler = path === "/claims" ? getClaims : listSheets;
      expect((await handler(request(path, token), params({}))).status).toBe(401);
    }
    expect((await getVersionRoute(request(`/fact-sheets/${sheetId}/versions/1`, token), params({ id: sheetId, number: "1" }))).status).toBe(401);
    // Nor a 304 for an answer its client held.
    const held = new Request(`${URL_BASE}/fact-sheets/${sheetId}/versions/1`, { headers: { Authorization: `Bearer ${token}`, "If-None-Match": "*" } });
    expect((await getVersionRoute(held, params({ id: sheetId, number: "1" }))).status).toBe(401);
    expect((await revokeApiToken(await actor("admin@factdesk.test"), { tokenId: row.id })).ok).toBe(false);
  });

  it("describes itself in an OpenAPI 3.1 document made from the same schemas", () => {
    const doc = openApiDocument("https://facts.example.org");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://facts.example.org/api/v1" }]);
    expect(Object.keys(doc.paths).sort()).toEqual(["/claims", "/fact-sheets", "/fact-sheets/{id}", "/fact-sheets/{id}/versions/{number}"]);
    for (const path of Object.values(doc.paths)) {
      expect(path.get.responses["401"]).toBeTruthy();
      expect(path.get.responses["304"]).toBeTruthy(); // polled by its ETag
      expect(path.get.parameters.map((p: { name: string }) => p.name)).toContain("If-None-Match");
      expect(path.get.responses["200"].content["application/json"].schema).toMatchObject({ type: "object" });
    }
    const version = doc.paths["/fact-sheets/{id}/versions/{number}"].get.responses["200"].content["application/json"].schema as { required: string[] };
    expect(version.required).toEqual(expect.arrayContaining(["format", "sheet", "version", "newsroom", "claims", "contentHash", "previousHash"]));
  });
});
