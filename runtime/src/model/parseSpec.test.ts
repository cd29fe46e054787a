import { describe, expect, it } from 'vitest';
import { readSampleSpec, readTemplateSpecs } from '../../test/specFiles.ts';
import { screenFlow, workflow } from '../../test/specs.ts';
import { parseSpec, type SpecIssue } from './index.ts';

/** The issues of a spec that must not parse. */
function issuesOf(input: unknown): SpecIssue[] {
  const result = parseSpec(input);
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.issues;
}

describe('parseSpec', () => {
  it.each([readSampleSpec(), ...readTemplateSpecs()].map((file) => [file.name, file.json]))(
    'accepts %s',
    (_name, json) => {
      const result = parseSpec(json);
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );

  it('finds the templates on disk', () => {
    expect(readTemplateSpecs().length).toBeGreaterThanOrEqual(9);
  });

  it('fills defaults so the parsed spec is complete', () => {
    const result = parseSpec(screenFlow());
    if (!result.ok) throw new Error('expected a valid spec');
    expect(result.spec.calendar.timeZone).toBe('UTC');
    expect(result.spec.states[0]).toMatchObject({ entry: [], exit: [], timers: [] });
    const [screen] = result.spec.states;
    expect(screen?.kind === 'milestone' && screen.on[0]).toMatchObject({
      requiresNote: false,
      allowedRoles: [],
    });
  });

  it('locates a transition without a target as states[1].on[0].target', () => {
    const spec = workflow([
      { id: 'applied', kind: 'milestone', on: [{ id: 'go', event: 'ADVANCE', target: 'screen' }] },
      { id: 'screen', kind: 'milestone', on: [{ id: 'hire', event: 'HIRE' }] },
      { id: 'hired', kind: 'final', outcome: 'hired' },
    ]);
    expect(issuesOf(spec)).toEqual([{ path: 'states[1].on[0].target', message: expect.any(String) }]);
  });

  it('rejects an event name that is not UPPER_SNAKE_CASE, saying how to write it', () => {
    const issues = issuesOf(
      workflow([
        { id: 'screen', kind: 'milestone', on: [{ id: 'go', event: 'advance now', target: 'hired' }] },
        { id: 'hired', kind: 'final', outcome: 'hired' },
      ]),
    );
    expect(issues).toEqual([
      { path: 'states[0].on[0].event', message: expect.stringContaining('UPPER_SNAKE') },
    ]);
  });

  it('rejects a quorum step without the number of approvals', () => {
    const spec = workflow([
      {
        id: 'offer_approval',
        kind: 'approval',
        approval: {
          steps: [{ id: 'panel', approvers: [{ role: 'approver' }], mode: 'quorum' }],
          onApproved: 'hired',
          onRejected: 'hired',
        },
      },
      { id: 'hired', kind: 'final', outcome: 'hired' },
    ]);
    expect(issuesOf(spec)).toEqual([
      { path: 'states[0].approval.steps[0].quorum', message: 'a quorum step needs the number of approvals' },
    ]);
  });

  it('rejects a suppression window that ends before it starts', () => {
    const spec = screenFlow({
      suppressionWindows: [
        { id: 'freeze', name: 'Hiring freeze', from: '2026-07-01T00:00:00Z', to: '2026-06-01T00:00:00Z' },
      ],
    });
    expect(issuesOf(spec)).toEqual([
      { path: 'suppressionWindows[0].to', message: 'the window must end after it starts' },
    ]);
  });

  it('rejects unknown keys instead of silently dropping them', () => {
    const spec = { ...screenFlow(), colour: 'blue' };
    expect(issuesOf(spec).map((issue) => issue.path)).toEqual(['']);
  });

  it('rejects a state of an unknown kind at the state', () => {
    const spec = workflow([{ id: 'screen', kind: 'limbo' }]);
    expect(issuesOf(spec).map((issue) => issue.path)).toEqual(['states[0].kind']);
  });

  it('answers input that is not an object with an issue, not an exception', () => {
    expect(issuesOf('not a spec').length).toBeGreaterThan(0);
    expect(issuesOf(null).length).toBeGreaterThan(0);
  });
});
