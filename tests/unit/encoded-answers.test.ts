import { createServer, request, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ENCODED_HEADER, letEncodedAnswersThrough } from "@/lib/encoded-answers";

/** One answer from a server that handles it with `handler`, read raw (no decompression). */
async function answerOf(handler: RequestListener): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await new Promise((resolve, reject) => {
      request({ port: (server.address() as AddressInfo).port, host: "127.0.0.1" }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
  } finally {
    server.close();
  }
}

// Next.js sets a proxy answer's headers one by one with setHeader, and drops Content-Encoding (lib/encoded-answers.ts).
const gzipped = gzipSync("<p>page</p>");
const handler: RequestListener = (_, res) => {
  res.setHeader("Content-Type", "text/html");
  res.setHeader(ENCODED_HEADER, "gzip");
  res.end(gzipped);
};

describe("a proxy answer that names its own encoding", () => {
  it("goes out as a header of its own until the workaround is in place (the control)", async () => {
    const { headers } = await answerOf(handler);
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers[ENCODED_HEADER]).toBe("gzip");
  });

  it("goes out with that Content-Encoding, the body as it was, and the private header never sent", async () => {
    letEncodedAnswersThrough();
    letEncodedAnswersThrough(); // idempotent: installed once
    const { headers, body } = await answerOf(handler);
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers[ENCODED_HEADER]).toBeUndefined();
    expect(body.equals(gzipped)).toBe(true);
    // Every other header is set as before.
    expect(headers["content-type"]).toBe("text/html");
  });
});
