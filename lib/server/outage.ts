import "server-only";

/** What a user is told when the database did not answer a write. */
export const OUTAGE_MESSAGE = "The database did not answer, so this may not have been saved. Reload to check, then try again in a moment.";

// Codes of an unreachable or restarting server: sockets, PostgreSQL's connection and shutdown
// classes (08, 57P0x), Prisma's "can't reach", "closed" and "pool timeout", the pg adapter's kinds.
const CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "P1001", "P1002", "P1017", "P2024"]);
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|Server has closed the connection|Client has encountered a connection error|Connection closed|not queryable/i;

/** True when `error` (or what it wraps) says the database is down or went away mid-request. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === "string" && (CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.kind === "string" && KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
