// The page cache under writes, for `npm run bench`: readers of one page at 20 connections
// while others write (a comment a claim, through the API) at a set rate across the newsroom. Every
// write renews the data version, so the share of a signed-in page's views the cache answers, and
// with it the server's CPU a view, falls as writes rise; this prints how far (lib/server/page-cache.ts).
// A public sheet's page is keyed on the published version, which comments leave as it is.
import { type Figures, summarise } from "./bench-http";

export interface ChurnFigures {
  /** The page read (with the editor's cookie, which a public page's answer does not depend on). */
  path: string;
  writesPerSecond: number;
  /** Writes answered 201 over the run (all of them left on time). */
  written: number;
  /** Views answered from the cache, of all views. */
  hitShare: number;
  views: Figures;
}

export async function measureChurn(
  baseUrl: string,
  cookie: string,
  page: { path: string; claimId: string },
  rates: number[],
  cpuSeconds: () => number,
  seconds: number,
): Promise<ChurnFigures[]> {
  const out: ChurnFigures[] = [];
  for (const writesPerSecond of rates) {
    const end = performance.now() + seconds * 1000;
    const latencies: number[] = [];
    let hits = 0;
    let errors = 0;
    // Each write leaves on time, whether or not the ones before it have been answered.
    let written = 0;
    const writes: Promise<void>[] = [];
    const writer = (async () => {
      if (!writesPerSecond) return;
      for (let n = 0; ; n++) {
        const due = end - seconds * 1000 + (n * 1000) / writesPerSecond;
        if (due >= end) break;
        if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
        writes.push(
          (async () => {
            const res = await fetch(`${baseUrl}/api/comments`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ claimId: page.claimId, body: `Bench churn comment ${n}` }) });
            await res.arrayBuffer();
            if (res.status === 201) written++;
            else errors++;
          })(),
        );
      }
    })();
    const cpu = cpuSeconds();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const res = await fetch(`${baseUrl}${page.path}`, { headers: { cookie, accept: "text/html" } });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          if (res.headers.get("x-factdesk-cache") === "hit") hits++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    await writer;
    await Promise.all(writes);
    const views = summarise(latencies, seconds, errors);
    views.cpuMs = Math.round(((cpuSeconds() - cpu) * 1000 * 10) / Math.max(1, views.requests)) / 10;
    out.push({ path: page.path, writesPerSecond, written, hitShare: Math.round((hits / Math.max(1, views.requests)) * 100) / 100, views });
  }
  return out;
}
