import { createHmac } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutboxRow } from '../store/index.ts';

/** What a delivery attempt answers. `permanent` failures go straight to the dead-letter state. */
export type DeliveryResult = { ok: true } | { ok: false; error: string; permanent?: boolean };

/** Delivers one effect. Each effect carries a stable `effectKey` so receivers can deduplicate. */
export type Transport = (effect: OutboxRow) => Promise<DeliveryResult>;

/** A delivered (or, in sandboxes, captured) effect as recorded by {@link createRecordingTransport}. */
export interface RecordedEffect {
  effectKey: string;
  instanceId: string | null;
  type: string;
  payload: unknown;
  at: string;
}

/**
 * Records what would have been sent (notifications to people: no mail server is reachable from
 * here) — in memory and, when `file` is given, appended as NDJSON. Sandboxes use it to capture
 * every effect instead of delivering it.
 */
export function createRecordingTransport(options: { file?: string; now?: () => Date } = {}) {
  const sent: RecordedEffect[] = [];
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  const transport: Transport = async (effect) => {
    const record: RecordedEffect = {
      effectKey: effect.effectKey,
      instanceId: effect.instanceId,
      type: effect.type,
      payload: effect.payload,
      at: (options.now?.() ?? new Date()).toISOString(),
    };
    sent.push(record);
    if (options.file) appendFileSync(options.file, `${JSON.stringify(record)}\n`);
    return { ok: true };
  };
  return { transport, sent };
}

/**
 * Posts `hireflow.webhook` effects as JSON, signed like Standard Webhooks (`webhook-id` = the effect
 * key, so the receiver can drop repeats; `webhook-signature: v1,<base64 HMAC-SHA256>`). 2xx = delivered,
 * 4xx other than 408/429 = permanent, anything else = retry.
 */
export function createWebhookTransport(options: {
  secret: string;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}): Transport {
  const doFetch = options.fetch ?? fetch;
  return async (effect) => {
    const payload = effect.payload as { url?: string; event?: string };
    if (!payload.url) return { ok: false, error: 'webhook effect without url', permanent: true };
    const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000).toString();
    const body = JSON.stringify({
      type: payload.event,
      instanceId: effect.instanceId,
      effectKey: effect.effectKey,
      data: effect.payload,
    });
    const signature = createHmac('sha256', options.secret)
      .update(`${effect.effectKey}.${timestamp}.${body}`)
      .digest('base64');
    try {
      const response = await doFetch(payload.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': effect.effectKey,
          'webhook-id': effect.effectKey,
          'webhook-timestamp': timestamp,
          'webhook-signature': `v1,${signature}`,
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (response.ok) return { ok: true };
      const permanent =
        response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      return { ok: false, error: `HTTP ${response.status}`, permanent };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Routes effects by type to transports; types without a route are recorded. */
export function routeTransports(routes: Partial<Record<string, Transport>>, fallback: Transport): Transport {
  return (effect) => (routes[effect.type] ?? fallback)(effect);
}
