import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { keptPage, nonceOf, splitAtNonce, withNonce } from "@/lib/page-cache";
import { passOn } from "@/lib/server/page-cache";

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
  ])("breaks off for the browser when the render %s", async (_, error) => {
    const { answer, toBrowser } = render();
    const body = new Response(toBrowser).arrayBuffer();
    answer.write("<html>");
    answer.destroy(error);
    await expect(body).rejects.toThrow();
  });
});
