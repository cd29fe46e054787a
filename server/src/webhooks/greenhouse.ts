import { createHash } from 'node:crypto';
import { equalBytes, fromHex, hmacSha256, stringAt, type VendorAdapter } from './vendorAdapter.ts';

/**
 * Greenhouse: `Signature: sha256 <hex>` = HMAC-SHA256 of the raw body with the web hook's secret key;
 * `Greenhouse-Event-ID` identifies the delivery. Bodies are `{ action, payload: { application, … } }`
 * (`candidate_stage_change`, `hire_candidate`, `reject_candidate`, `offer_created`, …). Greenhouse
 * sends no previous stage: our instance's state is the "from".
 */
export const greenhouse: VendorAdapter = {
  vendor: 'greenhouse',
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
      // A delivery without the header is identified by its bytes: an identical re-send is a duplicate.
      deliveryId:
        request.header('greenhouse-event-id') ?? createHash('sha256').update(request.raw).digest('hex'),
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
