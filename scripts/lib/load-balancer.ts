// A small round-robin HTTP load balancer on loopback, for running two app instances as one site
// in tests and benchmarks (the one home of both: startLoadBalancer, startSite). It adds
// `x-factdesk-backend` to each response so callers can see who answered.
import http from "node:http";
import { startServer } from "./bench-http";

export function startLoadBalancer(port: number, backends: string[]) {
  let next = 0;
  const counts = new Map(backends.map((b) => [b, 0]));
  const server = http.createServer((req, res) => {
    const backend = new URL(backends[next++ % backends.length]!);
    counts.set(backend.origin, (counts.get(backend.origin) ?? 0) + 1);
    const upstream = http.request(
      { host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-factdesk-backend": backend.origin });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "bad_gateway", message: "No app instance answered." }));
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 10_000;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The app as one site: `instances` production servers (`next start`) on consecutive ports from
 * `port`, and with more than one, this balancer in front on the port after them. Memory is the
 * servers' together. Used by `npm run bench` (1 and 2 instances) and `npm run test:instances`.
 */
export function startSite(options: { instances: number; port: number; env: NodeJS.ProcessEnv; cpuProfileDir?: string }) {
  const servers = Array.from({ length: options.instances }, (_, i) => startServer({ port: options.port + i, env: options.env, cpuProfileDir: options.cpuProfileDir }));
  const balancer = options.instances > 1 ? startLoadBalancer(options.port + options.instances, servers.map((s) => s.url)) : undefined;
  return {
    url: balancer?.url ?? servers[0]!.url,
    instances: options.instances,
    servers,
    balancer,
    ready: async () => {
      await Promise.all([...servers.map((s) => s.ready()), balancer?.listen()]);
    },
    rssMb: () => servers.reduce((sum, s) => sum + s.rssMb(), 0),
    peakMb: () => servers.reduce((sum, s) => sum + s.peakMb(), 0),
    /** The largest one instance's peak: #14's memory target is a server's. */
    largestPeakMb: () => Math.max(...servers.map((s) => s.peakMb())),
    /** Until every server has finished its backlog (a slow page's queued requests). */
    idle: () => Promise.all(servers.map((s) => s.idle())),
    cpuSeconds: () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0),
    stop: async () => {
      await balancer?.close();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

export type Site = ReturnType<typeof startSite>;
