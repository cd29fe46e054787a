import { expect } from 'vitest';
import { armedTimers, firedTimers } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § stalled-requisition-alert. Calendar days: 7 without activity →
// recruiter, 7 more → TA manager; one alert per stall, not one per day.

const hrbp = actorOf('hrbp');

/** Run 1 up to the second alert: stall on Mon 03-09, escalation on Mon 03-16. */
const stallTwice = (run: ScenarioRun) => {
  run.advanceTo('2026-03-09T10:00:00Z');
  run.advanceTo('2026-03-16T10:00:00Z');
};
const STALLED_AND_ESCALATED = [
  'start by u-recruiter',
  'timer timer:active:stall',
  'timer timer:stalled:escalate',
];

runScenarios('stalled-requisition-alert', [
  {
    name: '1. one alert per stall: the recruiter after 7 days, the TA manager after 14, then silence',
    steps(run) {
      stallTwice(run);
      run.advanceTo('2026-04-06T10:00:00Z');
    },
    activeStates: ['stalled'],
    audit: STALLED_AND_ESCALATED,
    effects: ['notify recruiter', 'notify ta_manager'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:active:stall @ 2026-03-09T10:00:00.000Z',
        'timer:stalled:escalate @ 2026-03-16T10:00:00.000Z',
      ]);
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
  {
    name: '2. activity resets the clock',
    steps(run) {
      run.advanceTo('2026-03-05T10:00:00Z');
      run.must('ACTIVITY');
      run.advanceTo('2026-03-09T10:00:00Z');
      expect(run.view().activeStates).toEqual(['active']);
      run.advanceTo('2026-03-12T10:00:00Z');
    },
    activeStates: ['stalled'],
    audit: ['start by u-recruiter', 'transition ACTIVITY by u-recruiter', 'timer timer:active:stall'],
    check(run) {
      const context = run.view().context as { lastActivityAt?: string };
      expect(Date.parse(context.lastActivityAt ?? '')).toBe(Date.parse('2026-03-05T10:00:00Z'));
      expect(firedTimers(run.db, run.id)).toEqual(['timer:active:stall @ 2026-03-12T10:00:00.000Z']);
    },
  },
  {
    name: '3. a new stall after activity alerts the recruiter again',
    steps(run) {
      stallTwice(run);
      run.advanceTo('2026-03-17T10:00:00Z');
      run.must('ACTIVITY');
      run.advanceTo('2026-03-24T10:00:00Z');
    },
    activeStates: ['stalled'],
    audit: [...STALLED_AND_ESCALATED, 'transition ACTIVITY by u-recruiter', 'timer timer:active:stall'],
    effects: ['notify recruiter', 'notify ta_manager', 'notify recruiter'],
  },
  {
    name: '4. a frozen requisition is not watched; unfreezing re-arms the stall timer',
    steps(run) {
      run.must('FREEZE', { as: hrbp, note: 'Hiring freeze for Q2.' });
      expect(armedTimers(run.db, run.id)).toEqual([]);
      run.advanceTo('2026-04-01T10:00:00Z');
      run.must('UNFREEZE', { as: hrbp });
    },
    activeStates: ['active'],
    audit: ['start by u-recruiter', 'transition FREEZE by u-hrbp', 'transition UNFREEZE by u-hrbp'],
    effects: [],
    check(run) {
      expect(armedTimers(run.db, run.id)).toEqual(['timer:active:stall @ 2026-04-08T10:00:00.000Z']);
    },
  },
  {
    name: '5. a filled requisition ends and its timers are canceled',
    steps(run) {
      run.must('FILLED');
    },
    activeStates: ['filled'],
    status: 'done',
    outcome: 'hired',
    audit: ['start by u-recruiter', 'transition FILLED by u-recruiter'],
    check(run) {
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
]);
