import { equalBytes, fromHex, hmacSha256, stringAt, type VendorAdapter } from './vendorAdapter.ts';

/** Lever signs a time, not the body: deliveries older than this are refused (replay window). */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Lever: the body carries `token`, `triggeredAt` (epoch ms) and `signature` = hex HMAC-SHA256 of
 * `token + triggeredAt` with the webhook's signature token. The body itself is NOT signed, so the
 * signature is also the dedupe key: one signed (token, triggeredAt) is accepted once, and only for
 * five minutes. Events: `applicationCreated`, `candidateStageChange` (`data.toStageId`, `fromStageId`), `candidateHired`,
 * `candidateArchiveChange`, …; `data.opportunityId` is the ATS object.
 */
export const lever: VendorAdapter = {
  vendor: 'lever',
  // Lever's payloads carry ids only (candidate, contact, opportunity); the contact id names a person.
  personalDataPaths: ['data.contactId', 'data.candidateId'],
  parseHeaders: [],
  verify(request, secrets) {
    let body: unknown;
    try {
      body = JSON.parse(request.raw.toString('utf8'));
    } catch {
      return false;
    }
    const token = stringAt(body, 'token');
    const triggeredAt = (body as { triggeredAt?: unknown }).triggeredAt;
    const sent = fromHex(stringAt(body, 'signature') ?? '');
    if (!token || typeof triggeredAt !== 'number' || !sent) return false;
    if (Math.abs(request.now - triggeredAt) > MAX_AGE_MS) return false;
    return secrets.some((secret) => equalBytes(hmacSha256(secret, `${token}${triggeredAt}`), sent));
  },
  parse(_request, body) {
    const event = stringAt(body, 'event');
    const signature = stringAt(body, 'signature');
    if (!event || !signature) return undefined;
    const data = (body as { data?: unknown }).data;
    const externalRef = stringAt(data, 'opportunityId');
    const toStage = stringAt(data, 'toStageId');
    return {
      vendorDeliveryId: stringAt(body, 'id') ?? null,
      dedupeKey: `sig:${signature.toLowerCase()}`,
      vendorEvent: event,
      externalRef,
      stage: toStage,
      payload: {
        opportunityId: externalRef ?? null,
        fromStageId: stringAt(data, 'fromStageId') ?? null,
        toStageId: toStage ?? null,
      },
    };
  },
};
