import {
  bodyDigest,
  equalBytes,
  fromHex,
  hmacSha256,
  stringAt,
  type VendorAdapter,
} from './vendorAdapter.ts';

/**
 * Greenhouse: `Signature: sha256 <hex>` = HMAC-SHA256 of the raw body with the web hook's secret key;
 * `Greenhouse-Event-ID` labels the delivery but is NOT signed: a captured body re-sent with a new or
 * no id must still be a duplicate, so the dedupe key is the sha256 of the signed body. Bodies are
 * `{ action, payload: { application, … } }` (`new_candidate_application`, `candidate_stage_change`,
 * `hire_candidate`, `reject_candidate`, `offer_created`, …). Greenhouse sends no previous stage: our
 * instance's state is the "from".
 */
export const greenhouse: VendorAdapter = {
  vendor: 'greenhouse',
  personalDataPaths: [
    'payload.application.candidate',
    'payload.candidate',
    'payload.application.answers',
    'payload.application.attachments',
  ],
  parseHeaders: ['greenhouse-event-id'],
  verify(request, secrets) {
    const match = /^sha256 ([0-9a-fA-F]+)$/.exec(request.header('signature') ?? '');
    const sent = match?.[1] === undefined ? undefined : fromHex(match[1]);
    if (!sent) return false;
    return secrets.some((secret) => equalBytes(hmacSha256(secret, request.raw), sent));
  },
  parse(request, body) {
    const action = stringAt(body, 'action');
    if (!action) return undefined;
    const application = (body as { payload?: { application?: unknown; offer?: unknown } }).payload;
    const externalRef =
      stringAt(application, 'application', 'id') ??
      stringAt(application, 'offer', 'application_id') ??
      stringAt(application, 'application_id');
    return {
      vendorDeliveryId: request.header('greenhouse-event-id') ?? null,
      dedupeKey: bodyDigest(request.raw),
      vendorEvent: action,
      externalRef,
      stage: stringAt(application, 'application', 'current_stage', 'name'),
      payload: {
        applicationId: externalRef ?? null,
        stage: stringAt(application, 'application', 'current_stage', 'name') ?? null,
      },
    };
  },
};
