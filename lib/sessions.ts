// How long a signed-in browser stays signed in. Pure rules, shared by the data layer and tests.

/** Idle: a session not used for this long is over. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** Absolute: however busy, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often (one write a minute per busy user, not one per request). */
export const SESSION_TOUCH_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export function sessionEnded(s: SessionTimes, now: Date): "revoked" | "idle" | "expired" | null {
  if (s.revokedAt) return "revoked";
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return "idle";
  return null;
}

/** Sign-in throttling: failures allowed per account and per client address in the window. */
export const SIGN_IN_LIMITS = {
  account: { points: 5, durationS: 15 * 60 },
  address: { points: 30, durationS: 15 * 60 },
} as const;

export function tryAgainMessage(seconds: number): string {
  return `Too many failed sign-ins. Try again in ${Math.max(1, Math.ceil(seconds))} s.`;
}
