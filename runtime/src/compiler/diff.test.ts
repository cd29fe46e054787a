import { describe, expect, it } from 'vitest';
import { type StateInput, workflow } from '../../test/specs.ts';
import { parseSpec, type WorkflowSpec } from '../model/index.ts';
import { type DiffEntry, diff } from './index.ts';

const parsed = (input: unknown): WorkflowSpec => {
  const result = parseSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
};

const finals: StateInput[] = [
  { id: 'hired', kind: 'final', outcome: 'hired' },
  { id: 'rejected', kind: 'final', outcome: 'rejected' },
];

const context = { level: { type: 'int' }, 'compensation.base': { type: 'double' } } as const;

/** Version 1: screen → offer approval (manager) → hired. */
const before = parsed(
  workflow(
    [
      {
        id: 'screen',
        kind: 'milestone',
        label: 'Screen',
        on: [
          { id: 'advance', event: 'ADVANCE', target: 'offer_approval', guard: 'level > 2' },
          { id: 'reject', event: 'REJECT', target: 'rejected' },
          { id: 'withdraw', event: 'WITHDRAW', target: 'rejected' },
        ],
        timers: [{ id: 'remind', after: { amount: 3, unit: 'businessDays' }, target: 'rejected' }],
      },
      {
        id: 'offer_approval',
        kind: 'approval',
        approval: {
          steps: [{ id: 'manager', approvers: [{ role: 'hiring_manager' }] }],
          onApproved: 'hired',
          onRejected: 'rejected',
        },
      },
      { id: 'parked', kind: 'milestone', on: [{ id: 'unpark', event: 'RESUME', target: 'screen' }] },
      ...finals,
    ],
    { context },
  ),
);

/** Version 2: renamed screen, stricter guard, no withdraw, a new phone screen, slower timer, finance. */
const after = parsed(
  workflow(
    [
      {
        id: 'screen',
        kind: 'milestone',
        label: 'Recruiter screen',
        on: [
          { id: 'advance', event: 'ADVANCE', target: 'offer_approval', guard: 'level > 3' },
          { id: 'reject', event: 'REJECT', target: 'rejected' },
          { id: 'call', event: 'CALL', target: 'phone_screen' },
        ],
        timers: [
          { id: 'remind', after: { amount: 5, unit: 'businessDays' }, target: 'rejected' },
          { id: 'escalate', after: { amount: 7, unit: 'businessDays' }, target: 'rejected' },
        ],
      },
      {
        id: 'offer_approval',
        kind: 'approval',
        approval: {
          steps: [
            { id: 'manager', approvers: [{ role: 'hiring_manager' }, { user: 'vp-eng' }] },
            { id: 'finance', approvers: [{ role: 'finance' }], when: 'compensation.base > 200000.0' },
          ],
          onApproved: 'hired',
          onRejected: 'rejected',
        },
      },
      { id: 'phone_screen', kind: 'milestone', on: [{ id: 'back', event: 'DONE', target: 'screen' }] },
      ...finals,
    ],
    { context },
  ),
);

const summary = (entries: DiffEntry[]) => entries.map((e) => `${e.change} ${e.kind} ${e.id}`).sort();

describe('diff', () => {
  it('is empty between a version and itself', () => {
    expect(diff(before, before)).toEqual({ entries: [], counts: { added: 0, removed: 0, changed: 0 } });
  });

  it('lists added, removed and changed states, transitions, guards, timers and approvers', () => {
    expect(summary(diff(before, after).entries)).toEqual(
      [
        'added approver offer_approval/finance',
        'added state phone_screen',
        'added timer screen/escalate',
        'added transition back',
        'added transition call',
        'changed approver offer_approval/manager',
        'changed guard advance',
        'changed state offer_approval',
        'changed state screen',
        'changed timer screen/remind',
        'removed state parked',
        'removed transition unpark',
        'removed transition withdraw',
      ].sort(),
    );
  });

  it('counts entries by change so the designer can show a badge', () => {
    expect(diff(before, after).counts).toEqual({ added: 5, removed: 3, changed: 5 });
  });

  it('shows a changed guard with before and after, and the state and transition to color', () => {
    const guard = diff(before, after).entries.find((e) => e.kind === 'guard');
    expect(guard).toMatchObject({
      change: 'changed',
      stateId: 'screen',
      transitionId: 'advance',
      before: 'level > 2',
      after: 'level > 3',
    });
  });

  it('reports only the guard when nothing else of the transition changed', () => {
    const advance = diff(before, after).entries.filter((e) => e.id === 'advance');
    expect(advance.map((e) => e.kind)).toEqual(['guard']);
  });

  it('reports a guard put on or taken off a transition as added or removed', () => {
    const taken = diff(after, withoutGuard(after)).entries;
    expect(taken).toEqual([
      expect.objectContaining({ kind: 'guard', change: 'removed', before: 'level > 3' }),
    ]);
    const put = diff(withoutGuard(after), after).entries;
    expect(put).toEqual([expect.objectContaining({ kind: 'guard', change: 'added', after: 'level > 3' })]);
  });

  it('shows changed approvers with the step before and after', () => {
    const manager = diff(before, after).entries.find((e) => e.id === 'offer_approval/manager');
    expect(manager?.before).toMatchObject({ approvers: [{ role: 'hiring_manager' }] });
    expect(manager?.after).toMatchObject({ approvers: [{ role: 'hiring_manager' }, { user: 'vp-eng' }] });
  });

  it('ignores canvas positions: moving a node is not a change', () => {
    const moved = structuredClone(before);
    const screen = moved.states[0];
    if (screen) screen.position = { x: 420, y: 80 };
    expect(diff(before, moved).entries).toEqual([]);
  });

  it('reports workflow settings once', () => {
    const renamed = { ...before, name: 'Renamed' };
    expect(diff(before, renamed).entries).toEqual([
      expect.objectContaining({ kind: 'workflow', change: 'changed', id: 'test-flow' }),
    ]);
  });
});

/** `after` with the guard of `advance` removed. */
function withoutGuard(spec: WorkflowSpec): WorkflowSpec {
  const copy = structuredClone(spec);
  const screen = copy.states[0];
  if (screen?.kind === 'milestone') {
    const advance = screen.on[0];
    if (advance) delete advance.guard;
  }
  return copy;
}
