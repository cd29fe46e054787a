import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { createGuardedFetch, describeFetchError, OutboundRefusedError } from './guardedFetch.ts';
import type { OutboundAllowList } from './outboundPolicy.ts';
import type { Transport } from './transports.ts';

/** A new Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Options of {@link createWebhookTransport}. */
export interface WebhookTransportOptions {
  /** Standard Webhooks secret, `whsec_<base64>` (see {@link generateWebhookSecret}). */
  secret: string;
  /** Internal hosts/addresses the webhooks may reach (`HIREFLOW_OUTBOUND_ALLOW`). */
  allow: OutboundAllowList;
  /** Defaults to {@link createGuardedFetch} over `allow`; pass one to share its connection pool. */
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

function isRefusal(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (e instanceof OutboundRefusedError) return true;
  return false;
}

/**
 * Posts `hireflow.webhook` effects as Standard Webhooks: body `{ type, timestamp, data }`, headers
 * `webhook-id` (the effect key, so receivers drop repeats), `webhook-timestamp` and
 * `webhook-signature` computed by the `standardwebhooks` library, so a receiver using it verifies
 * them. Requests go through the guarded fetch (no internal addresses unless allowed, no redirects).
 * 2xx = delivered; 3xx, 4xx other than 408/429 and refusals are permanent; anything else is retried.
 * Errors name the host, never the path (it may hold a token).
 */
export function createWebhookTransport(options: WebhookTransportOptions): Transport {
  if (!/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(options.secret))
    throw new RangeError(
      'webhook secret: use a Standard Webhooks secret, "whsec_" + base64 of 24+ random bytes',
    );
  const signer = new Webhook(options.secret);
  const doFetch = options.fetch ?? createGuardedFetch({ allow: options.allow });
  return async (effect) => {
    const payload = effect.payload as { url?: unknown; event?: unknown };
    if (typeof payload.url !== 'string' || payload.url === '')
      return { ok: false, error: 'webhook effect without url', permanent: true };
    let host = 'invalid URL';
    try {
      host = new URL(payload.url).host;
    } catch {
      return { ok: false, error: 'webhook url is not a valid URL', permanent: true };
    }
    const now = options.now?.() ?? new Date();
    const body = JSON.stringify({
      type: typeof payload.event === 'string' ? payload.event : 'hireflow.webhook',
      timestamp: now.toISOString(),
      data: { instanceId: effect.instanceId, effectKey: effect.effectKey, event: payload.event ?? null },
    });
    try {
      const response = await doFetch(payload.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Hireflow-Webhooks/1',
          'webhook-id': effect.effectKey,
          'webhook-timestamp': Math.floor(now.getTime() / 1000).toString(),
          'webhook-signature': signer.sign(effect.effectKey, now, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      // Drain the body so the connection returns to the pool.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, detail: `HTTP ${response.status} from ${host}` };
      const status = response.status;
      const redirect = status >= 300 && status < 400;
      const permanent = redirect || (status >= 400 && status < 500 && status !== 408 && status !== 429);
      const why = redirect ? ' (redirects are not followed)' : '';
      return { ok: false, error: `webhook to ${host}: HTTP ${status}${why}`, permanent };
    } catch (error) {
      return {
        ok: false,
        error: `webhook to ${host}: ${describeFetchError(error)}`,
        permanent: isRefusal(error),
      };
    }
  };
}
