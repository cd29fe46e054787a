import type { EngineActor } from '../../src/engine/index.ts';

/** A review loop: SUBMIT arms a business-day SLA timer, RETURN cancels it, UPDATE_CONTEXT counts rounds. */
export const INGEST_SPEC = {
  schemaVersion: 2,
  id: 'ingest-loop',
  name: 'Ingest loop',
  calendar: { timeZone: 'Europe/Berlin', holidays: { country: 'DE' } },
  context: { round: { type: 'int' } },
  initial: 'open',
  states: [
    {
      id: 'open',
      kind: 'milestone',
      on: [
        { id: 'submit', event: 'SUBMIT', target: 'review' },
        { id: 'close', event: 'CLOSE', target: 'closed' },
      ],
    },
    {
      id: 'review',
      kind: 'milestone',
      on: [{ id: 'return', event: 'RETURN', target: 'open' }],
      timers: [
        {
          id: 'sla',
          after: { amount: 2, unit: 'businessDays' },
          actions: [{ type: 'notify', to: [{ role: 'recruiter' }], message: 'Review waiting' }],
        },
      ],
    },
    { id: 'closed', kind: 'final', outcome: 'completed' },
  ],
};

export const INGEST_INSTANCES = 6;
export const INGEST_EVENTS_PER_INSTANCE = 45;
export const INGEST_ACTOR: EngineActor = {
  id: 'u-ingest',
  role: 'recruiter',
  via: 'webhook',
  businessUnits: ['engineering'],
};

/** One event of the list: instance `instance`, position `n` in that instance's history, key `i:n`. */
export interface IngestEvent {
  instance: number;
  n: number;
  key: string;
  event: { type: string; payload: Record<string, unknown> };
}

/** Event `n` of any instance: SUBMIT, a context update carrying `n`, RETURN, and again. Each is accepted. */
export function ingestEventAt(n: number): IngestEvent['event'] {
  if (n % 3 === 0) return { type: 'SUBMIT', payload: { n } };
  if (n % 3 === 1) return { type: 'UPDATE_CONTEXT', payload: { patch: { round: n } } };
  return { type: 'RETURN', payload: { n } };
}

/** The deterministic list the worker ingests: round-robin over instances, so kills land between any two. */
export function ingestEvents(): IngestEvent[] {
  const events: IngestEvent[] = [];
  for (let n = 0; n < INGEST_EVENTS_PER_INSTANCE; n++) {
    for (let instance = 0; instance < INGEST_INSTANCES; instance++) {
      events.push({ instance, n, key: `${instance}:${n}`, event: ingestEventAt(n) });
    }
  }
  return events;
}

/** The start request of instance `i`; its idempotency key makes a restarted worker find the same instance. */
export const ingestStart = (instance: number) => ({
  workflowId: INGEST_SPEC.id,
  businessUnit: 'engineering',
  subject: { kind: 'candidate' },
  context: { round: -1 },
  actor: INGEST_ACTOR,
  idempotencyKey: `start:${instance}`,
});
