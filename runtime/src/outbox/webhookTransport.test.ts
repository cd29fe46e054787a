import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../test/webhookReceiver.ts';
import { enqueueEffect, listEffects, type OutboxRow } from '../store/index.ts';
import { openTempDatabase, type TempDatabase } from '../store/openTempDatabase.ts';
import { seedInstance } from '../store/repositories/testFixtures.ts';
import { createGuardedFetch, type Resolver } from './guardedFetch.ts';
import { NO_OUTBOUND_ALLOW, parseOutboundAllow } from './outboundPolicy.ts';
import { createWebhookTransport, generateWebhookSecret } from './webhookTransport.ts';

let temp: TempDatabase;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const secret = generateWebhookSecret();
beforeEach(async () => {
  temp = openTempDatabase();
  seedInstance(temp.db);
  receiver = await startWebhookReceiver(secret);
});
afterEach(async () => {
  await receiver.close();
  temp.dispose();
});

function webhookEffect(url: string, key = 'i1:2:0'): OutboxRow {
  enqueueEffect(temp.db, {
    instanceId: 'i1',
    effectKey: key,
    type: 'hireflow.webhook',
    payload: { url, event: 'offer.approved' },
    now: 1000,
  });
  const row = listEffects(temp.db, { type: 'hireflow.webhook' }).find((e) => e.effectKey === key);
  if (!row) throw new Error('no effect');
  return row;
}

/** A DNS answer we cannot get from real DNS here: `hooks.example.test` → 127.0.0.1. */
const fakeDns: Resolver = (hostname, _options, callback) =>
  hostname === 'hooks.example.test'
    ? callback(null, [{ address: '127.0.0.1', family: 4 }])
    : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);

describe('Standard Webhooks transport', () => {
  it('signs so that a receiver using the standardwebhooks library verifies the delivery', async () => {
    const transport = createWebhookTransport({ secret, allow: parseOutboundAllow('127.0.0.1') });
    const result = await transport(webhookEffect(`http://127.0.0.1:${receiver.port}/hooks/hireflow?t=1`));
    expect(result).toEqual({ ok: true, detail: `HTTP 204 from 127.0.0.1:${receiver.port}` });
    expect(receiver.received).toEqual([
      {
        id: 'i1:2:0',
        verified: true,
        body: {
          type: 'offer.approved',
          timestamp: expect.any(String),
          data: { instanceId: 'i1', effectKey: 'i1:2:0', event: 'offer.approved' },
        },
      },
    ]);
  });

  it('is rejected by a receiver holding another secret, which is a permanent failure', async () => {
    const transport = createWebhookTransport({
      secret: generateWebhookSecret(),
      allow: parseOutboundAllow('127.0.0.1'),
    });
    const result = await transport(webhookEffect(`http://127.0.0.1:${receiver.port}/hooks`));
    expect(result).toEqual({
      ok: false,
      error: `webhook to 127.0.0.1:${receiver.port}: HTTP 401`,
      permanent: true,
    });
    expect(receiver.received).toMatchObject([
      { verified: false, error: expect.stringMatching(/signature/i) },
    ]);
  });

  it('refuses loopback without an allow-list entry, before any byte is sent', async () => {
    const transport = createWebhookTransport({ secret, allow: NO_OUTBOUND_ALLOW });
    expect(await transport(webhookEffect(`http://127.0.0.1:${receiver.port}/a`, 'k1'))).toEqual({
      ok: false,
      error: `webhook to 127.0.0.1:${receiver.port}: refused: use https (http is only allowed for hosts in HIREFLOW_OUTBOUND_ALLOW)`,
      permanent: true,
    });
    expect(await transport(webhookEffect(`https://127.0.0.1:${receiver.port}/a`, 'k2'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/refused: 127\.0\.0\.1 is an internal address \(loopback\)/),
      permanent: true,
    });
    expect(receiver.received).toEqual([]);
  });

  it('checks the address a host name resolves to when connecting', async () => {
    const refusing = createWebhookTransport({
      secret,
      allow: NO_OUTBOUND_ALLOW,
      fetch: createGuardedFetch({ allow: NO_OUTBOUND_ALLOW, resolve: fakeDns }),
    });
    expect(
      await refusing(webhookEffect(`https://hooks.example.test:${receiver.port}/a`, 'k1')),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /refused: 127\.0\.0\.1 is an internal address \(loopback\) that hooks\.example\.test resolves to/,
      ),
      permanent: true,
    });
    expect(receiver.received).toEqual([]);
    const allow = parseOutboundAllow('hooks.example.test');
    const allowed = createWebhookTransport({
      secret,
      allow,
      fetch: createGuardedFetch({ allow, resolve: fakeDns }),
    });
    expect(await allowed(webhookEffect(`http://hooks.example.test:${receiver.port}/a`, 'k2'))).toMatchObject({
      ok: true,
    });
    expect(receiver.received).toMatchObject([{ id: 'k2', verified: true }]);
  });

  it('does not follow a redirect (it could point inside)', async () => {
    const redirector = createServer((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end(),
    );
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const { port } = redirector.address() as AddressInfo;
    try {
      const transport = createWebhookTransport({ secret, allow: parseOutboundAllow('127.0.0.1') });
      expect(await transport(webhookEffect(`http://127.0.0.1:${port}/r`))).toEqual({
        ok: false,
        error: `webhook to 127.0.0.1:${port}: HTTP 302 (redirects are not followed)`,
        permanent: true,
      });
    } finally {
      redirector.close();
    }
  });

  it('wants a whsec_ secret', () => {
    expect(() => createWebhookTransport({ secret: 'hunter2', allow: NO_OUTBOUND_ALLOW })).toThrow(/whsec_/);
  });
});
