import { describe, expect, it } from 'vitest';
import { definitionOf, MachineWalk } from '../../test/machineWalk.ts';
import { readSampleSpec } from '../../test/specFiles.ts';
import { workflow } from '../../test/specs.ts';

const sample = definitionOf(readSampleSpec().json);
const manager = { id: 'maya', role: 'hiring_manager' };
const otherManager = { id: 'omar', role: 'hiring_manager' };
const finance = { id: 'fiona', role: 'finance' };

/** The sample, walked to its offer approval with the given pay and band. */
function atOfferApproval(base: number, bandMax = 120_000): MachineWalk {
  const walk = new MachineWalk(sample, {
    candidate: { source: 'referral' },
    compensation: { base, bandMax },
  });
  return walk.send('ADVANCE');
}

/** A one-step approval with the given approvers and mode, for tally tests. */
function panel(step: Record<string, unknown>): MachineWalk {
  const definition = definitionOf(
    workflow([
      {
        id: 'approval',
        kind: 'approval',
        approval: {
          steps: [{ id: 'panel', ...step }],
          onApproved: 'approved',
          onRejected: 'declined',
        },
      },
      { id: 'approved', kind: 'final', outcome: 'completed' },
      { id: 'declined', kind: 'final', outcome: 'rejected' },
    ]),
  );
  return new MachineWalk(definition);
}

describe('approval chains', () => {
  it('starts at the first step', () => {
    expect(atOfferApproval(100_000).active).toEqual(['offer_approval', 'offer_approval:hiring_manager']);
  });

  it('skips the finance step when pay is within band, recording it as skipped', () => {
    const walk = atOfferApproval(100_000).decide(manager, 'approve');
    expect(walk.active).toEqual(['offer']);
    expect(walk.step('offer_approval', 'finance')).toMatchObject({ status: 'skipped' });
    expect(walk.step('offer_approval', 'hiring_manager')).toMatchObject({
      status: 'approved',
      decisions: [{ actorId: 'maya', role: 'hiring_manager', decision: 'approve' }],
    });
  });

  it('asks finance when pay is above band', () => {
    const walk = atOfferApproval(150_000).decide(manager, 'approve');
    expect(walk.active).toEqual(['offer_approval', 'offer_approval:finance']);
    expect(walk.decide(finance, 'approve').active).toEqual(['offer']);
  });

  it('refuses a decision from someone who is not an approver of the current step', () => {
    const walk = atOfferApproval(150_000).decide(finance, 'approve');
    expect(walk.active).toEqual(['offer_approval', 'offer_approval:hiring_manager']);
    expect(walk.step('offer_approval', 'hiring_manager')).toBeUndefined();
  });

  it('refuses a decision addressed to another step', () => {
    const walk = atOfferApproval(150_000).decide(manager, 'approve', 'finance');
    expect(walk.active).toEqual(['offer_approval', 'offer_approval:hiring_manager']);
  });

  it('goes to the reject target on a rejection', () => {
    const walk = atOfferApproval(150_000).decide(manager, 'approve').decide(finance, 'reject');
    expect(walk.active).toEqual(['interviews']);
    expect(walk.step('offer_approval', 'finance')).toMatchObject({ status: 'rejected' });
  });

  it('starts with fresh records when the chain is entered again from outside', () => {
    const walk = atOfferApproval(100_000).decide(manager, 'reject').send('ADVANCE');
    expect(walk.active).toEqual(['offer_approval', 'offer_approval:hiring_manager']);
    expect(walk.step('offer_approval', 'hiring_manager')).toBeUndefined();
  });

  describe('delegation', () => {
    const delegate = { id: 'dana', role: 'recruiter' };

    it('lets a delegate decide on behalf of the approver', () => {
      const walk = atOfferApproval(100_000).send('APPROVAL.DELEGATE', {
        actor: manager,
        payload: { stepId: 'hiring_manager', to: 'dana' },
      });
      expect(walk.step('offer_approval', 'hiring_manager')).toMatchObject({
        delegations: [{ from: manager, to: 'dana' }],
      });
      walk.decide(delegate, 'approve');
      expect(walk.active).toEqual(['offer']);
      expect(walk.step('offer_approval', 'hiring_manager')).toMatchObject({
        decisions: [{ actorId: 'dana', onBehalfOf: manager, decision: 'approve' }],
      });
    });

    it('no longer accepts the decision of an approver who delegated', () => {
      const walk = panel({ approvers: [{ user: 'maya' }, { user: 'omar' }], mode: 'all' })
        .send('APPROVAL.DELEGATE', { actor: manager, payload: { to: 'dana' } })
        .decide({ id: 'maya', role: 'hiring_manager' }, 'approve');
      expect(walk.step('approval', 'panel')).toMatchObject({ decisions: [] });
    });

    it('ignores a delegation to oneself', () => {
      const walk = atOfferApproval(100_000).send('APPROVAL.DELEGATE', {
        actor: manager,
        payload: { to: 'maya' },
      });
      expect(walk.step('offer_approval', 'hiring_manager')).toBeUndefined();
    });
  });

  it('lets an admin override the whole chain', () => {
    const walk = atOfferApproval(150_000).send('APPROVAL.OVERRIDE', { actor: { id: 'ada', role: 'admin' } });
    expect(walk.active).toEqual(['offer']);
    expect(sample.meta.hireflow.transitions.offer_approval).toContainEqual(
      expect.objectContaining({ event: 'APPROVAL.OVERRIDE', requiresNote: true, allowedRoles: ['admin'] }),
    );
  });

  describe('modes', () => {
    it('"any" moves on with the first approval', () => {
      const walk = panel({ approvers: [{ role: 'hiring_manager' }], mode: 'any' }).decide(manager, 'approve');
      expect(walk.active).toEqual(['approved']);
    });

    it('"all" waits for every approver entry', () => {
      const walk = panel({ approvers: [{ role: 'hiring_manager' }, { user: 'fiona' }], mode: 'all' });
      walk.decide(manager, 'approve');
      expect(walk.active).toEqual(['approval', 'approval:panel']);
      walk.decide(otherManager, 'approve');
      expect(walk.active).toEqual(['approval', 'approval:panel']);
      walk.decide(finance, 'approve');
      expect(walk.active).toEqual(['approved']);
    });

    it('"quorum" needs n distinct people, and one person counts once', () => {
      const walk = panel({ approvers: [{ role: 'hiring_manager' }], mode: 'quorum', quorum: 2 });
      walk.decide(manager, 'approve').decide(manager, 'approve');
      expect(walk.active).toEqual(['approval', 'approval:panel']);
      walk.decide(otherManager, 'approve');
      expect(walk.active).toEqual(['approved']);
    });

    it('"quorum" over named people rejects once the quorum cannot be reached', () => {
      const walk = panel({
        approvers: [{ user: 'maya' }, { user: 'omar' }, { user: 'fiona' }],
        mode: 'quorum',
        quorum: 2,
      });
      walk.decide(manager, 'reject');
      expect(walk.active).toEqual(['approval', 'approval:panel']);
      walk.decide(otherManager, 'reject');
      expect(walk.active).toEqual(['declined']);
    });
  });

  it('arms a step timeout while the step is open and cancels it when the step is decided', () => {
    const walk = panel({
      approvers: [{ role: 'hiring_manager' }],
      mode: 'any',
      timeout: {
        after: { amount: 2, unit: 'businessDays' },
        actions: [{ type: 'notify', to: [{ role: 'hrbp' }], message: 'Approval waiting 2 business days' }],
      },
    });
    const armed = walk.actions.filter((a) => a.type === 'xstate.raise').map((a) => a.params?.id);
    expect(armed).toEqual(['xstate.after.timer:approval:panel:timeout.approval:panel']);
    walk.send('xstate.after.timer:approval:panel:timeout.approval:panel');
    expect(walk.actions.map((a) => a.type)).toContain('hireflow.notify');
    expect(walk.active).toEqual(['approval', 'approval:panel']);
    walk.decide(manager, 'approve');
    const canceled = walk.actions.filter((a) => a.type === 'xstate.cancel').map((a) => a.params?.sendId);
    expect(canceled).toEqual(['xstate.after.timer:approval:panel:timeout.approval:panel']);
  });

  describe('re-approval', () => {
    /** Approved by manager and finance, now in `offer`. */
    const approvedAbove = () =>
      atOfferApproval(150_000).decide(manager, 'approve').decide(finance, 'approve');

    it('reopens only the step watching the changed field, recording before and after', () => {
      const walk = approvedAbove().send('UPDATE_CONTEXT', {
        payload: { patch: { 'compensation.base': 160_000 } },
      });
      expect(walk.active).toEqual(['offer_approval', 'offer_approval:finance']);
      expect(walk.step('offer_approval', 'hiring_manager')).toMatchObject({ status: 'approved' });
      expect(walk.step('offer_approval', 'finance')).toEqual({
        status: 'pending',
        decisions: [],
        delegations: [],
        reopened: [{ field: 'compensation.base', before: 150_000, after: 160_000 }],
      });
      expect(walk.context.compensation).toMatchObject({ base: 160_000 });
      expect(walk.decide(finance, 'approve').active).toEqual(['offer']);
    });

    it('does not reopen anything when an unwatched field changes', () => {
      const walk = approvedAbove().send('UPDATE_CONTEXT', { payload: { patch: { department: 'Sales' } } });
      expect(walk.active).toEqual(['offer']);
      expect(walk.context.department).toBe('Sales');
    });

    it('does not reopen anything when the watched field is set to the same value', () => {
      const walk = approvedAbove().send('UPDATE_CONTEXT', {
        payload: { patch: { 'compensation.base': 150_000 } },
      });
      expect(walk.active).toEqual(['offer']);
    });

    it('re-checks a skipped step, which is skipped again while pay stays within band', () => {
      const walk = atOfferApproval(100_000).decide(manager, 'approve');
      walk.send('UPDATE_CONTEXT', { payload: { patch: { 'compensation.base': 110_000 } } });
      expect(walk.active).toEqual(['offer']);
      expect(walk.step('offer_approval', 'finance')).toMatchObject({
        status: 'skipped',
        reopened: [{ field: 'compensation.base', before: 100_000, after: 110_000 }],
      });
    });
  });
});
