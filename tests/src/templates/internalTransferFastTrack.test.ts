import { expect } from 'vitest';
import { messagesOf } from './scenarioRecord.ts';
import { runScenarios } from './scenarioTable.ts';

// templates/src/scenarios.md § internal-transfer-fast-track: a decision after `REVIEW` skips
// sourcing review and recruiter screen for internal transfers and referrals.

const fastTrackReason = (context: Record<string, unknown>) => context.fastTrackReason;

runScenarios('internal-transfer-fast-track', [
  {
    name: '1. a referral skips sourcing review and recruiter screen',
    context: { candidate: { source: 'referral' } },
    steps(run) {
      expect(run.must('REVIEW')).toMatchObject({ from: ['applied'], to: ['hiring_manager_review'] });
    },
    activeStates: ['hiring_manager_review'],
    audit: ['start by u-recruiter', 'transition REVIEW by u-recruiter'],
    effects: [],
    check(run) {
      expect(fastTrackReason(run.view().context)).toBe('referral');
    },
  },
  {
    name: '2. an internal transfer skips the screen and the HRBP is told to inform the current manager',
    context: { isInternalTransfer: true },
    steps(run) {
      run.must('REVIEW');
    },
    activeStates: ['hiring_manager_review'],
    audit: ['start by u-recruiter', 'transition REVIEW by u-recruiter'],
    effects: ['notify hrbp'],
    check(run) {
      expect(fastTrackReason(run.view().context)).toBe('internal_transfer');
      expect(messagesOf(run.db, run.id)).toEqual([
        'Internal transfer candidate: inform the current manager before interviews start.',
      ]);
    },
  },
  {
    name: '3. an external applicant goes through the full process',
    steps(run) {
      run.must('REVIEW');
      run.must('ADVANCE');
    },
    activeStates: ['recruiter_screen'],
    audit: ['start by u-recruiter', 'transition REVIEW by u-recruiter', 'transition ADVANCE by u-recruiter'],
    check(run) {
      expect(fastTrackReason(run.view().context)).toBe('none');
    },
  },
  {
    name: '4. a referral flag set after the application still fast-tracks',
    steps(run) {
      run.patch({ 'candidate.source': 'referral' });
      run.must('REVIEW');
    },
    activeStates: ['hiring_manager_review'],
    audit: [
      'start by u-recruiter',
      'transition UPDATE_CONTEXT by u-recruiter',
      'transition REVIEW by u-recruiter',
    ],
    check(run) {
      expect(fastTrackReason(run.view().context)).toBe('referral');
    },
  },
]);
