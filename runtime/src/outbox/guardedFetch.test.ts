import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../test/webhookReceiver.ts';
import { createGuardedFetch, describeFetchError, OutboundRefusedError } from './guardedFetch.ts';
import { NO_OUTBOUND_ALLOW, parseOutboundAllow } from './outboundPolicy.ts';
import { generateWebhookSecret } from './webhookTransport.ts';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeEach(async () => {
  receiver = await startWebhookReceiver(generateWebhookSecret());
});
afterEach(() => receiver.close());

describe('guarded fetch', () => {
  it('is a fetch: strings, URLs and Requests reach an allowed host with their method and body', async () => {
    const guarded = createGuardedFetch({ allow: parseOutboundAllow('127.0.0.1') });
    const url = `http://127.0.0.1:${receiver.port}/chat`;
    const request = new Request(url, {
      method: 'POST',
      body: '{"text":"hi"}',
      headers: { 'webhook-id': 'r1' },
    });
    // Unsigned, so the receiver answers 401: what matters is that the request arrived, body and all.
    expect((await guarded(request)).status).toBe(401);
    expect(
      (await guarded(new URL(url), { method: 'POST', body: 'x', headers: { 'webhook-id': 'r2' } })).status,
    ).toBe(401);
    expect(receiver.received.map((r) => [r.id, r.body])).toEqual([
      ['r1', '{"text":"hi"}'],
      ['r2', 'x'],
    ]);
  });

  it('rejects like a network error, with the refusal as cause, and sends nothing', async () => {
    const guarded = createGuardedFetch({ allow: NO_OUTBOUND_ALLOW });
    const failure = await guarded('https://169.254.169.254/latest/meta-data').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).cause).toBeInstanceOf(OutboundRefusedError);
    expect(describeFetchError(failure)).toMatch(
      /^refused: 169\.254\.169\.254 is an internal address \(link-local/,
    );
    const loop = await guarded(`https://[::ffff:127.0.0.1]:${receiver.port}/`).catch((e: unknown) => e);
    expect(describeFetchError(loop)).toMatch(/internal address \(loopback\)/);
    expect(receiver.received).toEqual([]);
  });
});
