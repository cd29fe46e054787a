import type { OutboxRow } from '../runtime.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An outbox row as the API shows it. */
export function toEffectView(row: OutboxRow) {
  return {
    id: row.id,
    instanceId: row.instanceId,
    effectKey: row.effectKey,
    type: row.type,
    payload: row.payload as unknown,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveredAt: iso(row.deliveredAt),
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
  };
}
