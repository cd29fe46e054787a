import { expect } from 'vitest';
import { armedTimers, firedTimers } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § background-check. After consent, three tracks run in parallel:
// background check ∥ references ∥ right to work.

const hrbp = actorOf('hrbp');
const compliance = actorOf('compliance');
const TRACKS_OPEN = ['bg_ordered', 'references_requested', 'rtw_pending'];

/** Consent, the vendor accepts, findings need review, compliance starts the FCRA pre-adverse notice. */
const toPreAdverse = (run: ScenarioRun) => {
  run.must('CONSENT_SIGNED');
  run.must('VENDOR_ACCEPTED');
  run.must('CHECK_CONSIDER');
  run.must('PRE_ADVERSE_ACTION', {
    as: compliance,
    note: 'Undisclosed conviction: pre-adverse notice sent.',
  });
};
const PRE_ADVERSE = [
  'start by u-recruiter',
  'transition CONSENT_SIGNED by u-recruiter',
  'transition VENDOR_ACCEPTED by u-recruiter',
  'transition CHECK_CONSIDER by u-recruiter',
  'transition PRE_ADVERSE_ACTION by u-compliance',
];

runScenarios('background-check', [
  {
    name: '1. all tracks clear: the vendor is called by webhook and the candidate is cleared',
    steps(run) {
      run.must('CONSENT_SIGNED');
      expect(run.view().activeStates.sort()).toEqual(TRACKS_OPEN);
      run.must('DOCUMENTS_VERIFIED', { as: hrbp });
      run.must('REFERENCES_COMPLETE');
      run.must('VENDOR_ACCEPTED');
      run.must('CHECK_CLEAR');
    },
    activeStates: ['cleared'],
    status: 'done',
    outcome: 'completed',
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'transition DOCUMENTS_VERIFIED by u-hrbp',
      'transition REFERENCES_COMPLETE by u-recruiter',
      'transition VENDOR_ACCEPTED by u-recruiter',
      'transition CHECK_CLEAR by u-recruiter',
    ],
    effects: ['webhook background_check.requested', 'notify recruiter+hiring_manager'],
    check(run) {
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
  {
    name: '2. a vendor silent for 4 business hours sends the order down the exception path',
    steps(run) {
      run.must('CONSENT_SIGNED');
      run.advanceTo('2026-03-02T14:00:00Z');
    },
    activeStates: ['bg_sync_failed', 'references_requested', 'rtw_pending'],
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'timer timer:bg_ordered:no_ack',
    ],
    effects: ['webhook background_check.requested', 'notify ta_ops', 'notify ta_ops'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual(['timer:bg_ordered:no_ack @ 2026-03-02T14:00:00.000Z']);
    },
  },
  {
    name: '3. a failed sync is retried and the order webhook goes out again',
    steps(run) {
      run.must('CONSENT_SIGNED');
      run.must('SYNC_FAILED');
      run.must('RETRY');
    },
    activeStates: TRACKS_OPEN,
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'transition SYNC_FAILED by u-recruiter',
      'transition RETRY by u-recruiter',
    ],
    effects: ['webhook background_check.requested', 'notify ta_ops', 'webhook background_check.requested'],
  },
  {
    name: '4. a vendor over its 5-business-day SLA is escalated to compliance',
    steps(run) {
      run.must('CONSENT_SIGNED');
      run.must('DOCUMENTS_VERIFIED', { as: hrbp });
      run.must('REFERENCES_COMPLETE');
      run.must('VENDOR_ACCEPTED');
      run.advanceTo('2026-03-09T10:00:00Z');
    },
    activeStates: ['bg_in_progress', 'references_done', 'rtw_verified'],
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'transition DOCUMENTS_VERIFIED by u-hrbp',
      'transition REFERENCES_COMPLETE by u-recruiter',
      'transition VENDOR_ACCEPTED by u-recruiter',
      'timer timer:bg_in_progress:vendor_sla',
    ],
    effects: ['webhook background_check.requested', 'notify compliance+ta_ops'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:bg_in_progress:vendor_sla @ 2026-03-09T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '5. FCRA: without a dispute, the waiting period ends in adverse action and the other tracks stop',
    steps(run) {
      toPreAdverse(run);
      run.advanceTo('2026-03-09T10:00:00Z');
    },
    activeStates: ['adverse_action'],
    status: 'done',
    outcome: 'rejected',
    audit: [
      ...PRE_ADVERSE,
      'timer timer:rtw_pending:remind',
      'timer timer:references_requested:remind',
      'timer timer:rtw_pending:escalate',
      // Due at the same moment as the deadline, armed earlier (at consent): fires first.
      'timer timer:references_requested:escalate',
      'timer timer:bg_pre_adverse:waiting_period',
    ],
    check(run) {
      expect(firedTimers(run.db, run.id).at(-1)).toBe(
        'timer:bg_pre_adverse:waiting_period @ 2026-03-09T10:00:00.000Z',
      );
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
  {
    name: '6. a dispute before the deadline cancels the waiting period; reinvestigation clears the track',
    steps(run) {
      toPreAdverse(run);
      run.must('DISPUTE');
      run.must('REINVESTIGATION_CLEAR');
      expect(armedTimers(run.db, run.id).filter((t) => t.startsWith('timer:bg_'))).toEqual([]);
    },
    activeStates: ['bg_clear', 'references_requested', 'rtw_pending'],
    audit: [
      ...PRE_ADVERSE,
      'transition DISPUTE by u-recruiter',
      'transition REINVESTIGATION_CLEAR by u-recruiter',
    ],
  },
  {
    name: '7. a candidate not eligible to work is not cleared (compliance, with a note)',
    steps(run) {
      run.must('CONSENT_SIGNED');
      expect(run.send('NOT_ELIGIBLE', { note: 'No work permit.' })).toMatchObject({ code: 'FORBIDDEN' });
      run.must('NOT_ELIGIBLE', { as: compliance, note: 'No work permit for the work country.' });
    },
    activeStates: ['not_cleared'],
    status: 'done',
    outcome: 'rejected',
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'refused NOT_ELIGIBLE FORBIDDEN by u-recruiter',
      'transition NOT_ELIGIBLE by u-compliance',
    ],
  },
  {
    name: '8. a withdrawal mid-screening cancels every track’s timers',
    steps(run) {
      run.must('CONSENT_SIGNED');
      run.must('WITHDRAW');
      run.advanceTo('2026-04-06T10:00:00Z');
    },
    activeStates: ['withdrawn'],
    status: 'done',
    outcome: 'withdrawn',
    audit: [
      'start by u-recruiter',
      'transition CONSENT_SIGNED by u-recruiter',
      'transition WITHDRAW by u-recruiter',
    ],
    check(run) {
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
]);
