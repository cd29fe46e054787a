import { expect } from 'vitest';
import { armedTimers, firedTimers, stepStatuses } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § offer-approval. Chain: hiring manager → HRBP → finance (above band)
// → two executives (level ≥ 7). Offer expiry: 5 business days after `offer.sentAt`.

const hiringManager = actorOf('hiring_manager');
const hrbp = actorOf('hrbp');
const finance = actorOf('finance');
const executive1 = actorOf('executive', 'u-executive-1');
const executive2 = actorOf('executive', 'u-executive-2');

const inBand = { compensation: { base: 120000, bandMax: 150000 }, level: 4 };
const aboveBand = { compensation: { base: 165000, bandMax: 150000 }, level: 4 };
const director = { compensation: { base: 140000, bandMax: 150000 }, level: 7 };

/** SUBMIT, then the hiring manager and the HRBP approve. */
const submitAndApprove = (run: ScenarioRun) => {
  run.must('SUBMIT');
  expect(run.decide('hiring_manager', hiringManager)).toMatchObject({ ok: true });
  expect(run.decide('hrbp', hrbp)).toMatchObject({ ok: true });
};
const APPROVED_BY_HM_AND_HRBP = [
  'start by u-recruiter',
  'transition SUBMIT by u-recruiter',
  'approval hiring_manager approve by u-hiring_manager',
  'approval hrbp approve by u-hrbp',
];

runScenarios('offer-approval', [
  {
    name: '1. an in-band offer below director needs only the hiring manager and the HRBP',
    context: inBand,
    steps: submitAndApprove,
    activeStates: ['ready_to_send'],
    audit: APPROVED_BY_HM_AND_HRBP,
    check(run) {
      expect(stepStatuses(run.view().context, 'offer_approval')).toEqual({
        hiring_manager: 'approved',
        hrbp: 'approved',
        finance: 'skipped',
        executive: 'skipped',
      });
      expect(run.view().approvals.filter((t) => t.status === 'open')).toEqual([]);
    },
  },
  {
    name: '2. compensation above band waits for finance, then is ready to send',
    context: aboveBand,
    steps(run) {
      submitAndApprove(run);
      expect(run.view().activeStates).toEqual(['offer_approval:finance']);
      expect(
        run
          .view()
          .approvals.filter((t) => t.status === 'open')
          .map((t) => t.approver),
      ).toEqual([{ role: 'finance' }]);
      expect(run.decide('finance', finance)).toMatchObject({ ok: true, to: ['ready_to_send'] });
    },
    activeStates: ['ready_to_send'],
    audit: [...APPROVED_BY_HM_AND_HRBP, 'approval finance approve by u-finance'],
  },
  {
    name: '3. a director offer needs two different executives (quorum)',
    context: director,
    steps(run) {
      submitAndApprove(run);
      expect(run.decide('executive', executive1)).toMatchObject({
        ok: true,
        to: ['offer_approval:executive'],
      });
      expect(run.decide('executive', executive2)).toMatchObject({ ok: true, to: ['ready_to_send'] });
    },
    activeStates: ['ready_to_send'],
    audit: [
      ...APPROVED_BY_HM_AND_HRBP,
      'approval executive approve by u-executive-1',
      'approval executive approve by u-executive-2',
    ],
  },
  {
    name: '4. the same executive deciding twice does not count twice',
    context: director,
    steps(run) {
      submitAndApprove(run);
      run.decide('executive', executive1);
      expect(run.decide('executive', executive1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
    activeStates: ['offer_approval:executive'],
    audit: [
      ...APPROVED_BY_HM_AND_HRBP,
      'approval executive approve by u-executive-1',
      'refused APPROVAL.DECIDE FORBIDDEN by u-executive-1',
    ],
  },
  {
    name: '5. a rejection sends the offer back to drafting',
    context: inBand,
    steps(run) {
      run.must('SUBMIT');
      expect(run.decide('hiring_manager', hiringManager, 'reject')).toMatchObject({
        ok: true,
        to: ['drafting'],
      });
    },
    activeStates: ['drafting'],
    audit: [
      'start by u-recruiter',
      'transition SUBMIT by u-recruiter',
      'approval hiring_manager reject by u-hiring_manager',
    ],
  },
  {
    name: '6. a pay change after sending re-opens finance only',
    context: aboveBand,
    steps(run) {
      submitAndApprove(run);
      run.decide('finance', finance);
      run.must('SEND_OFFER');
      expect(run.patch({ 'compensation.base': 175000 })).toMatchObject({
        ok: true,
        to: ['offer_approval:finance'],
      });
      expect(stepStatuses(run.view().context, 'offer_approval')).toMatchObject({
        hiring_manager: 'approved',
        hrbp: 'approved',
        finance: 'pending',
      });
      expect(run.decide('finance', finance)).toMatchObject({ ok: true, to: ['ready_to_send'] });
    },
    activeStates: ['ready_to_send'],
    audit: [
      ...APPROVED_BY_HM_AND_HRBP,
      'approval finance approve by u-finance',
      'transition SEND_OFFER by u-recruiter',
      'transition UPDATE_CONTEXT by u-recruiter',
      'approval finance approve by u-finance',
    ],
  },
  {
    name: '7. an unanswered offer expires 5 business days after it was sent',
    context: inBand,
    steps(run) {
      submitAndApprove(run);
      run.must('SEND_OFFER');
      run.advanceTo('2026-03-09T10:00:00Z');
    },
    activeStates: ['offer_expired'],
    audit: [
      ...APPROVED_BY_HM_AND_HRBP,
      'transition SEND_OFFER by u-recruiter',
      'timer timer:offer_extended:follow_up',
      'timer timer:offer_extended:expiry',
    ],
    effects: ['notify recruiter', 'notify recruiter+hiring_manager'],
    check(run) {
      const context = run.view().context as { offer?: { sentAt?: string } };
      expect(Date.parse(context.offer?.sentAt ?? '')).toBe(Date.parse('2026-03-02T10:00:00Z'));
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:offer_extended:follow_up @ 2026-03-04T10:00:00.000Z',
        'timer:offer_extended:expiry @ 2026-03-09T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '8. an answer before expiry cancels the deadline',
    context: inBand,
    steps(run) {
      submitAndApprove(run);
      run.must('SEND_OFFER');
      run.advanceTo('2026-03-06T10:00:00Z');
      expect(armedTimers(run.db, run.id)).toEqual(['timer:offer_extended:expiry @ 2026-03-09T10:00:00.000Z']);
      run.must('ACCEPT');
    },
    activeStates: ['accepted'],
    status: 'done',
    outcome: 'hired',
    audit: [
      ...APPROVED_BY_HM_AND_HRBP,
      'transition SEND_OFFER by u-recruiter',
      'timer timer:offer_extended:follow_up',
      'transition ACCEPT by u-recruiter',
    ],
    effects: ['notify recruiter', 'notify recruiter+hiring_manager+hrbp'],
    check(run) {
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
  {
    name: '9. finance sitting on an above-band offer for 3 business days is chased',
    context: aboveBand,
    steps(run) {
      submitAndApprove(run);
      run.advanceTo('2026-03-05T10:00:00Z');
    },
    activeStates: ['offer_approval:finance'],
    audit: [...APPROVED_BY_HM_AND_HRBP, 'timer timer:offer_approval:finance:timeout'],
    effects: ['notify finance+hrbp'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:offer_approval:finance:timeout @ 2026-03-05T10:00:00.000Z',
      ]);
    },
  },
]);
