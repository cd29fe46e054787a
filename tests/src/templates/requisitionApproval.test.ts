import { expect } from 'vitest';
import { armedTimers, firedTimers, stepStatuses } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § requisition-approval. Open requisitions age in business days
// (intake 2, aging 30, aging_escalate 45); the Sales hiring freeze (2026-12-14 → 2027-01-11)
// defers SLA escalations of Sales requisitions.

const hiringManager = actorOf('hiring_manager');
const hrbp = actorOf('hrbp');
const budgetOwner = actorOf('budget_owner');
const finance = actorOf('finance');

const backfill = { requisition: { type: 'backfill' }, level: 5 };
const newHeadcount = { requisition: { type: 'new_headcount' }, level: 5, compensation: { bandMax: 150000 } };

const approve = (run: ScenarioRun, withFinance = false) => {
  run.must('SUBMIT', { as: hiringManager });
  run.decide('hrbp', hrbp);
  run.decide('budget_owner', budgetOwner);
  if (withFinance) run.decide('finance', finance);
};
const APPROVED = [
  'start by u-recruiter',
  'transition SUBMIT by u-hiring_manager',
  'approval hrbp approve by u-hrbp',
  'approval budget_owner approve by u-budget_owner',
];
const FREEZE_NOTE = { as: hrbp, note: 'Q3 budget review: hold all backfills.' };

runScenarios('requisition-approval', [
  {
    name: '1. a backfill is approved by the HRBP and the budget owner, and starts aging',
    context: backfill,
    steps: (run) => approve(run),
    activeStates: ['open'],
    audit: APPROVED,
    check(run) {
      expect(stepStatuses(run.view().context, 'headcount_approval')).toEqual({
        hrbp: 'approved',
        budget_owner: 'approved',
        finance: 'skipped',
        executive: 'skipped',
      });
      expect(armedTimers(run.db, run.id)).toEqual([
        'timer:open:aging @ 2026-04-13T10:00:00.000Z',
        'timer:open:aging_escalate @ 2026-05-04T10:00:00.000Z',
        'timer:open:intake @ 2026-03-04T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '2. net-new headcount also needs finance',
    context: newHeadcount,
    steps: (run) => approve(run),
    activeStates: ['headcount_approval:finance'],
    audit: APPROVED,
  },
  {
    name: '3. a frozen requisition never escalates',
    context: backfill,
    steps(run) {
      approve(run);
      run.must('FREEZE', FREEZE_NOTE);
      expect(armedTimers(run.db, run.id)).toEqual([]);
      run.advanceTo('2026-05-25T10:00:00Z'); // 60 business days later
    },
    activeStates: ['frozen'],
    audit: [...APPROVED, 'transition FREEZE by u-hrbp'],
    effects: [],
  },
  {
    name: '4. unfreezing restarts the aging clock from the unfreeze',
    context: backfill,
    steps(run) {
      approve(run);
      run.must('FREEZE', FREEZE_NOTE);
      run.advanceTo('2026-05-25T10:00:00Z');
      run.must('UNFREEZE', { as: hrbp, note: 'Budget confirmed.' });
      run.advanceTo('2026-07-06T10:00:00Z'); // 30 business days after the unfreeze
    },
    activeStates: ['open'],
    audit: [
      ...APPROVED,
      'transition FREEZE by u-hrbp',
      'transition UNFREEZE by u-hrbp',
      'timer timer:open:intake',
      'timer timer:open:aging',
    ],
    effects: ['notify recruiter', 'notify ta_manager+recruiter'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:open:intake @ 2026-05-27T10:00:00.000Z',
        'timer:open:aging @ 2026-07-06T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '5. the Sales hiring freeze defers the aging escalation to the end of the window',
    context: { ...backfill, department: 'Sales' },
    startAt: '2026-11-09T10:00:00Z',
    steps(run) {
      approve(run);
      run.advanceTo('2026-12-21T10:00:00Z');
      expect(armedTimers(run.db, run.id)).toContain('timer:open:aging @ 2027-01-11T00:00:00.000Z');
      run.advanceTo('2027-01-11T00:00:00Z');
    },
    activeStates: ['open'],
    audit: [
      ...APPROVED,
      'timer timer:open:intake',
      'deferral timer:open:aging until 2027-01-11T00:00:00.000Z',
      'timer timer:open:aging',
    ],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:open:intake @ 2026-11-11T10:00:00.000Z',
        'timer:open:aging @ 2027-01-11T00:00:00.000Z',
      ]);
    },
  },
  {
    name: '6. the freeze window does not apply to other departments',
    context: { ...backfill, department: 'Engineering' },
    startAt: '2026-11-09T10:00:00Z',
    steps(run) {
      approve(run);
      run.advanceTo('2026-12-21T10:00:00Z');
    },
    activeStates: ['open'],
    audit: [...APPROVED, 'timer timer:open:intake', 'timer timer:open:aging'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:open:intake @ 2026-11-11T10:00:00.000Z',
        'timer:open:aging @ 2026-12-21T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '7. a budget change on an open requisition re-opens the budget steps only',
    context: newHeadcount,
    steps(run) {
      approve(run, true);
      expect(run.view().activeStates).toEqual(['open']);
      expect(run.patch({ 'compensation.bandMax': 200000 }, hrbp)).toMatchObject({
        ok: true,
        to: ['headcount_approval:budget_owner'],
      });
    },
    activeStates: ['headcount_approval:budget_owner'],
    audit: [...APPROVED, 'approval finance approve by u-finance', 'transition UPDATE_CONTEXT by u-hrbp'],
    check(run) {
      expect(stepStatuses(run.view().context, 'headcount_approval')).toMatchObject({
        hrbp: 'approved',
        budget_owner: 'pending',
        finance: 'pending',
      });
    },
  },
]);
