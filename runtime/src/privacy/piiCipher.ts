import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

/** The version tag of sealed values; the rest is base64url(iv ‖ ciphertext ‖ tag). */
const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts one UTF-8 text with AES-256-GCM under a subject's data key. The IV is synthetic
 * (HMAC-SHA256 of the text under a key derived from the data key, first 12 bytes), so the same text
 * seals to the same bytes: a snapshot that did not change keeps its bytes, and replay can compare
 * sealed values for equality even after the key is gone. Equality is all it reveals, and only within
 * one subject.
 */
export function sealText(dataKey: Buffer, text: string): string {
  const ivKey = createHmac('sha256', dataKey).update('hireflow/pii/iv').digest();
  const iv = createHmac('sha256', ivKey).update(text, 'utf8').digest().subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Decrypts a {@link sealText} result; undefined when it is not one or does not authenticate. */
export function openText(dataKey: Buffer, sealed: string): string | undefined {
  if (!sealed.startsWith(VERSION)) return undefined;
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
