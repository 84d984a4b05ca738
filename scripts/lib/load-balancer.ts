// A small round-robin HTTP load balancer on loopback, for running two app instances as one site
// in tests and benchmarks. It adds `x-factdesk-backend` to each response so callers can see who answered.
import http from "node:http";

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
