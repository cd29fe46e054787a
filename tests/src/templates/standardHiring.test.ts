import { getInstance, isSealedNote, listAuditEntries, openVault, subjectRefOf } from '@hireflow/runtime';
import { expect } from 'vitest';
import { armedTimers, firedTimers, messagesOf } from './scenarioRecord.ts';
import { runScenarios, type ScenarioRun } from './scenarioTable.ts';
import { actorOf } from './templateHarness.ts';

// templates/src/scenarios.md § standard-hiring. Default calendar: UTC, Mon–Fri 09:00–17:00.

const recruiter = actorOf('recruiter');
const hrbp = actorOf('hrbp');
const toOffer = (run: ScenarioRun) => {
  for (let i = 0; i < 5; i++) run.must('ADVANCE');
};
const advances = (n: number) => Array.from({ length: n }, () => 'transition ADVANCE by u-recruiter');

runScenarios('standard-hiring', [
  {
    name: '1. happy path: five advances, the recruiter records the acceptance, the start is confirmed',
    steps(run) {
      toOffer(run);
      run.must('ACCEPT', { as: recruiter });
      run.must('START_CONFIRMED');
    },
    activeStates: ['hired'],
    status: 'done',
    outcome: 'hired',
    audit: [
      'start by u-recruiter',
      ...advances(5),
      'transition ACCEPT by u-recruiter',
      'transition START_CONFIRMED by u-recruiter',
    ],
    effects: ['notify recruiter+hiring_manager'],
    check(run) {
      expect(messagesOf(run.db, run.id)).toEqual(['Candidate started: hire recorded.']);
      expect(armedTimers(run.db, run.id)).toEqual([]);
    },
  },
  {
    name: '2. a rejection without a disposition reason is refused, then recorded with it',
    steps(run) {
      run.must('ADVANCE');
      expect(run.send('REJECT')).toMatchObject({ ok: false, code: 'NOTE_REQUIRED' });
      run.must('REJECT', { note: 'Salary expectations far above band.' });
    },
    activeStates: ['rejected'],
    status: 'done',
    outcome: 'rejected',
    audit: [
      'start by u-recruiter',
      'transition ADVANCE by u-recruiter',
      'refused REJECT NOTE_REQUIRED by u-recruiter',
      'transition REJECT by u-recruiter',
    ],
    check(run) {
      // Notes are personal: the log holds them sealed under the subject's key, readable while it exists.
      const entries = listAuditEntries(run.db, run.id);
      expect(entries.map((e) => (e.note === null ? null : isSealedNote(e.note)))).toEqual([
        null,
        null,
        null,
        true,
      ]);
      const instance = getInstance(run.db, run.id);
      const vault = openVault(run.db, instance ? subjectRefOf(instance) : '');
      expect(vault.openNote(entries[3]?.note ?? '')).toBe('Salary expectations far above band.');
    },
  },
  {
    name: '3. an HRBP may not reject at the recruiter screen',
    steps(run) {
      run.must('ADVANCE');
      expect(run.send('REJECT', { as: hrbp, note: 'Not a fit.' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    },
    activeStates: ['recruiter_screen'],
    audit: [
      'start by u-recruiter',
      'transition ADVANCE by u-recruiter',
      'refused REJECT FORBIDDEN by u-hrbp',
    ],
  },
  {
    name: '4. reopening interviews after an accepted offer is allowed but flagged as a regression',
    steps(run) {
      toOffer(run);
      run.must('ACCEPT', { as: recruiter });
      expect(run.must('REOPEN_INTERVIEWS', { note: 'Candidate asked to meet the team lead.' })).toMatchObject(
        {
          flag: 'regression',
        },
      );
    },
    activeStates: ['interviews'],
    audit: [
      'start by u-recruiter',
      ...advances(5),
      'transition ACCEPT by u-recruiter',
      'transition REOPEN_INTERVIEWS [regression] by u-recruiter',
    ],
  },
  {
    name: '5. a stuck recruiter screen is reminded (3 bd), escalated (5 bd), then reassigned (7 bd)',
    steps(run) {
      run.must('ADVANCE');
      run.advanceTo('2026-03-05T10:00:00Z');
      run.advanceTo('2026-03-09T10:00:00Z');
      run.advanceTo('2026-03-11T10:00:00Z');
    },
    activeStates: ['recruiter_screen'],
    audit: [
      'start by u-recruiter',
      'transition ADVANCE by u-recruiter',
      'timer timer:recruiter_screen:remind',
      'timer timer:recruiter_screen:escalate',
      'timer timer:recruiter_screen:reassign',
    ],
    effects: [
      'notify recruiter',
      'notify ta_manager+recruiter',
      'assignOwner ta_manager',
      'notify ta_manager',
    ],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:recruiter_screen:remind @ 2026-03-05T10:00:00.000Z',
        'timer:recruiter_screen:escalate @ 2026-03-09T10:00:00.000Z',
        'timer:recruiter_screen:reassign @ 2026-03-11T10:00:00.000Z',
      ]);
      expect(run.view().owner).toEqual({ role: 'ta_manager' });
    },
  },
  {
    name: '6. leaving a stage cancels its ladder; the next stage counts from its own entry',
    steps(run) {
      run.must('ADVANCE');
      run.advanceTo('2026-03-04T10:00:00Z');
      run.must('ADVANCE');
      run.advanceTo('2026-03-06T10:00:00Z');
    },
    activeStates: ['hiring_manager_review'],
    audit: [
      'start by u-recruiter',
      'transition ADVANCE by u-recruiter',
      'transition ADVANCE by u-recruiter',
      'timer timer:hiring_manager_review:remind',
    ],
    effects: ['notify hiring_manager'],
    check(run) {
      expect(firedTimers(run.db, run.id)).toEqual([
        'timer:hiring_manager_review:remind @ 2026-03-06T10:00:00.000Z',
      ]);
      expect(armedTimers(run.db, run.id)).toEqual([
        'timer:hiring_manager_review:escalate @ 2026-03-10T10:00:00.000Z',
      ]);
    },
  },
  {
    name: '7. the candidate declines the offer (a note is required)',
    steps(run) {
      toOffer(run);
      run.must('DECLINE', { note: 'Accepted a counter-offer.' });
    },
    activeStates: ['withdrawn'],
    status: 'done',
    outcome: 'withdrawn',
    audit: ['start by u-recruiter', ...advances(5), 'transition DECLINE by u-recruiter'],
  },
]);
