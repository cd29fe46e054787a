import {
  bodyDigest,
  equalBytes,
  fromHex,
  hmacSha256,
  stringAt,
  type VendorAdapter,
} from './vendorAdapter.ts';

/**
 * Ashby: `Ashby-Signature: sha256=<hex>` = HMAC-SHA256 of the raw body with the webhook's secret token.
 * Bodies are `{ action, data: { application: { id, currentInterviewStage: { title }, … } } }`
 * (`applicationSubmit`, `candidateStageChange`, `candidateHire`, `applicationUpdate`, …). Ashby sends no
 * delivery id header, so a delivery is identified by the sha256 of its exact bytes.
 */
export const ashby: VendorAdapter = {
  vendor: 'ashby',
  personalDataPaths: ['data.application.candidate', 'data.candidate'],
  parseHeaders: [],
  verify(request, secrets) {
    const match = /^sha256=([0-9a-fA-F]+)$/.exec(request.header('ashby-signature') ?? '');
    const sent = match?.[1] === undefined ? undefined : fromHex(match[1]);
    if (!sent) return false;
    return secrets.some((secret) => equalBytes(hmacSha256(secret, request.raw), sent));
  },
  parse(request, body) {
    const action = stringAt(body, 'action');
    if (!action) return undefined;
    const data = (body as { data?: unknown }).data;
    const externalRef = stringAt(data, 'application', 'id');
    const stage = stringAt(data, 'application', 'currentInterviewStage', 'title');
    return {
      vendorDeliveryId: null,
      dedupeKey: bodyDigest(request.raw),
      vendorEvent: action,
      externalRef,
      stage,
      payload: { applicationId: externalRef ?? null, stage: stage ?? null },
    };
  },
};
