import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutboxRow } from '../store/index.ts';

/**
 * What a delivery attempt answers. `ok`: the other side confirmed (detail: e.g. a message id).
 * `error`: retried with backoff, or dead at once when `permanent`. `undeliverable`: no transport is
 * configured for this channel; the effect is parked with `error` as the reason until an admin retries.
 */
export type DeliveryResult =
  | { ok: true; detail?: string }
  | { ok: false; error: string; permanent?: boolean }
  | { ok: false; undeliverable: true; error: string };

/** Delivers one effect. Each effect carries a stable `effectKey` so receivers can deduplicate. */
export type Transport = (effect: OutboxRow) => Promise<DeliveryResult>;

/** A captured effect as recorded by {@link createRecordingTransport}. */
export interface RecordedEffect {
  effectKey: string;
  instanceId: string | null;
  type: string;
  payload: unknown;
  at: string;
}

/**
 * Records effects in memory (and, when `file` is given, appends them as NDJSON) and answers `ok`.
 * For tests and tools only: it confirms nothing was received by anyone, so a production server must
 * not use it (configure a real transport, or {@link undeliverableTransport} for the channel).
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
    return { ok: true, detail: 'recorded (not sent)' };
  };
  return { transport, sent };
}

/** A transport for a channel nobody configured: every effect becomes `undeliverable` with `reason`. */
export function undeliverableTransport(reason: string): Transport {
  return async () => ({ ok: false, undeliverable: true, error: reason });
}

/**
 * Routes effects by type to transports. A type without a route goes to `fallback`, by default
 * {@link undeliverableTransport} naming the effect type, so nothing is ever marked delivered by accident.
 */
export function routeTransports(routes: Partial<Record<string, Transport>>, fallback?: Transport): Transport {
  return (effect) =>
    (
      routes[effect.type] ??
      fallback ??
      undeliverableTransport(`no transport is configured for ${effect.type} effects`)
    )(effect);
}
