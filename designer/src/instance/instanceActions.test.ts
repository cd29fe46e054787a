import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { describeRunningTimer, instanceActions, overdueTimers } from './instanceActions.ts';

describe('instanceActions', () => {
  const spec = {
    ...sampleSpec(),
    anyState: [
      {
        id: 'any-withdraw',
        event: 'WITHDRAW',
        target: 'rejected',
        label: 'Candidate withdrew',
        actions: [],
        requiresNote: true,
        allowedRoles: ['recruiter'],
      },
    ],
  };

  it('labels the enabled events from the version, workflow-level ones included, without built-ins', () => {
    expect(instanceActions(spec, ['screen'], ['ADVANCE', 'UPDATE_CONTEXT', 'WITHDRAW'])).toEqual([
      { event: 'ADVANCE', label: 'Advance', requiresNote: false, allowedRoles: [] },
      { event: 'WITHDRAW', label: 'Candidate withdrew', requiresNote: true, allowedRoles: ['recruiter'] },
    ]);
  });

  it('finds the transitions of an approval from its current step', () => {
    const withCancel = {
      ...spec,
      states: spec.states.map((s) =>
        s.id === 'offer_approval' && s.kind === 'approval'
          ? {
              ...s,
              on: [
                {
                  id: 'cancel',
                  event: 'CANCEL',
                  target: 'rejected',
                  actions: [],
                  requiresNote: true,
                  allowedRoles: [],
                },
              ],
            }
          : s,
      ),
    };
    expect(instanceActions(withCancel, ['offer_approval:hm'], ['CANCEL'])[0]?.requiresNote).toBe(true);
  });

  it('finds the transitions of a state inside a parallel track', () => {
    expect(instanceActions(spec, ['bg_run', 'refs_run'], ['CLEAR']).map((a) => a.event)).toEqual(['CLEAR']);
  });

  it('still offers an event when the version could not be read', () => {
    expect(instanceActions(undefined, ['screen'], ['APPROVAL.DECIDE', 'NEEDS_INFO'])).toEqual([
      { event: 'NEEDS_INFO', label: 'Needs info', requiresNote: false, allowedRoles: [] },
    ]);
  });
});

describe('describeRunningTimer', () => {
  it('reads the state from the delay name and prefers the workflow label', () => {
    expect(describeRunningTimer({ delayName: 'timer:screen:remind_hm' })).toEqual({
      stateId: 'screen',
      label: 'remind hm',
    });
    expect(describeRunningTimer({ delayName: 'timer:offer:x', label: 'Offer expires' }).label).toBe(
      'Offer expires',
    );
  });
});

describe('overdueTimers', () => {
  it('keeps the timers already due', () => {
    const timers = [{ dueAt: '2026-01-01T00:00:00Z' }, { dueAt: '2026-12-01T00:00:00Z' }];
    expect(overdueTimers(timers, Date.parse('2026-06-01T00:00:00Z'))).toEqual([timers[0]]);
  });
});
