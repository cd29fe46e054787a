import { readInstance, readInstances } from '@hireflow/runtime';
import { describe, expect, it } from 'vitest';
import { firedTimers, stepStatuses } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf, createTemplateHarness } from './templateHarness.ts';

// templates/src/scenarios.md § executive-hire: longer SLAs and an executive clearance chain
// (HRBP → executive sponsor → two compensation committee members from VP level, level ≥ 8).

const hrbp = actorOf('hrbp');
const sponsor = actorOf('executive');
const committee1 = actorOf('comp_committee', 'u-committee-1');
const committee2 = actorOf('comp_committee', 'u-committee-2');

const toClearance = (run: ScenarioRun) => {
  for (let i = 0; i < 4; i++) run.must('ADVANCE');
};
const clear = (run: ScenarioRun) => {
  toClearance(run);
  run.decide('hrbp', hrbp);
  run.decide('executive_sponsor', sponsor);
};
const AT_CLEARANCE = [
  'start by u-recruiter',
  ...Array.from({ length: 4 }, () => 'transition ADVANCE by u-recruiter'),
];
const CLEARED = [
  ...AT_CLEARANCE,
  'approval hrbp approve by u-hrbp',
  'approval executive_sponsor approve by u-executive',
];
const vp = { level: 8, compensation: { base: 400000 } };
const clearVp = (run: ScenarioRun) => {
  clear(run);
  expect(run.decide('compensation_committee', committee1)).toMatchObject({
    ok: true,
    to: ['executive_clearance:compensation_committee'],
  });
  expect(run.decide('compensation_committee', committee2)).toMatchObject({ ok: true, to: ['offer'] });
};
const VP_CLEARED = [
  ...CLEARED,
  'approval compensation_committee approve by u-committee-1',
  'approval compensation_committee approve by u-committee-2',
];

runScenarios('executive-hire', [
  {
    name: '1. a director hire is cleared by the HRBP and the sponsor, without the committee',
    context: { level: 7 },
    steps: clear,
    activeStates: ['offer'],
    audit: CLEARED,
    check(run) {
      expect(stepStatuses(run.view().context, 'executive_clearance')).toEqual({
        hrbp: 'approved',
        executive_sponsor: 'approved',
        compensation_committee: 'skipped',
      });
    },
  },
  {
    name: '2. a VP hire needs two committee members; the first decision leaves the step open',
    context: vp,
    steps: clearVp,
    activeStates: ['offer'],
    audit: VP_CLEARED,
  },
  {
    name: '3. a clearance rejected by the HRBP rejects the candidate',
    context: { level: 7 },
    steps(run) {
      toClearance(run);
      run.decide('hrbp', hrbp, 'reject');
    },
    activeStates: ['rejected'],
    status: 'done',
    outcome: 'rejected',
    audit: [...AT_CLEARANCE, 'approval hrbp reject by u-hrbp'],
  },
  {
    name: '4. a pay change re-opens the compensation committee only',
    context: vp,
    steps(run) {
      clearVp(run);
      run.patch({ 'compensation.base': 450000 }, hrbp);
    },
    activeStates: ['executive_clearance:compensation_committee'],
    audit: [...VP_CLEARED, 'transition UPDATE_CONTEXT by u-hrbp'],
    check(run) {
      const context = run.view().context;
      expect(stepStatuses(context, 'executive_clearance')).toEqual({
        hrbp: 'approved',
        executive_sponsor: 'approved',
        compensation_committee: 'pending',
      });
      const approvals = context.$approvals as Record<
        string,
        { steps: Record<string, { reopened?: unknown }> }
      >;
      expect(approvals.executive_clearance?.steps.compensation_committee?.reopened).toEqual([
        { field: 'compensation.base', before: 400000, after: 450000 },
      ]);
    },
  },
  {
    name: '5. the search screen is reminded after 5 business days, not 3',
    steps(run) {
      run.must('ADVANCE');
      run.advanceTo('2026-03-06T17:00:00Z');
      expect(firedTimers(run.db, run.id)).toEqual([]);
      run.advanceTo('2026-03-09T10:00:00Z');
    },
    activeStates: ['search_screen'],
    audit: ['start by u-recruiter', 'transition ADVANCE by u-recruiter', 'timer timer:search_screen:remind'],
    effects: ['notify recruiter'],
  },
]);

describe('6. confidentiality', () => {
  it('a confidential executive hire is not listed or reachable for a recruiter without explicit access', () => {
    const harness = createTemplateHarness('executive-hire');
    try {
      const id = harness.start({});
      const outsider = { ...actorOf('recruiter', 'u-other-recruiter'), confidentialAccess: false };
      expect(readInstance(harness.db, id, outsider, 0)).toBeUndefined();
      expect(readInstances(harness.db, outsider, {}, 0)).toEqual([]);
      expect(harness.send(id, 'ADVANCE', { as: outsider })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(readInstance(harness.db, id, actorOf('recruiter'), 0)?.activeStates).toHaveLength(1);
      expect(readInstances(harness.db, actorOf('hrbp', 'u-any-hrbp'), {}, 0)).toHaveLength(1);
    } finally {
      harness.close();
    }
  });
});
