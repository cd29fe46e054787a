import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors, createHarness, type Harness, SAMPLE_SPEC } from '../../test/engineHarness.ts';
import {
  createWorkflow,
  enqueueEffect,
  listEffects,
  listInstances,
  listLinkedInstances,
  updateDraft,
} from '../store/index.ts';
import { createOutboxWorker } from './outboxWorker.ts';
import { createTicketTransport } from './ticketTransport.ts';
import { routeTransports } from './transports.ts';

const TICKET = {
  schemaVersion: 2,
  id: 'ticket',
  name: 'Problem ticket',
  context: {
    severity: { type: 'string' },
    summary: { type: 'string' },
    'source.instanceId': { type: 'string' },
  },
  initial: 'pending',
  states: [
    { id: 'pending', kind: 'milestone', on: [{ id: 'done', event: 'RESOLVE', target: 'resolved' }] },
    { id: 'resolved', kind: 'final', outcome: 'completed' },
  ],
};

let h: Harness;
let v2 = '';
beforeEach(() => {
  h = createHarness();
  const spec = structuredClone(SAMPLE_SPEC);
  spec.states[1].on.push({
    id: 'stuck',
    event: 'REPORT_PROBLEM',
    target: 'screen',
    actions: [
      { type: 'openTicket', workflowId: 'ticket', severity: 'sev1', summary: 'Offer letter blocked' },
    ],
  });
  updateDraft(h.db, 'sample-hiring', 0, { draftSpec: spec, now: 0 });
  const published = h.engine.publish({
    workflowId: 'sample-hiring',
    actor: actors.admin,
    changelog: 'tickets',
  });
  if (published.kind === 'invalid') throw new Error('invalid');
  v2 = published.version.id;
  createWorkflow(h.db, {
    id: 'ticket',
    name: 'Problem ticket',
    businessUnit: 'engineering',
    draftSpec: TICKET as never,
    now: 0,
  });
  h.engine.publish({ workflowId: 'ticket', actor: actors.admin, changelog: 'first' });
});
afterEach(() => h.close());

describe('openTicket effects', () => {
  it('start one ticket instance in the same business unit, even when delivered twice', async () => {
    const started = h.engine.start({
      workflowId: 'sample-hiring',
      businessUnit: 'engineering',
      subject: { kind: 'candidate' },
      context: {},
      actor: actors.recruiter,
      versionId: v2,
    });
    if (!started.ok) throw new Error(started.message);
    h.engine.send(started.instanceId, { type: 'REPORT_PROBLEM' }, { actor: actors.recruiter });
    const tickets = createTicketTransport(h.engine);
    const worker = createOutboxWorker({
      db: h.db,
      clock: h.clock,
      transport: routeTransports({ 'hireflow.openTicket': tickets }),
    });
    await worker.drain();
    const [ticket] = listInstances(h.db, { workflowId: 'ticket' });
    expect(ticket).toMatchObject({ businessUnit: 'engineering', stateValue: 'pending' });
    expect((ticket?.snapshot as { context?: Record<string, unknown> } | undefined)?.context).toMatchObject({
      severity: 'sev1',
      source: { instanceId: started.instanceId },
    });
    const effect = listEffects(h.db, { instanceId: started.instanceId }).find(
      (e) => e.type === 'hireflow.openTicket',
    );
    if (!effect) throw new Error('no ticket effect');
    expect(effect).toMatchObject({ status: 'delivered', detail: `ticket instance ${ticket?.id}` });
    expect(await tickets(effect)).toEqual({ ok: true, detail: `ticket instance ${ticket?.id}` });
    expect(listInstances(h.db, { workflowId: 'ticket' })).toHaveLength(1);
    // Linked both ways, once, although delivered twice.
    expect(listLinkedInstances(h.db, started.instanceId)).toMatchObject([
      { instanceId: ticket?.id, direction: 'opened', kind: 'ticket', effectKey: effect.effectKey },
    ]);
    expect(listLinkedInstances(h.db, ticket?.id ?? '')).toMatchObject([
      { instanceId: started.instanceId, direction: 'openedBy', kind: 'ticket' },
    ]);
  });

  it('fails permanently, naming the workflow, when the ticket workflow has no published version', async () => {
    createWorkflow(h.db, {
      id: 'unpublished',
      name: 'Draft only',
      businessUnit: 'engineering',
      draftSpec: TICKET as never,
      now: 0,
    });
    const started = h.engine.start({
      workflowId: 'sample-hiring',
      businessUnit: 'engineering',
      subject: { kind: 'candidate' },
      context: {},
      actor: actors.recruiter,
      versionId: v2,
    });
    if (!started.ok) throw new Error(started.message);
    const tickets = createTicketTransport(h.engine);
    enqueueEffect(h.db, {
      instanceId: started.instanceId,
      effectKey: 'k-unpublished',
      type: 'hireflow.openTicket',
      payload: { workflowId: 'unpublished', severity: 'sev2', summary: 'x' },
      now: 0,
    });
    const effect = listEffects(h.db, { type: 'hireflow.openTicket', instanceId: started.instanceId })[0];
    if (!effect) throw new Error('no effect');
    const result = await tickets(effect);
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(result.ok ? '' : result.error).toMatch(/ticket workflow "unpublished": NOT_FOUND/);
    expect(listInstances(h.db, { workflowId: 'unpublished' })).toHaveLength(0);
    expect(listLinkedInstances(h.db, started.instanceId)).toEqual([]);
  });
});
