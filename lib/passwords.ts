// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum).
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id; the const enum is not importable under isolatedModules

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let unusedHash: Promise<string> | undefined;

/** Verifying against this when no user matches keeps "no such user" as slow as "wrong password". */
export function hashNoOneHas(): Promise<string> {
  unusedHash ??= hashPassword(crypto.randomUUID());
  return unusedHash;
}
