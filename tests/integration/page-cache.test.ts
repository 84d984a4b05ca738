import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAGE_CACHE_HEADER, cachedPage, keptPages } from "@/lib/server/page-cache";
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
  let answer: "page" | "break off" = "page";
  let server: http.Server;
  let savedPort: string | undefined;

  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      renders++;
      setTimeout(() => {
        if (answer === "break off") return response.socket?.destroy();
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${RENDERED_NONCE}'` });
        response.end(`<!doctype html><p>A published sheet</p><script nonce="${RENDERED_NONCE}"></script>`);
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    savedPort = process.env.PORT;
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(async () => {
    process.env.PORT = savedPort;
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    renders = 0;
  });

  const view = (path: string, nonce: string) =>
    cachedPage(new NextRequest(`http://localhost${path}`, { headers: { accept: "text/html" } }), "public", { nonce, security: { "Content-Security-Policy": `script-src 'nonce-${nonce}'` } });

  it("renders a page once for ten views at once, and answers the others with it", async () => {
    answer = "page";
    await view("/p/warm-up", "n0"); // the pool's connections are open before the views that count
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

  it("leaves no view waiting when the render breaks off; the next view renders it again", async () => {
    answer = "break off";
    await view("/p/broken", "n0"); // its first view
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => view("/p/broken", `view-nonce-${i}`)));
    expect(renders).toBe(1);
    // The one that began the render, and those that waited on it, are let through to render as usual.
    expect(answers).toEqual([undefined, undefined, undefined, undefined, undefined]);

    answer = "page";
    expect(await view("/p/broken", "again")).toBe("first view");
    const kept = await view("/p/broken", "again");
    expect(kept).toBeInstanceOf(Response);
    expect(renders).toBe(2);
  });

  it("drops the pages of older data versions once a newer one is seen", async () => {
    answer = "page";
    for (const nonce of ["first", "kept", "hit"]) await view("/p/settled", nonce);
    expect(await view("/p/settled", "again")).toBeInstanceOf(Response);
    expect(keptPages().pages).toBeGreaterThan(0);

    await db().$executeRaw`SELECT data_version_renew()`; // a write elsewhere
    expect(await view("/p/other", "after the write")).toBe("first view");
    expect(keptPages()).toEqual({ pages: 0, bytes: 0 });
    // The settled page is rendered again under the new version (a first view, then kept).
    expect(await view("/p/settled", "new version")).toBe("first view");
  });
});
