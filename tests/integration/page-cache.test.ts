import http from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { entityTag } from "@/lib/conditional-requests";
import { ENCODED_HEADER, letEncodedAnswersThrough } from "@/lib/encoded-answers";
import { PAGE_CACHE_HEADER, cachedPage, keptAnswer, keptPages } from "@/lib/server/page-cache";
import { useMigratedDatabase } from "../support/database";

// Views of one page arriving together, as under 20 connections after a write renewed the data
// version: the first is rendered as usual, the second renders the page through the server's own
// port to keep it, and every other waits for that render instead of rendering the page itself.
// The server's own port is a stand-in here that counts renders and takes a while to answer, as a
// page's render does; the data version is read from a real database.
describe("the page cache under views arriving together", () => {
  const { db } = useMigratedDatabase();
  const RENDERED_NONCE = "rendered-nonce-0123456789";
  let renders = 0;
  /** How the stand-in render answers: the page, nothing (its connection closes), or half the page. */
  let answer: "page" | "break off" | "break off mid-page" = "page";
  let server: http.Server;
  let savedPort: string | undefined;

  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      renders++;
      setTimeout(() => {
        if (answer === "break off") return response.socket?.destroy();
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${RENDERED_NONCE}'` });
        if (answer === "break off mid-page") {
          response.write("<!doctype html><p>A published");
          return setTimeout(() => response.socket?.destroy(), 50);
        }
        response.end(`<!doctype html><p>A published sheet</p><script nonce="${RENDERED_NONCE}"></script>`);
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    savedPort = process.env.PORT;
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    if (savedPort === undefined) delete process.env.PORT;
    else process.env.PORT = savedPort;
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    renders = 0;
  });

  const view = (path: string, nonce: string, headers: Record<string, string> = {}) =>
    cachedPage(new NextRequest(`http://localhost${path}`, { headers: { accept: "text/html", ...headers } }), "public", { nonce, security: { "Content-Security-Policy": `script-src 'nonce-${nonce}'` } });
  const hardReload = (path: string, nonce: string) => view(path, nonce, { "cache-control": "no-cache" });

  it("renders a page once for ten views at once, and answers the others with it", async () => {
    answer = "page";
    // The pool's connections are opened by views of another page first, so the views that count
    // read the version at once (each well within the stand-in's 300 ms).
    await Promise.all(Array.from({ length: 10 }, () => view("/p/warm-up", "n0")));
    renders = 0;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => view("/p/together", `view-nonce-${i}`)));

    expect(answers.filter((a) => a === "first view")).toHaveLength(1);
    const responses = answers.filter((a): a is Response => a instanceof Response);
    expect(responses.map((r) => r.headers.get(PAGE_CACHE_HEADER)).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "hit", "hit", "hit", "miss"]);
    expect(renders).toBe(1);
    // The render goes to the view that began it as rendered; each other view gets it with its own nonce.
    for (const r of responses) {
      const body = await r.text();
      const nonce = r.headers.get(PAGE_CACHE_HEADER) === "hit" ? `view-nonce-${answers.indexOf(r)}` : RENDERED_NONCE;
      expect(r.headers.get("content-security-policy")).toBe(`script-src 'nonce-${nonce}'`);
      expect(body).toBe(`<!doctype html><p>A published sheet</p><script nonce="${nonce}"></script>`);
    }
  });

  it("leaves no view waiting when the render breaks off, before its answer or within it; the next view renders it again", async () => {
    for (const [n, way] of (["break off", "break off mid-page"] as const).entries()) {
      answer = way;
      const path = `/p/broken-${n}`;
      renders = 0;
      expect(await view(path, "n0")).toBe("first view");
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => view(path, `view-nonce-${i}`)));
      expect(renders).toBe(1);
      // The view that began the render gets what it sends (nothing, or the answer it broke off);
      // those that waited on it are let through to render as usual.
      const began = answers.filter((a) => a instanceof Response);
      expect(answers.filter((a) => a === undefined)).toHaveLength(way === "break off" ? 5 : 4);
      for (const r of began) await expect(r.text()).rejects.toThrow();

      answer = "page";
      expect(await view(path, "again")).toBe("first view");
      const kept = await view(path, "again");
      expect(kept).toBeInstanceOf(Response);
      expect(renders).toBe(2);
    }
  });

  it("renders a hard reload again, and keeps one render of a page however many hard reloads arrive together", async () => {
    answer = "page";
    await Promise.all(Array.from({ length: 10 }, () => view("/p/warm-up", "n0")));
    // A kept page: a hard reload renders it again through the port and keeps that.
    for (const nonce of ["first", "kept"]) await view("/p/reloaded", nonce);
    renders = 0;
    const reloaded = await hardReload("/p/reloaded", "reload");
    expect(reloaded).toBeInstanceOf(Response);
    expect((reloaded as Response).headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    await (reloaded as Response).text();
    expect(renders).toBe(1);

    // Ten at once: one renders through the port to keep the page; the nine others, arriving while
    // it runs, are rendered again as usual (as first views), not kept a second time.
    renders = 0;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => hardReload("/p/reloaded", `reload-${i}`)));
    expect(answers.filter((a) => a === "first view")).toHaveLength(9);
    const kept = answers.find((a): a is Response => a instanceof Response)!;
    expect(kept.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    await kept.text();
    expect(renders).toBe(1);
    // The next ordinary view gets that render.
    const next = await view("/p/reloaded", "after");
    expect(next).toBeInstanceOf(Response);
    expect((next as Response).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(renders).toBe(1);
  });

  it("keeps public pages through the newsroom's writes, and drops those of older published versions once newer ones are seen", async () => {
    answer = "page";
    for (const nonce of ["first", "kept", "hit"]) await view("/p/settled", nonce);
    expect(await view("/p/settled", "again")).toBeInstanceOf(Response);
    const settled = keptPages().pages;
    expect(settled).toBeGreaterThan(0);

    // The newsroom's writes (claims, comments) renew the data version, not the published one: a
    // public page stays kept, even once a signed-in reader's answer under the new data versions is seen.
    const editor = { id: "editor-1", role: "EDITOR" };
    for (const n of [1, 2, 3]) {
      await db().$executeRaw`SELECT version_renew('data_version')`;
      await keptAnswer(new Request(`http://localhost/api/claims?after=${n}`), editor, null, async () => Response.json({ items: [] }));
    }
    renders = 0;
    const through = await view("/p/settled", "through writes");
    expect(through).toBeInstanceOf(Response);
    expect((through as Response).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(renders).toBe(0);

    // A write to what public pages show. The version before the newest keeps its pages (a request
    // that read it may be seen after one that read the newest); one more such write drops them.
    await db().$executeRaw`SELECT version_renew('published_version')`;
    expect(await view("/p/other", "after a write")).toBe("first view");
    expect(keptPages().pages).toBe(settled);
    await db().$executeRaw`SELECT version_renew('published_version')`;
    expect(await view("/p/other", "after two writes")).toBe("first view");
    expect(keptPages()).toEqual({ pages: 0, bytes: 0 });
    // The settled page is rendered again under the new version (a first view, then kept).
    expect(await view("/p/settled", "new version")).toBe("first view");
  });
});

// A reading API route's JSON answer (GET /api/claims, /api/v1's reading routes), kept for its reader under a
// data version read from a real database. The route's own work is a stand-in that counts makings
// and takes a while, as a list's query does.
describe("kept API answers", () => {
  const { db } = useMigratedDatabase();
  const editor = { id: "editor-1", role: "EDITOR" };
  let made = 0;
  /** How the stand-in route answers: a list, a refusal, or a throw. */
  let answer: "list" | "standing" | "refusal" | "throw" = "list";
  /** Makings under way at once, and the most there were: requests that wait on a making make none meanwhile. */
  let making = 0;
  let mostMaking = 0;
  const route = async () => {
    const n = ++made;
    mostMaking = Math.max(mostMaking, ++making);
    await new Promise((resolve) => setTimeout(resolve, 100));
    making--;
    if (answer === "throw") throw new Error("The database is unreachable.");
    if (answer === "refusal") return Response.json({ error: "bad_request" }, { status: 400 });
    // "standing": the same list however often it is made, as a list nothing touched is.
    return Response.json({ items: [{ id: answer === "standing" ? "standing" : `made-${n}` }], nextCursor: null });
  };
  /** The data version, as a route reads it with the session; read once a test, so every ask of it starts at once. */
  let version: string;
  const readVersion = async () => (version = (await db().$queryRaw<{ token: string }[]>`SELECT token::text AS token FROM data_version`)[0]!.token);
  const ask = (path: string, reader = editor, headers: Record<string, string> = {}) => keptAnswer(new Request(`http://localhost${path}`, { headers }), reader, version, route);
  const items = async (r: Response) => ((await r.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  /** Asks three times: made plainly, made and kept, and the kept answer's items. */
  const thrice = async (path: string, reader = editor) => {
    await ask(path, reader);
    const kept = await ask(path, reader);
    expect(kept.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    const hit = await ask(path, reader);
    expect(hit.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    return items(hit);
  };
  // This database's own version: "none" (no write yet) was another database's too, and is no longer live.
  beforeAll(async () => {
    await db().$executeRaw`SELECT version_renew('data_version')`;
  });
  beforeEach(async () => {
    made = 0;
    mostMaking = 0;
    answer = "list";
    await readVersion();
  });

  it("keeps an answer from its second ask, made once for requests arriving together, for that reader until the next write", async () => {
    // Ten at once: the first is made plainly, as a first ask; the second is made to keep, and the other eight wait for it.
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask("/api/claims?limit=2")));
    expect(made).toBe(2);
    expect(mostMaking).toBe(2);
    expect(answers.map((r) => r.headers.get(PAGE_CACHE_HEADER)).sort()).toEqual([...Array(8).fill("hit"), "miss", "miss"]);
    expect((await Promise.all(answers.map(items))).flat().sort()).toEqual(["made-1", ...Array(9).fill("made-2")]);
    expect(answers[0]!.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await items(await ask("/api/claims?limit=2"))).toEqual(["made-2"]);
    expect(made).toBe(2);

    // Another reader, another role of the same user, another address: each its own answer, kept from its second ask.
    expect(await thrice("/api/claims?limit=2", { id: "reviewer-1", role: "REVIEWER" })).toEqual(["made-4"]);
    expect(await thrice("/api/claims?limit=2", { id: "editor-1", role: "ADMIN" })).toEqual(["made-6"]);
    expect(await thrice("/api/claims?limit=3")).toEqual(["made-8"]);
    expect(made).toBe(8);

    // A write anywhere: the answer is made again, and kept again from its second ask.
    await db().$executeRaw`SELECT version_renew('data_version')`;
    await readVersion();
    expect(await thrice("/api/claims?limit=2")).toEqual(["made-10"]);
    expect(made).toBe(10);
  });

  it("keeps none of the pages a client walks once by their cursor", async () => {
    await ask("/api/claims?cursor=warm-up");
    const before = keptPages().pages;
    for (let page = 0; page < 5; page++) expect((await ask(`/api/claims?cursor=page-${page}`)).headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(keptPages().pages).toBe(before);
  });

  it("keeps no refusal and no failure: requests that waited on one make their own", async () => {
    for (const way of ["refusal", "throw"] as const) {
      answer = way;
      made = 0;
      mostMaking = 0;
      const answers = await Promise.allSettled(Array.from({ length: 5 }, () => ask(`/api/claims?${way}`)));
      // The first is made plainly and the second to keep; the three that waited for it make theirs after it failed.
      expect(made).toBe(5);
      expect(mostMaking).toBe(3);
      if (way === "refusal") for (const a of answers) expect((a as PromiseFulfilledResult<Response>).value.status).toBe(400);
      else for (const a of answers) expect(a.status).toBe("rejected");
      // Nothing of it was kept: the answer is made again, and kept from its second ask.
      answer = "list";
      expect(await items(await ask(`/api/claims?${way}`))).toEqual(["made-6"]);
      expect(await items(await ask(`/api/claims?${way}`))).toEqual(["made-7"]);
      expect(await items(await ask(`/api/claims?${way}`))).toEqual(["made-7"]);
    }
  });

  it("makes the answer again for Cache-Control: no-cache, and keeps that", async () => {
    expect(await items(await ask("/api/claims?reloaded"))).toEqual(["made-1"]);
    const again = await ask("/api/claims?reloaded", editor, { "cache-control": "no-cache" });
    expect(again.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(await items(again)).toEqual(["made-2"]);
    expect(await items(await ask("/api/claims?reloaded"))).toEqual(["made-2"]);
  });

  it("tags each answer with its body's digest, and answers 304 with no body to a client holding it", async () => {
    const path = "/api/claims?polled";
    const first = await ask(path);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(await items(first)).toEqual(["made-1"]);
    // The poller sends the tag back. The answer made to keep is "made-2", another body with another tag: a 200.
    // From then on, the kept answer's tag gets 304 without making it again.
    const held = { "if-none-match": etag };
    const madeToKeep = await ask(path, editor, held);
    expect([madeToKeep.status, madeToKeep.headers.get(PAGE_CACHE_HEADER)]).toEqual([200, "miss"]);
    const keptTag = madeToKeep.headers.get("etag")!;
    expect(keptTag).not.toBe(etag);
    expect(keptTag).toBe(entityTag(Buffer.from(await madeToKeep.clone().arrayBuffer()))); // the digest of the body it came with
    for (let poll = 0; poll < 2; poll++) {
      const unchanged = await ask(path, editor, { "if-none-match": keptTag });
      expect([unchanged.status, unchanged.headers.get(PAGE_CACHE_HEADER), unchanged.headers.get("etag"), unchanged.headers.get("cache-control")]).toEqual([304, "hit", keptTag, "private, no-cache"]);
      expect(unchanged.body).toBeNull();
    }
    expect(made).toBe(2);
    // An older tag, or none, gets the kept answer itself.
    for (const headers of [held, {}]) {
      const whole = await ask(path, editor, headers);
      expect([whole.status, whole.headers.get("etag")]).toEqual([200, keptTag]);
      expect(await items(whole)).toEqual(["made-2"]);
    }

    // A list that stands as it was after a write elsewhere: made again under the new version, and still 304 by its tag.
    // Cache-Control: no-cache with the tag (fetch adds it to any request with If-None-Match) is answered as any poll is.
    answer = "standing";
    const standingTag = (await ask("/api/claims?standing")).headers.get("etag")!;
    await db().$executeRaw`SELECT version_renew('data_version')`;
    await readVersion();
    made = 0;
    const after = await ask("/api/claims?standing", editor, { "if-none-match": standingTag });
    expect([after.status, after.headers.get(PAGE_CACHE_HEADER), made]).toEqual([304, "miss", 1]);
    const fetched = { "if-none-match": standingTag, "cache-control": "no-cache", pragma: "no-cache" };
    for (const how of ["miss", "hit"]) {
      const polled = await ask("/api/claims?standing", editor, fetched);
      expect([polled.status, polled.headers.get(PAGE_CACHE_HEADER)]).toEqual([304, how]); // made to keep, then kept
    }
    expect(made).toBe(2);

    // A refusal carries no tag and is never a 304, whatever the client holds.
    answer = "refusal";
    const refused = await ask("/api/claims?polled-refusal", editor, { "if-none-match": "*" });
    expect([refused.status, refused.headers.get("etag")]).toEqual([400, null]);
  });

  it("tags answers made with the cache off, and HEAD's, made every time and never kept", async () => {
    answer = "standing";
    const headOf = (headers: Record<string, string> = {}) => keptAnswer(new Request("http://localhost/api/claims?head", { method: "HEAD", headers }), editor, version, route);
    const head = await headOf();
    const etag = head.headers.get("etag")!;
    expect([head.status, head.headers.get(PAGE_CACHE_HEADER), etag]).toEqual([200, null, expect.stringMatching(/^"[A-Za-z0-9_-]{27}"$/)]);
    expect([(await headOf({ "if-none-match": etag })).status, made]).toEqual([304, 2]); // made again: a HEAD is never kept
    process.env.PAGE_CACHE = "off";
    try {
      const plain = await ask("/api/claims?head");
      expect([plain.status, plain.headers.get("etag"), plain.headers.get(PAGE_CACHE_HEADER)]).toEqual([200, etag, null]);
      const unchanged = await ask("/api/claims?head", editor, { "if-none-match": etag });
      expect([unchanged.status, unchanged.headers.get("vary"), unchanged.headers.get(PAGE_CACHE_HEADER)]).toEqual([304, "Accept-Encoding", null]);
    } finally {
      delete process.env.PAGE_CACHE;
    }
    expect(made).toBe(4);
  });

  it("sends a kept answer gzip-encoded, compressed once, to a client taking gzip", async () => {
    letEncodedAnswersThrough();
    const gzip = { "accept-encoding": "gzip, deflate, br" };
    const first = await ask("/api/claims?gzip", editor, gzip);
    expect(first.headers.get(ENCODED_HEADER)).toBeNull(); // made plainly: Next.js compresses it
    for (const kept of [await ask("/api/claims?gzip", editor, gzip), await ask("/api/claims?gzip", editor, gzip)]) {
      expect(kept.headers.get(ENCODED_HEADER)).toBe("gzip");
      expect(JSON.parse(gunzipSync(Buffer.from(await kept.arrayBuffer())).toString())).toEqual({ items: [{ id: "made-2" }], nextCursor: null });
    }
    const plain = await ask("/api/claims?gzip", editor, { "accept-encoding": "identity" });
    expect(plain.headers.get(ENCODED_HEADER)).toBeNull();
    expect(plain.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(await items(plain)).toEqual(["made-2"]);
    expect(made).toBe(2);
  });
});
