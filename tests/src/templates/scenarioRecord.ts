import {
  type AuditEntry,
  type HireflowDb,
  listAuditEntries,
  listEffects,
  listTimers,
  replay,
  verify,
} from '@hireflow/runtime';
import { expect } from 'vitest';

// Readable one-line views of what a scenario left behind, so the tests can compare them with the
// "audit and effects" column of templates/src/scenarios.md.

/** `xstate.after.timer:recruiter_screen:remind.recruiter_screen` → `timer:recruiter_screen:remind`. */
export const delayOf = (eventType: string): string =>
  eventType.replace(/^xstate\.after\./, '').replace(/\.[^.]+$/, '');

const roles = (to: unknown): string =>
  (Array.isArray(to) ? to : [to])
    .map((r) => (r as { role?: string; user?: string }).role ?? (r as { user?: string }).user)
    .join('+');

/** One line per audit entry: `kind what by actor`, plus the flag and refusal code when there is one. */
export function describeEntry(entry: AuditEntry): string {
  const event = entry.event as {
    type: string;
    payload?: Record<string, unknown>;
    flag?: string;
    refusal?: string;
  };
  const by = `by ${entry.actor.id}`;
  switch (entry.kind) {
    case 'timer':
      return `timer ${delayOf(event.type)}`;
    case 'deferral':
      return `deferral ${delayOf(event.type)} until ${String(event.payload?.until)}`;
    case 'approval':
      return `approval ${String(event.payload?.stepId)} ${String(event.payload?.decision)} ${by}`;
    case 'refused':
      return `refused ${event.type} ${event.refusal} ${by}`;
    case 'start':
      return `start ${by}`;
    default:
      return `${entry.kind} ${event.type}${event.flag ? ` [${event.flag}]` : ''} ${by}`;
  }
}

/** The instance's audit log, one line per entry, in chain order. */
export const auditTrail = (db: HireflowDb, id: string): string[] =>
  listAuditEntries(db, id).map(describeEntry);

/** Timer entries with the time they fired, e.g. `timer:applied:remind @ 2026-03-04T10:00:00.000Z`. */
export const firedTimers = (db: HireflowDb, id: string): string[] =>
  listAuditEntries(db, id)
    .filter((e) => e.kind === 'timer')
    .map((e) => `${delayOf(e.event.type)} @ ${e.at}`);

/**
 * The instance's outbox rows in the order the engine produced them. Rows of one step share a
 * `createdAt` and have random ids, so the order comes from the effect key `<instance>:<revision>:<index>`.
 */
const outboxOf = (db: HireflowDb, id: string) => {
  const position = (key: string) => key.split(':').slice(-2).map(Number) as [number, number];
  return listEffects(db, { instanceId: id }).sort((a, b) => {
    const [ra, ia] = position(a.effectKey);
    const [rb, ib] = position(b.effectKey);
    return ra - rb || ia - ib;
  });
};

/** Outbox rows in order: `notify ta_manager+recruiter`, `assignOwner ta_manager`, `webhook <event>`. */
export function effectsOf(db: HireflowDb, id: string): string[] {
  return outboxOf(db, id).map((row) => {
    const params = row.payload as Record<string, unknown>;
    const kind = row.type.replace(/^hireflow\./, '');
    if (kind === 'notify' || kind === 'assignOwner') return `${kind} ${roles(params.to)}`;
    if (kind === 'webhook') return `webhook ${String(params.event)}`;
    return kind;
  });
}

/** Notification messages, in order (to check who was told what). */
export const messagesOf = (db: HireflowDb, id: string): string[] =>
  outboxOf(db, id)
    .filter((row) => row.type === 'hireflow.notify')
    .map((row) => String((row.payload as { message?: unknown }).message));

/** Delay names of the timers still armed, sorted, with their due times. */
export const armedTimers = (db: HireflowDb, id: string): string[] =>
  listTimers(db, id)
    .filter((t) => t.status === 'armed')
    .map((t) => `${t.delayName} @ ${new Date(t.dueAt).toISOString()}`)
    .sort();

/** Every scenario ends here: the hash chains verify and the instance replays to the recorded state. */
export function expectIntact(db: HireflowDb, id: string): void {
  expect(verify(db)).toMatchObject({ ok: true });
  const replayed = replay(db, id);
  expect(replayed?.firstMismatch).toBeUndefined();
  expect(replayed?.ok).toBe(true);
}

/** Status of each step of an approval state, from the instance's `$approvals` record. */
export function stepStatuses(context: Record<string, unknown>, stateId: string): Record<string, string> {
  const approvals = context.$approvals as
    | Record<string, { steps: Record<string, { status: string }> }>
    | undefined;
  const steps = approvals?.[stateId]?.steps ?? {};
  return Object.fromEntries(Object.entries(steps).map(([step, record]) => [step, record.status]));
}
