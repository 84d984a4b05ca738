import "server-only";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { SIGN_IN_LIMITS } from "@/lib/sessions";

// Failed sign-ins counted per account and per client address in PostgreSQL (table rate_limits,
// made by a migration), so the limits hold across app instances and restarts; a memory limiter
// stands in while the database cannot be reached.
interface Limiters {
  url: string;
  account: RateLimiterAbstract;
  address: RateLimiterAbstract;
}
const globalForLimiters = globalThis as unknown as { signInLimiters?: Limiters };

function limiters(): Limiters {
  const url = process.env.DATABASE_URL ?? "";
  const current = globalForLimiters.signInLimiters;
  if (current?.url === url) return current;
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
  pool.on("error", () => {}); // an idle client dropped by the server: the pool replaces it
  const make = (keyPrefix: string, limit: { points: number; durationS: number }) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points: limit.points,
      duration: limit.durationS,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: limit.points, duration: limit.durationS }),
    });
  globalForLimiters.signInLimiters = {
    url,
    account: make("signin_account", SIGN_IN_LIMITS.account),
    address: make("signin_address", SIGN_IN_LIMITS.address),
  };
  return globalForLimiters.signInLimiters;
}

const blockedFor = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? res.msBeforeNext / 1000 : 0);

/** Seconds until this account or address may try again; 0 when it may now. */
export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([account.get(email), byAddress.get(address)]);
  return Math.ceil(Math.max(blockedFor(a, SIGN_IN_LIMITS.account.points), blockedFor(b, SIGN_IN_LIMITS.address.points)));
}

export async function countFailedSignIn(email: string, address: string) {
  const { account, address: byAddress } = limiters();
  await Promise.all([account.consume(email).catch(() => {}), byAddress.consume(address).catch(() => {})]);
}

/** A right password clears the account's count (not the address's: one good account must not unlock guessing at others). */
export async function clearFailedSignIns(email: string) {
  await limiters().account.delete(email);
}
