import { expect } from 'vitest';
import { stepStatuses } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § contractor-conversion: approval (HRBP, finance, executive ≥ director),
// conversion offer, pre-employment checks, then the payroll webhook.

const hiringManager = actorOf('hiring_manager');
const hrbp = actorOf('hrbp');
const finance = actorOf('finance');
const payroll = { ...actorOf('payroll', 'payroll-system'), via: 'webhook' as const };

const contractor = { level: 4, compensation: { base: 115000, bandMax: 130000 } };

const approve = (run: ScenarioRun) => {
  run.must('SUBMIT', { as: hiringManager });
  run.decide('hrbp', hrbp);
  run.decide('finance', finance);
};
const toPayroll = (run: ScenarioRun) => {
  approve(run);
  run.must('ACCEPT');
  run.must('CHECKS_CLEARED', { as: hrbp });
};
const APPROVED = [
  'start by u-recruiter',
  'transition SUBMIT by u-hiring_manager',
  'approval hrbp approve by u-hrbp',
  'approval finance approve by u-finance',
];
const AT_PAYROLL = [...APPROVED, 'transition ACCEPT by u-recruiter', 'transition CHECKS_CLEARED by u-hrbp'];

runScenarios('contractor-conversion', [
  {
    name: '1. conversion triggers payroll; payroll confirms with the new employee id',
    context: contractor,
    steps(run) {
      toPayroll(run);
      run.must('PAYROLL_CONFIRMED', { as: payroll, payload: { employeeId: 'E-1042' } });
    },
    activeStates: ['converted'],
    status: 'done',
    outcome: 'hired',
    audit: [...AT_PAYROLL, 'transition PAYROLL_CONFIRMED by payroll-system'],
    effects: ['notify ta_ops', 'webhook contractor.converted', 'notify hiring_manager+recruiter'],
    check(run) {
      const context = run.view().context as { employee?: { id?: string } };
      expect(context.employee?.id).toBe('E-1042');
    },
  },
  {
    name: '2. a failed payroll sync is retried: the webhook goes out twice',
    context: contractor,
    steps(run) {
      toPayroll(run);
      run.must('PAYROLL_SYNC_FAILED', { as: payroll });
      run.must('RETRY', { as: actorOf('ta_ops') });
    },
    activeStates: ['payroll_setup'],
    audit: [
      ...AT_PAYROLL,
      'transition PAYROLL_SYNC_FAILED by payroll-system',
      'transition RETRY by u-ta_ops',
    ],
    effects: ['notify ta_ops', 'webhook contractor.converted', 'webhook contractor.converted'],
  },
  {
    name: '3. a director conversion also needs an executive after finance',
    context: { ...contractor, level: 7 },
    steps: approve,
    activeStates: ['conversion_approval:executive'],
    audit: APPROVED,
  },
  {
    name: '4. finance says no: not converted',
    context: contractor,
    steps(run) {
      run.must('SUBMIT', { as: hiringManager });
      run.decide('hrbp', hrbp);
      run.decide('finance', finance, 'reject');
    },
    activeStates: ['not_converted'],
    status: 'done',
    outcome: 'rejected',
    audit: [
      'start by u-recruiter',
      'transition SUBMIT by u-hiring_manager',
      'approval hrbp approve by u-hrbp',
      'approval finance reject by u-finance',
    ],
  },
  {
    name: '5. a pay change after approval re-opens finance; the HRBP approval stands',
    context: contractor,
    steps(run) {
      approve(run);
      expect(run.view().activeStates).toEqual(['conversion_offer']);
      run.patch({ 'compensation.base': 130000 }, hrbp);
    },
    activeStates: ['conversion_approval:finance'],
    audit: [...APPROVED, 'transition UPDATE_CONTEXT by u-hrbp'],
    check(run) {
      expect(stepStatuses(run.view().context, 'conversion_approval')).toMatchObject({
        hrbp: 'approved',
        finance: 'pending',
      });
    },
  },
]);
