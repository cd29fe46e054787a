import { describe, expect, it } from 'vitest';
import { type StateInput, workflow } from '../../test/specs.ts';
import { compile } from './index.ts';

const hired: StateInput = { id: 'hired', kind: 'final', outcome: 'hired' };
const rejected: StateInput = { id: 'rejected', kind: 'final', outcome: 'rejected' };
const context = { level: { type: 'int' } } as const;

/** Compiles a screen state with these transitions; returns the shadowing findings as `id < by`. */
function shadowed(on: Record<string, unknown>[]): string[] {
  const spec = workflow([{ id: 'screen', kind: 'milestone', on }, hired, rejected], { context });
  return compile(spec)
    .diagnostics.filter((d) => d.code === 'TRANSITION_SHADOWED')
    .map((d) => `${d.transitionId} < ${d.shadowedBy}`);
}

describe('TRANSITION_SHADOWED', () => {
  it('reports a guarded transition after an unguarded one on the same event, with the fix', () => {
    const spec = workflow(
      [
        {
          id: 'screen',
          kind: 'milestone',
          on: [
            { id: 'advance', event: 'ADVANCE', target: 'hired' },
            { id: 'advance-senior', event: 'ADVANCE', target: 'rejected', guard: 'level > 3' },
          ],
        },
        hired,
        rejected,
      ],
      { context },
    );
    const [finding] = compile(spec).diagnostics;
    expect(finding).toMatchObject({
      code: 'TRANSITION_SHADOWED',
      severity: 'error',
      path: 'states[0].on[1]',
      stateId: 'screen',
      transitionId: 'advance-senior',
      shadowedBy: 'advance',
    });
    expect(finding?.message).toContain('move "advance-senior" above "advance"');
    expect(finding?.message).toContain('add a condition to "advance"');
  });

  it('reports a transition after one whose condition is "true"', () => {
    expect(
      shadowed([
        { id: 'always', event: 'ADVANCE', target: 'hired', guard: ' true ' },
        { id: 'senior', event: 'ADVANCE', target: 'rejected', guard: 'level > 3' },
      ]),
    ).toEqual(['senior < always']);
  });

  it('reports a transition after one with the same condition, whitespace aside', () => {
    expect(
      shadowed([
        { id: 'first', event: 'ADVANCE', target: 'hired', guard: 'level > 3' },
        { id: 'second', event: 'ADVANCE', target: 'rejected', guard: 'level>3' },
      ]),
    ).toEqual(['second < first']);
  });

  it('reports a decision branch after the "otherwise" branch', () => {
    const spec = workflow(
      [
        {
          id: 'route',
          kind: 'decision',
          branches: [
            { id: 'otherwise', target: 'hired' },
            { id: 'senior', target: 'rejected', guard: 'level > 3' },
          ],
        },
        hired,
        rejected,
      ],
      { context },
    );
    expect(compile(spec).diagnostics.map((d) => `${d.code} ${d.transitionId}`)).toEqual([
      'TRANSITION_SHADOWED senior',
    ]);
  });

  it('does not report transitions that can fire: other events, different conditions, guarded first', () => {
    expect(
      shadowed([
        { id: 'senior', event: 'ADVANCE', target: 'rejected', guard: 'level > 3' },
        { id: 'junior', event: 'ADVANCE', target: 'hired', guard: 'level <= 3' },
        { id: 'otherwise', event: 'ADVANCE', target: 'hired' },
        { id: 'reject', event: 'REJECT', target: 'rejected', guard: 'level > 3' },
      ]),
    ).toEqual([]);
  });

  it('leaves two unguarded transitions to AMBIGUOUS_TRANSITION', () => {
    expect(
      shadowed([
        { id: 'a', event: 'ADVANCE', target: 'hired' },
        { id: 'b', event: 'ADVANCE', target: 'rejected' },
      ]),
    ).toEqual([]);
  });

  it('does not compare conditions inside string literals loosely', () => {
    const spec = workflow(
      [
        {
          id: 'screen',
          kind: 'milestone',
          on: [
            { id: 'a', event: 'ADVANCE', target: 'hired', guard: 'team == "a b"' },
            { id: 'b', event: 'ADVANCE', target: 'rejected', guard: 'team == "ab"' },
          ],
        },
        hired,
        rejected,
      ],
      { context: { team: { type: 'string' } } },
    );
    expect(compile(spec).diagnostics).toEqual([]);
  });
});
