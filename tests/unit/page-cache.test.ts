import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, deflatePieces, gzipWithNonce, keptPage, nonceOf, splitAtNonce, withNonce } from "@/lib/page-cache";
import { keep, passOn } from "@/lib/server/page-cache";

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("which requests the page cache may answer", () => {
  it("keeps the reading pages a browser loads, per user, and public sheets, for everyone", () => {
    for (const path of ["/", "/claims", "/claims/6f1c", "/conflicts", "/conflicts/1", "/sources", "/sources/9", "/metrics", "/metrics/3", "/events", "/events/2", "/actors", "/fact-sheets", "/fact-sheets/5", "/fact-sheets/5/v/2"]) {
      expect(keptPage(path, HTML), path).toBe("signed in");
    }
    expect(keptPage("/p/Zm9vYmFy", HTML)).toBe("public");
  });

  it("never keeps forms, account, admin, API, downloads or sign-in pages", () => {
    for (const path of ["/claims/new", "/claims/1/edit", "/sources/new", "/fact-sheets/new", "/fact-sheets/5/edit", "/fact-sheets/5/publish", "/metrics/3/edit", "/account", "/admin/users", "/api/claims", "/api/health", "/p/abc/exports/pdf", "/login", "/notes", "/claimsx"]) {
      expect(keptPage(path, HTML), path).toBeNull();
    }
  });

  it("keeps whole pages only, not the router's payloads (which ask for any type)", () => {
    expect(keptPage("/claims", "*/*")).toBeNull();
    expect(keptPage("/claims", null)).toBeNull();
    expect(keptPage("/claims", "text/x-component")).toBeNull();
    expect(keptPage("/p/Zm9vYmFy", "*/*")).toBeNull();
  });
});

describe("a kept page's nonce", () => {
  const csp = "default-src 'self'; script-src 'self' 'nonce-Ab+/c9==' 'strict-dynamic'";

  it("is read from the policy", () => {
    expect(nonceOf(csp)).toBe("Ab+/c9==");
    expect(nonceOf("default-src 'self'")).toBeUndefined();
    expect(nonceOf(null)).toBeUndefined();
  });

  it("is replaced everywhere it stood, and nowhere else", () => {
    const page = Buffer.from(`<script nonce="Ab+/c9==" src="/a.js"></script><p>Ab+/c9</p><script nonce="Ab+/c9==">x</script>`);
    const parts = splitAtNonce(page, "Ab+/c9==");
    expect(parts).toHaveLength(3);
    expect(withNonce(parts, "NEW").toString()).toBe(`<script nonce="NEW" src="/a.js"></script><p>Ab+/c9</p><script nonce="NEW">x</script>`);
    expect(withNonce(splitAtNonce(page, undefined), "NEW").equals(page)).toBe(true);
  });
});

describe("a kept page, compressed once and sent gzip-encoded with each answer's nonce", () => {
  // A page like a rendered one: 40 scripts carrying the nonce, markup between them, and random text
  // (so the pieces do not all compress alike), over 64 KB, twice the deflate window.
  const old = "Zm9vYmFyYmF6cXV4MTIzNA==";
  const page = Buffer.from(
    Array.from({ length: 40 }, (_, i) => `<li class="row">${randomBytes(1500).toString("base64")}</li><script nonce="${old}">self.__next_f.push([1,"${i}"])</script>`).join("") + "<p>end</p>",
  );

  it("unpacks, in Node and as a browser's DecompressionStream does, to the page with the new nonce", async () => {
    const parts = splitAtNonce(page, old);
    expect(parts).toHaveLength(41);
    const gz = gzipWithNonce(parts, deflatePieces(parts), "TkVXbm9uY2VOT1c9PQ==");
    const expected = withNonce(parts, "TkVXbm9uY2VOT1c9PQ==");
    expect(expected.length).toBeGreaterThan(64 * 1024);
    expect(gunzipSync(gz).equals(expected)).toBe(true); // gunzip checks the trailer's CRC-32 and length
    const web = Buffer.from(await new Response(new Blob([new Uint8Array(gz)]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    expect(web.equals(expected)).toBe(true);
    expect(gz.length).toBeLessThan(expected.length * 0.8); // and it is compressed
  });

  it("unpacks for a page without a nonce, an empty one, and empty pieces anywhere", () => {
    for (const body of [Buffer.from("<p>no scripts</p>"), Buffer.alloc(0)]) {
      const parts = splitAtNonce(body, undefined);
      expect(gunzipSync(gzipWithNonce(parts, deflatePieces(parts), "NEW")).equals(body)).toBe(true);
    }
    // Pieces of their own, empty: zlib leaves such a buffer without data, and its CRC-32 must not restart the running one.
    for (const parts of [[Buffer.from("a"), Buffer.alloc(0)], [Buffer.alloc(0), Buffer.from("b"), Buffer.alloc(0), Buffer.from("c")]]) {
      expect(gunzipSync(gzipWithNonce(parts, deflatePieces(parts), "NEW")).equals(withNonce(parts, "NEW"))).toBe(true);
    }
  });

  it.each([
    ["gzip, deflate, br, zstd", true],
    ["gzip", true],
    ["*", true],
    ["br;q=1.0, gzip;q=0.5", true],
    ["gzip;q=0", false],
    ["identity", false],
    ["br", false],
    ["", false],
    [null, false],
  ])("is sent gzip-encoded for Accept-Encoding %j: %s", (header, gzip) => {
    expect(acceptsGzip(header)).toBe(gzip);
  });
});

describe("a render passed on to the browser as it is kept", () => {
  // The render of a page being kept streams on to the browser (passOn) while the cache reads all of it.
  const render = () => {
    const answer = new PassThrough();
    return { answer, toBrowser: passOn(answer) };
  };

  async function leaveAfterFirstChunk() {
    const { answer, toBrowser } = render();
    const kept: Buffer[] = [];
    const ended = new Promise<void>((resolve) => answer.on("end", resolve));
    const reader = toBrowser.getReader();
    answer.on("data", (c: Buffer) => kept.push(c));
    answer.write(Buffer.alloc(20_000, 1));
    expect((await reader.read()).value?.length).toBe(20_000);
    await reader.cancel(); // the browser leaves mid-page
    for (let i = 0; i < 10; i++) {
      answer.write(Buffer.alloc(20_000, 2));
      await new Promise((r) => setImmediate(r));
    }
    answer.end();
    await ended;
    return kept.reduce((n, c) => n + c.length, 0);
  }

  it("runs to its end when the browser leaves early, so it is still kept and nobody waits on it", async () => {
    // Piping it through Node's Readable.toWeb left it paused at the browser's leaving (40,000 bytes read, never ended).
    expect(await leaveAfterFirstChunk()).toBe(220_000);
  });

  it("reaches a browser that stays, byte for byte", async () => {
    const { answer, toBrowser } = render();
    const body = new Response(toBrowser).arrayBuffer();
    for (const c of ["<html>", "<body>", "page", "</body></html>"]) answer.write(c);
    answer.end();
    expect(Buffer.from(await body).toString()).toBe("<html><body>page</body></html>");
  });

  it.each([
    ["closes before its end", undefined],
    ["fails", new Error("socket hang up")],
  ])("breaks off for the browser when the render %s, and is not kept", async (_, error) => {
    const { answer, toBrowser } = render();
    const kept = keep(asAnswer(answer));
    const body = new Response(toBrowser).arrayBuffer();
    answer.write("<html>");
    answer.destroy(error);
    await expect(body).rejects.toThrow();
    expect(await kept).toBeUndefined();
  });

  it("is kept whole, split at its nonce", async () => {
    const { answer } = render();
    const kept = keep(asAnswer(answer));
    answer.end(`<script nonce="abc">1</script><p>page</p><script nonce="abc">2</script>`); // "close" follows "end" at once
    const page = (await kept)!;
    expect(page.parts.map(String)).toEqual([`<script nonce="`, `">1</script><p>page</p><script nonce="`, `">2</script>`]);
  });
});

/** A stream as the render's answer: a whole HTML page, its policy naming the nonce "abc". */
const asAnswer = (stream: PassThrough) =>
  Object.assign(stream, { statusCode: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'nonce-abc' 'strict-dynamic'" } }) as unknown as IncomingMessage;
