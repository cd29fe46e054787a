import { compile, type MachineDefinition } from '@hireflow/runtime/compiler';
import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { approvalChoices } from './approvalChoices.ts';
import { describeEffect } from './describeEffect.ts';
import {
  activeStateIds,
  advanceClock,
  candidateEvents,
  currentStates,
  type Simulation,
  sendEvent,
  startSimulation,
} from './simulator.ts';

const definition = compile(sampleSpec()).definition as MachineDefinition;
// Monday 2 March 2026, 09:00 UTC: business time starts counting at once.
const MONDAY = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const recruiter = { id: 'sim:recruiter', role: 'recruiter' };

/** screen → (ADVANCE if level > 3) offer, (ADVANCE) hired; offer: a 2-of-3 quorum of approvers. */
function guardedFlow(): MachineDefinition {
  const result = compile({
    schemaVersion: 2,
    id: 'guarded',
    name: 'Guarded',
    initial: 'screen',
    context: { level: { type: 'int' } },
    states: [
      {
        id: 'screen',
        kind: 'milestone',
        on: [
          { id: 'to-offer', event: 'ADVANCE', target: 'offer', guard: 'level > 3' },
          { id: 'to-hired', event: 'ADVANCE', target: 'hired' },
        ],
      },
      {
        id: 'offer',
        kind: 'approval',
        approval: {
          steps: [{ id: 'panel', approvers: [{ role: 'approver' }], mode: 'quorum', quorum: 2 }],
          onApproved: 'hired',
          onRejected: 'rejected',
          allowDelegation: true,
        },
      },
      { id: 'hired', kind: 'final', outcome: 'hired' },
      { id: 'rejected', kind: 'final', outcome: 'rejected' },
    ],
  });
  if (!result.definition) throw new Error(JSON.stringify(result.diagnostics));
  return result.definition;
}

const buttons = (sim: Simulation) =>
  Object.fromEntries(candidateEvents(sim, recruiter, undefined).map((c) => [c.transition.id, c.blockedBy]));

describe('simulator', () => {
  it('starts in the initial state with its SLA timers armed, as the engine arms them', () => {
    const sim = startSimulation(definition, {}, MONDAY);
    expect(currentStates(sim)).toEqual(['screen']);
    expect(sim.timers.map((t) => t.delayName)).toEqual(['timer:screen:remind', 'timer:screen:escalate']);
  });

  it('follows a guarded decision and enters the approval chain', () => {
    const start = startSimulation(definition, { offer: { base: 150000 } }, MONDAY);
    const sim = sendEvent(start, { type: 'ADVANCE', actor: recruiter });
    expect(activeStateIds(sim)).toContain('offer_approval');
    expect(sim.timers).toEqual([]);
    expect(sim.log.at(-1)).toMatchObject({ event: 'ADVANCE', from: ['screen'] });
  });

  it('fires the reminder after 3 business days and escalates to rejected after 5', () => {
    const start = startSimulation(definition, {}, MONDAY);
    const thursday = advanceClock(start, MONDAY + 3 * DAY + 1000);
    expect(currentStates(thursday)).toEqual(['screen']);
    expect(thursday.log.at(-1)?.effects.map((e) => e.type)).toContain('hireflow.notify');
    const friday = advanceClock(start, MONDAY + 4 * DAY + 8 * 3600 * 1000);
    expect(currentStates(friday)).toEqual(['screen']);
    const nextMonday = advanceClock(friday, MONDAY + 7 * DAY + 1000);
    expect(currentStates(nextMonday)).toEqual(['rejected']);
  });

  it('enables only the transition the engine would take, and says why the others are off', () => {
    const senior = startSimulation(guardedFlow(), { level: 5 }, MONDAY);
    expect(buttons(senior)).toEqual({
      'to-offer': null,
      'to-hired': 'ADVANCE takes the earlier "to-offer" first.',
    });
    const junior = startSimulation(guardedFlow(), { level: 1 }, MONDAY);
    expect(buttons(junior)).toEqual({
      'to-offer': 'Its condition is false for this context.',
      'to-hired': null,
    });
    expect(currentStates(sendEvent(senior, { type: 'ADVANCE', actor: recruiter }))).toEqual(['offer:panel']);
    expect(currentStates(sendEvent(junior, { type: 'ADVANCE', actor: recruiter }))).toEqual(['hired']);
  });

  it('logs a refused event with the engine reason and changes nothing', () => {
    const start = startSimulation(guardedFlow(), { level: 1 }, MONDAY);
    const sim = sendEvent(start, { type: 'HIRE', actor: recruiter });
    expect(sim.snapshot).toBe(start.snapshot);
    expect(sim.log.at(-1)?.refusal?.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('decides a quorum approval as two different people of the role', () => {
    let sim = sendEvent(startSimulation(guardedFlow(), { level: 5 }, MONDAY), {
      type: 'ADVANCE',
      actor: recruiter,
    });
    const [step] = approvalChoices(sim);
    expect(step).toMatchObject({ stepId: 'panel', rule: '2 approvals needed, 0 so far' });
    const first = step?.approvers[0];
    if (!first) return expect.fail('an approver should be offered');
    expect(first).toMatchObject({ label: 'approver (person 1)', blockedBy: null });
    sim = sendEvent(sim, {
      type: 'APPROVAL.DECIDE',
      actor: first.actor,
      payload: { stepId: 'panel', decision: 'approve' },
    });
    expect(currentStates(sim)).toEqual(['offer:panel']);
    const second = approvalChoices(sim)[0]?.approvers[0];
    expect(second?.label).toBe('approver (person 2)');
    if (!second) return;
    sim = sendEvent(sim, {
      type: 'APPROVAL.DECIDE',
      actor: second.actor,
      payload: { stepId: 'panel', decision: 'approve' },
    });
    expect(currentStates(sim)).toEqual(['hired']);
  });

  it('lets a delegate decide for the approver who delegated', () => {
    let sim = sendEvent(startSimulation(guardedFlow(), { level: 5 }, MONDAY), {
      type: 'ADVANCE',
      actor: recruiter,
    });
    const approver = approvalChoices(sim)[0]?.approvers[0]?.actor;
    if (!approver) return expect.fail('an approver should be offered');
    sim = sendEvent(sim, {
      type: 'APPROVAL.DELEGATE',
      actor: approver,
      payload: { stepId: 'panel', to: 'sim:delegate:1' },
    });
    const delegate = approvalChoices(sim)[0]?.approvers.find((a) => a.actor.id === 'sim:delegate:1');
    expect(delegate).toMatchObject({ label: 'sim:delegate:1 for approver', blockedBy: null });
  });

  it('says who was notified, in words', () => {
    expect(
      describeEffect({
        type: 'hireflow.notify',
        params: { to: [{ role: 'recruiter' }, { user: 'ann' }], message: 'Screen overdue' },
      }),
    ).toBe('Notified everyone with the role recruiter and the user ann: “Screen overdue”');
  });
});
