import type { HireflowDb, OutboxRow } from '../runtime.ts';
import { getInstance, getWorkflow } from '../runtime.ts';
import type { RecipientSpec } from './resolveRecipients.ts';

/**
 * What a notification may say. Deliberately no candidate name or email: only the pseudonymous
 * subject reference, so a message can be forwarded or logged without personal data.
 */
export interface NotificationFacts {
  instanceId: string;
  businessUnit: string;
  subjectRef: string;
  workflowName: string;
  state: string;
  /** Milliseconds the instance has been in `state` when the message is rendered. */
  inStateMs: number;
  message: string;
  link: string;
  to: RecipientSpec[];
  /** Same instance, state and message: a repeated reminder of one rung. */
  dedupeKey: string;
}

/** A notify or assignOwner payload as the compiler emits it. */
function readPayload(effect: OutboxRow): { to: RecipientSpec[]; message: string } | undefined {
  const payload = effect.payload as { to?: unknown; message?: unknown } | null;
  if (!payload) return undefined;
  if (effect.type === 'hireflow.assignOwner' && payload.to && typeof payload.to === 'object')
    return { to: [payload.to as RecipientSpec], message: 'You are now the owner of this instance.' };
  if (!Array.isArray(payload.to) || typeof payload.message !== 'string') return undefined;
  return { to: payload.to as RecipientSpec[], message: payload.message };
}

/** The leaf state ids of a state value (`{"offer":"approval"}` → `offer.approval`). */
export function stateLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}.${stateLabel(v)}`)
      .join(', ');
  return String(value);
}

/** Gathers {@link NotificationFacts} for a notify effect, or an error saying why it cannot be. */
export function notificationFacts(
  db: HireflowDb,
  effect: OutboxRow,
  options: { now: number; linkFor: (instanceId: string) => string },
): NotificationFacts | { error: string } {
  const payload = readPayload(effect);
  if (!payload) return { error: 'notify effect without recipients or message' };
  const instance = effect.instanceId ? getInstance(db, effect.instanceId) : undefined;
  if (!instance) return { error: 'notify effect without its instance' };
  const state = stateLabel(instance.stateValue);
  return {
    instanceId: instance.id,
    businessUnit: instance.businessUnit,
    subjectRef: instance.subjectId ?? '(no subject)',
    workflowName: getWorkflow(db, instance.workflowId)?.name ?? instance.workflowId,
    state,
    inStateMs: Math.max(0, options.now - instance.enteredAt),
    message: payload.message,
    link: options.linkFor(instance.id),
    to: payload.to,
    dedupeKey: `${instance.id}|${state}|${payload.message}`,
  };
}

/** "3 days 4 hours", "5 hours", "12 minutes". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return plural(hours, 'hour');
  return plural(minutes % 60, 'minute');
}
