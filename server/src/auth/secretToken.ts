import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random secret (256 bits), URL-safe, with an optional readable prefix (`hf_` for API tokens). */
export function createSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** sha256 hex of a secret: what the database keeps instead of session ids and API tokens. */
export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time string comparison; different lengths compare false without throwing. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
