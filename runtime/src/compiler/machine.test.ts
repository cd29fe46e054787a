import { describe, expect, it } from 'vitest';
import { definitionOf, MachineWalk } from '../../test/machineWalk.ts';
import { readSampleSpec } from '../../test/specFiles.ts';
import { workflow } from '../../test/specs.ts';
import { timerDueAt } from './index.ts';

const sample = definitionOf(readSampleSpec().json);
const inbound = { candidate: { source: 'inbound' } };
const recruiter = { id: 'rita', role: 'recruiter' };

const raised = (walk: MachineWalk) =>
  walk.actions.filter((a) => a.type === 'xstate.raise').map((a) => a.params?.id);
const canceled = (walk: MachineWalk) =>
  walk.actions.filter((a) => a.type === 'xstate.cancel').map((a) => a.params?.sendId);

describe('a compiled definition in stock xstate', () => {
  describe('decision states', () => {
    it('fast-tracks a referral straight to interviews', () => {
      const walk = new MachineWalk(sample, { candidate: { source: 'referral' } });
      expect(walk.active).toEqual(['interviews']);
    });

    it('fast-tracks an internal transfer whatever the source', () => {
      const walk = new MachineWalk(sample, { candidate: { source: 'agency' }, isInternalTransfer: true });
      expect(walk.active).toEqual(['interviews']);
    });

    it('sends everyone else to the recruiter screen (the "otherwise" branch)', () => {
      expect(new MachineWalk(sample, inbound).active).toEqual(['screen']);
    });
  });

  describe('milestones', () => {
    it('walks applied → screen → interviews → offer approval', () => {
      const walk = new MachineWalk(sample, inbound).send('ADVANCE', { actor: recruiter }).send('ADVANCE');
      expect(walk.active).toEqual(['offer_approval', 'offer_approval:hiring_manager']);
    });

    it('ignores an event the current state does not accept', () => {
      const walk = new MachineWalk(sample, inbound).send('ACCEPT');
      expect(walk.active).toEqual(['screen']);
    });

    it('ends the instance in a final state with its outcome', () => {
      const walk = new MachineWalk(sample, inbound).send('WITHDRAW');
      expect(walk.active).toEqual(['withdrawn']);
      expect(walk.done).toBe(true);
      expect(sample.meta.hireflow.outcomes.withdrawn).toBe('withdrawn');
    });

    it('merges UPDATE_CONTEXT patches by dotted path in any state', () => {
      const walk = new MachineWalk(sample, inbound).send('UPDATE_CONTEXT', {
        payload: { patch: { 'compensation.base': 150_000, department: 'Platform' } },
      });
      expect(walk.context).toMatchObject({ compensation: { base: 150_000 }, department: 'Platform' });
      expect(walk.active).toEqual(['screen']);
    });
  });

  describe('timers', () => {
    it('arms every timer of a state on entry with xstate.raise and a delay', () => {
      const screenWalk = new MachineWalk(sample, inbound);
      expect(raised(screenWalk).sort()).toEqual([
        'xstate.after.timer:screen:escalate.screen',
        'xstate.after.timer:screen:reassign.screen',
        'xstate.after.timer:screen:remind.screen',
      ]);
      for (const action of screenWalk.actions) expect(action.params?.delay).toBeGreaterThan(0);
    });

    it('cancels every timer of a state on exit with xstate.cancel', () => {
      const walk = new MachineWalk(sample, inbound).send('ADVANCE');
      expect(canceled(walk).sort()).toEqual([
        'xstate.after.timer:screen:escalate.screen',
        'xstate.after.timer:screen:reassign.screen',
        'xstate.after.timer:screen:remind.screen',
      ]);
      expect(raised(walk)).toEqual([]);
    });

    it('describes each timer for the engine under its delay name', () => {
      expect(sample.meta.hireflow.timers['timer:screen:remind']).toEqual({
        stateId: 'screen',
        timerId: 'remind',
        kind: 'sla',
        after: { amount: 3, unit: 'businessDays' },
      });
    });

    it('runs the timer actions when the timer event arrives', () => {
      const walk = new MachineWalk(sample, inbound).send('xstate.after.timer:screen:reassign.screen');
      expect(walk.context.$owner).toEqual({ role: 'ta_manager' });
      expect(walk.actions.map((a) => a.type)).toContain('hireflow.assignOwner');
      expect(walk.active).toEqual(['screen']);
    });

    it('counts a deadline from its timestamp field, not from entering the state', () => {
      const spec = workflow(
        [
          {
            id: 'screen',
            kind: 'milestone',
            on: [{ id: 'offer', event: 'OFFER', target: 'offer' }],
          },
          {
            id: 'offer',
            kind: 'milestone',
            on: [{ id: 'accept', event: 'ACCEPT', target: 'hired' }],
            timers: [
              {
                id: 'expiry',
                kind: 'deadline',
                after: { amount: 5, unit: 'days' },
                from: 'offer.sentAt',
                target: 'expired',
              },
            ],
          },
          { id: 'hired', kind: 'final', outcome: 'hired' },
          { id: 'expired', kind: 'final', outcome: 'withdrawn' },
        ],
        { context: { 'offer.sentAt': { type: 'timestamp' } } },
      );
      const definition = definitionOf(spec);
      const walk = new MachineWalk(definition, { offer: { sentAt: '2026-03-01T12:00:00.000Z' } });
      walk.send('OFFER', { at: '2026-03-03T12:00:00.000Z' });
      const [arm] = walk.actions.filter((a) => a.type === 'xstate.raise');
      // Due 2026-03-06T12:00Z (5 days after sentAt), 3 days after the OFFER event.
      expect(arm?.params).toMatchObject({
        id: 'xstate.after.timer:offer:expiry.offer',
        delay: 3 * 86_400_000,
      });
      expect(
        timerDueAt(definition, 'timer:offer:expiry', walk.context, {
          type: 'OFFER',
          at: '2026-03-03T12:00:00Z',
        }),
      ).toEqual(new Date('2026-03-06T12:00:00.000Z'));
      walk.send('xstate.after.timer:offer:expiry.offer');
      expect(walk.active).toEqual(['expired']);
    });
  });

  describe('parallel states', () => {
    const checks = definitionOf(
      workflow([
        {
          id: 'checks',
          kind: 'parallel',
          onDone: 'cleared',
          regions: [
            {
              id: 'references',
              initial: 'calling',
              states: [
                {
                  id: 'calling',
                  kind: 'milestone',
                  on: [{ id: 'refs-ok', event: 'REFERENCES_OK', target: 'refs_done' }],
                },
                { id: 'refs_done', kind: 'final', outcome: 'completed' },
              ],
            },
            {
              id: 'background',
              initial: 'vendor',
              states: [
                {
                  id: 'vendor',
                  kind: 'milestone',
                  on: [{ id: 'bg-ok', event: 'BACKGROUND_OK', target: 'bg_done' }],
                },
                { id: 'bg_done', kind: 'final', outcome: 'completed' },
              ],
            },
          ],
          on: [{ id: 'abort', event: 'WITHDRAW', target: 'withdrawn' }],
        },
        { id: 'cleared', kind: 'final', outcome: 'hired' },
        { id: 'withdrawn', kind: 'final', outcome: 'withdrawn' },
      ]),
    );

    it('runs every track at once', () => {
      const active = new MachineWalk(checks).active;
      expect([...active].sort()).toEqual(['background', 'calling', 'checks', 'references', 'vendor']);
    });

    it('waits while one track is still open', () => {
      const walk = new MachineWalk(checks).send('BACKGROUND_OK');
      expect(walk.active).toContain('bg_done');
      expect(walk.active).toContain('calling');
    });

    it('moves on when every track has reached its final state', () => {
      const walk = new MachineWalk(checks).send('BACKGROUND_OK').send('REFERENCES_OK');
      expect(walk.active).toEqual(['cleared']);
    });

    it('leaves all tracks through a transition of the parallel state itself', () => {
      expect(new MachineWalk(checks).send('WITHDRAW').active).toEqual(['withdrawn']);
    });
  });
});
