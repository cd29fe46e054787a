import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** A verified delivery, normalized: what happened, to which ATS object, at which stage. */
export interface NormalizedDelivery {
  /** The vendor's own label of this delivery, shown in the log; may be unsigned, so never a dedupe key. */
  vendorDeliveryId: string | null;
  /**
   * What re-sent copies of this delivery share, derived from signed material only (the signed body's
   * sha256, the signed `webhook-id`, Lever's signature): a captured delivery re-sent with another
   * unsigned id is still a duplicate.
   */
  dedupeKey: string;
  /** The vendor's event name, e.g. `candidate_stage_change`. */
  vendorEvent: string;
  /** The ATS object our subjects reference (`subject.externalRef`): application / opportunity id. */
  externalRef: string | undefined;
  /** The stage the candidate is now in, when the event has one. */
  stage: string | undefined;
  /** The vendor payload's non-PII facts, passed to the workflow event. */
  payload: Record<string, unknown>;
}

/** What the adapter reads from a request. */
export interface WebhookRequest {
  raw: Buffer;
  header(name: string): string | undefined;
  /** Epoch milliseconds. */
  now: number;
}

/** One ATS vendor: how it signs and how its payloads look. */
export interface VendorAdapter {
  vendor: 'greenhouse' | 'lever' | 'ashby' | 'generic';
  /** True when any of the active `secrets` signed this request; never throws on malformed input. */
  verify(request: WebhookRequest, secrets: readonly string[]): boolean;
  /**
   * Payload paths (prefixes, as in `payload.application.candidate`) that hold the candidate's personal
   * data: a start mapping may copy them only into context fields marked `pii`.
   */
  personalDataPaths: readonly string[];
  /** Request headers `parse` reads, kept with a stored body so a re-processing parses it the same way. */
  parseHeaders: readonly string[];
  /** The normalized delivery, or undefined when the body is not a payload of this vendor. */
  parse(request: WebhookRequest, body: unknown): NormalizedDelivery | undefined;
}

/** HMAC-SHA256 of `data` with `secret`. */
export function hmacSha256(secret: string | Buffer, data: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** Constant-time equality of two byte strings; different lengths are unequal (no throw). */
export function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decodes lowercase/uppercase hex strictly; undefined for anything else (odd length, other chars). */
export function fromHex(text: string): Buffer | undefined {
  return /^(?:[0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** A string field of a JSON object, if present. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let cursor: unknown = value;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return typeof cursor === 'string' ? cursor : typeof cursor === 'number' ? String(cursor) : undefined;
}

/** sha256 hex of the raw body (the delivery log's digest, and the dedupe key of signed bodies). */
export function bodyDigest(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}
