import { equalBytes, hmacSha256, stringAt, type VendorAdapter } from './vendorAdapter.ts';

/** Standard Webhooks' tolerance for clock skew and replays. */
const TOLERANCE_MS = 5 * 60_000;

/**
 * Strict base64: Node's decoder ignores trailing garbage after padding, which would let a signature
 * of another length pass. Only the canonical encoding of the decoded bytes is accepted.
 */
function fromBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** The HMAC key of a `whsec_<base64>` secret (a bare secret is used as its bytes). */
function keyOf(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret);
}

/**
 * The generic signed endpoint, per the Standard Webhooks spec: `webhook-id`, `webhook-timestamp`
 * (epoch seconds, within 5 minutes), `webhook-signature: v1,<base64>` (several, space-separated,
 * during rotation) over `${id}.${timestamp}.${rawBody}`; the id is signed, so it is the dedupe key.
 * Body: `{ type, data: { externalRef, stage?, payload?, candidate? } }` (`candidate` holds personal data).
 */
export const standardWebhooks: VendorAdapter = {
  vendor: 'generic',
  personalDataPaths: ['data.candidate'],
  parseHeaders: ['webhook-id'],
  verify(request, secrets) {
    const id = request.header('webhook-id');
    const timestamp = request.header('webhook-timestamp');
    const signatures = request.header('webhook-signature');
    if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(request.now - Number(timestamp) * 1000) > TOLERANCE_MS) return false;
    const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), request.raw]);
    const sent = signatures
      .split(' ')
      .filter((part) => part.startsWith('v1,'))
      .map((part) => fromBase64(part.slice(3)))
      .filter((bytes): bytes is Buffer => bytes !== undefined);
    return secrets.some((secret) => {
      const expected = hmacSha256(keyOf(secret), signed);
      return sent.some((candidate) => equalBytes(expected, candidate));
    });
  },
  parse(request, body) {
    const type = stringAt(body, 'type');
    const id = request.header('webhook-id');
    if (!type || !id) return undefined;
    const data = (body as { data?: { payload?: unknown } }).data;
    const payload = data?.payload;
    return {
      vendorDeliveryId: id,
      dedupeKey: id,
      vendorEvent: type,
      externalRef: stringAt(data, 'externalRef'),
      stage: stringAt(data, 'stage'),
      payload:
        payload !== null && typeof payload === 'object' && !Array.isArray(payload)
          ? (payload as Record<string, unknown>)
          : {},
    };
  },
};
