import { parseSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { buildSpecGraph, reachableFrom, statesThatCannotEnd } from './specGraph.ts';

const parse = (input: unknown): WorkflowSpec => {
  const result = parseSpec(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
};

// A screen that can loop into a limbo state forever, and a parallel check whose tracks end in `done`.
const spec = parse({
  schemaVersion: 2,
  id: 'graph-walk',
  name: 'Graph walk',
  initial: 'screen',
  states: [
    {
      id: 'screen',
      kind: 'milestone',
      on: [
        { id: 'to-limbo', event: 'PARK', target: 'limbo' },
        { id: 'to-checks', event: 'ADVANCE', target: 'checks' },
      ],
    },
    { id: 'limbo', kind: 'milestone', on: [{ id: 'stay', event: 'PING', target: 'limbo' }] },
    {
      id: 'checks',
      kind: 'parallel',
      onDone: 'done',
      on: [{ id: 'checks-withdraw', event: 'WITHDRAW', target: 'withdrawn' }],
      regions: [
        { id: 'a', initial: 'a1', states: [{ id: 'a1', kind: 'final', outcome: 'completed' }] },
        {
          id: 'b',
          initial: 'b1',
          states: [
            { id: 'b1', kind: 'milestone', on: [{ id: 'b-wait', event: 'WAIT', target: 'b1' }] },
            { id: 'b2', kind: 'final', outcome: 'completed' },
          ],
        },
      ],
    },
    { id: 'done', kind: 'final', outcome: 'hired' },
    { id: 'withdrawn', kind: 'final', outcome: 'withdrawn' },
    { id: 'orphan', kind: 'final', outcome: 'canceled' },
  ],
});

describe('buildSpecGraph', () => {
  const graph = buildSpecGraph(spec);

  it('finds the states that can be entered, through tracks and onDone', () => {
    const reachable = reachableFrom(graph, 'screen');
    expect([...reachable].sort()).toEqual(['a1', 'b1', 'checks', 'done', 'limbo', 'screen', 'withdrawn']);
    expect(reachable.has('orphan')).toBe(false);
    expect(reachable.has('b2')).toBe(false);
  });

  it('names states from which the instance can never end', () => {
    // b1 is stuck in its track but can still leave through the parallel state's WITHDRAW.
    expect(statesThatCannotEnd(graph)).toEqual(['limbo']);
  });
});
