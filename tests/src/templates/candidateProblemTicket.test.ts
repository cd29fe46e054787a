import {
  createOutboxWorker,
  createTicketTransport,
  createWorkflow,
  readInstances,
  routeTransports,
} from '@hireflow/runtime';
import { describe, expect, it } from 'vitest';
import { firedTimers } from './scenarioRecord.ts';
import { runScenarios } from './scenarioTable.ts';
import { actorOf, BUSINESS_UNIT, createTemplateHarness } from './templateHarness.ts';

// templates/src/scenarios.md § candidate-problem-ticket. Sev-1 runs in business hours (respond 1 h,
// escalate 4 h); the standard lane in business days (remind 1, escalate 2).

const taOps = actorOf('ta_ops');
const sev1Delay = { severity: 'sev1', issueType: 'background_check_delay' };

runScenarios('candidate-problem-ticket', [
  {
    name: '1. a Sev-1 ticket escalates to the TA manager after 4 business hours',
    context: sev1Delay,
    steps(run) {
      expect(run.view().owner).toEqual({ role: 'compliance' });
      run.advanceTo('2026-03-02T11:00:00Z');
      run.advanceTo('2026-03-02T14:00:00Z');
    },
    activeStates: ['pending_sev1'],
    audit: ['start by u-recruiter', 'timer timer:pending_sev1:respond', 'timer timer:pending_sev1:escalate'],
    effects: [
      'assignOwner compliance',
      'notify ta_manager+ta_ops',
      'notify ta_ops',
      'notify ta_manager',
      'assignOwner ta_manager',
    ],
    check(run) {
      expect(run.view().owner).toEqual({ role: 'ta_manager' });
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:pending_sev1:respond @ 2026-03-02T11:00:00.000Z',
        'timer:pending_sev1:escalate @ 2026-03-02T14:00:00.000Z',
      ]);
    },
  },
  {
    name: '2. a Sev-1 opened late on a Friday escalates Monday 11:00 (2 h Friday + 2 h Monday)',
    context: sev1Delay,
    startAt: '2026-03-06T15:00:00Z',
    steps(run) {
      run.advanceTo('2026-03-09T10:59:00Z');
      expect(firedTimers(run.db, run.id)).toEqual(['timer:pending_sev1:respond @ 2026-03-06T16:00:00.000Z']);
      run.advanceTo('2026-03-09T11:00:00Z');
    },
    activeStates: ['pending_sev1'],
    audit: ['start by u-recruiter', 'timer timer:pending_sev1:respond', 'timer timer:pending_sev1:escalate'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:pending_sev1:respond @ 2026-03-06T16:00:00.000Z',
        'timer:pending_sev1:escalate @ 2026-03-09T11:00:00.000Z',
      ]);
    },
  },
  {
    name: '3. tickets are routed to an owner by issue type',
    context: { issueType: 'document_missing' },
    activeStates: ['pending'],
    audit: ['start by u-recruiter'],
    effects: ['assignOwner recruiter'],
    check(run) {
      expect(run.view().owner).toEqual({ role: 'recruiter' });
      const ownerFor = (issueType: string) => run.harness.view(run.harness.start({ issueType })).owner;
      expect(ownerFor('integration_sync')).toEqual({ role: 'ta_ops' });
      expect(ownerFor('offer_blocked')).toEqual({ role: 'hrbp' });
      expect(ownerFor('scheduling')).toEqual({ role: 'recruiter' });
      expect(ownerFor('other')).toEqual({ role: 'ta_ops' });
    },
  },
  {
    name: '4. Resolved cannot be skipped',
    steps(run) {
      run.must('START', { as: taOps });
      expect(run.send('VERIFY')).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED' });
      run.must('RESOLVE', { as: taOps, note: 'Vendor re-sent the report.' });
      run.must('VERIFY');
    },
    activeStates: ['verified'],
    status: 'done',
    outcome: 'completed',
    audit: [
      'start by u-recruiter',
      'transition START by u-ta_ops',
      'refused VERIFY EVENT_NOT_ALLOWED by u-recruiter',
      'transition RESOLVE by u-ta_ops',
      'transition VERIFY by u-recruiter',
    ],
  },
  {
    name: '5. a reopened Sev-1 goes back to the Sev-1 lane, flagged as a regression',
    context: { severity: 'sev1' },
    steps(run) {
      run.must('START', { as: taOps });
      run.must('RESOLVE', { as: taOps, note: 'Offer letter regenerated.' });
      run.must('REOPEN', { note: 'Candidate still cannot open the letter.' });
      const standard = run.harness.start({ severity: 'sev3' });
      run.harness.must(standard, 'START', { as: taOps });
      run.harness.must(standard, 'RESOLVE', { as: taOps, note: 'Fixed.' });
      run.harness.must(standard, 'REOPEN', { note: 'Not fixed.' });
      expect(run.harness.view(standard).activeStates).toEqual(['in_progress']);
    },
    activeStates: ['in_progress_sev1'],
    audit: [
      'start by u-recruiter',
      'transition START by u-ta_ops',
      'transition RESOLVE by u-ta_ops',
      'transition REOPEN [regression] by u-recruiter',
    ],
  },
  {
    name: '6. raising the severity and reclassifying routes the ticket into the Sev-1 lane',
    context: { issueType: 'offer_blocked' },
    steps(run) {
      run.must('START', { as: taOps });
      run.patch({ severity: 'sev1' }, taOps);
      expect(run.send('RECLASSIFY', { as: actorOf('recruiter'), note: 'x' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      run.must('RECLASSIFY', { as: taOps, note: 'The offer deadline is tomorrow.' });
    },
    activeStates: ['pending_sev1'],
    audit: [
      'start by u-recruiter',
      'transition START by u-ta_ops',
      'transition UPDATE_CONTEXT by u-ta_ops',
      'refused RECLASSIFY FORBIDDEN by u-recruiter',
      'transition RECLASSIFY by u-ta_ops',
    ],
    effects: ['assignOwner hrbp', 'assignOwner hrbp', 'notify ta_manager+ta_ops'],
  },
  {
    name: '7. a standard ticket is reminded after 1 business day and escalated after 2',
    context: { severity: 'sev3' },
    steps(run) {
      run.advanceTo('2026-03-03T10:00:00Z');
      run.advanceTo('2026-03-04T10:00:00Z');
    },
    activeStates: ['pending'],
    audit: ['start by u-recruiter', 'timer timer:pending:remind', 'timer timer:pending:escalate'],
    effects: ['assignOwner ta_ops', 'notify ta_ops', 'notify ta_manager'],
  },
]);

describe('8. tickets opened by other workflows', () => {
  it('an openTicket action of another workflow opens a Sev-1 ticket in pending_sev1', async () => {
    const harness = createTemplateHarness('candidate-problem-ticket');
    try {
      const source = {
        schemaVersion: 2,
        id: 'offer-desk',
        name: 'Offer desk',
        initial: 'drafting',
        states: [
          {
            id: 'drafting',
            kind: 'milestone',
            on: [
              {
                id: 'blocked',
                event: 'BLOCKED',
                target: 'drafting',
                actions: [
                  {
                    type: 'openTicket',
                    workflowId: 'candidate-problem-ticket',
                    severity: 'sev1',
                    summary: 'Offer letter cannot be issued',
                  },
                ],
              },
              { id: 'sent', event: 'SEND', target: 'sent' },
            ],
          },
          { id: 'sent', kind: 'final', outcome: 'completed' },
        ],
      };
      createWorkflow(harness.db, {
        id: 'offer-desk',
        name: 'Offer desk',
        businessUnit: BUSINESS_UNIT,
        draftSpec: source as never,
        now: 0,
      });
      const published = harness.engine.publish({
        workflowId: 'offer-desk',
        actor: actorOf('admin'),
        changelog: 'test',
      });
      expect(published.kind).toBe('published');
      const started = harness.engine.start({
        workflowId: 'offer-desk',
        businessUnit: BUSINESS_UNIT,
        subject: { kind: 'offer' },
        context: {},
        actor: actorOf('recruiter'),
      });
      if (!started.ok) throw new Error(started.message);
      expect(
        harness.engine.send(started.instanceId, { type: 'BLOCKED' }, { actor: actorOf('recruiter') }),
      ).toMatchObject({ ok: true });
      const worker = createOutboxWorker({
        db: harness.db,
        clock: harness.clock,
        transport: routeTransports(
          { 'hireflow.openTicket': createTicketTransport(harness.engine) },
          async () => ({ ok: true }),
        ),
      });
      await worker.drain();
      const tickets = readInstances(
        harness.db,
        actorOf('admin'),
        { workflowId: 'candidate-problem-ticket' },
        0,
      );
      expect(tickets.map((t) => t.activeStates)).toEqual([['pending_sev1']]);
      expect(tickets[0]?.context).toMatchObject({
        severity: 'sev1',
        source: { instanceId: started.instanceId },
      });
    } finally {
      harness.close();
    }
  });
});
