import { diff } from '@hireflow/runtime/compiler';
import { describe, expect, it } from 'vitest';
import { addState } from '../commands/addState.ts';
import { removeSelection } from '../commands/removeSelection.ts';
import { updateTransition } from '../commands/updateTransition.ts';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { diffMarks } from './diffMarks.ts';

describe('diffMarks', () => {
  it('colors added and removed states and a changed guard', () => {
    const before = sampleSpec();
    let after = addState(before, 'milestone', { x: 0, y: 0 }).spec;
    after = removeSelection(after, { nodeIds: ['hired'], edgeIds: [] }).spec;
    after = updateTransition(after, 'route_big', { guard: 'offer.base > 1' });
    const marks = diffMarks(diff(before, after));
    expect(marks.nodes.get('milestone')).toBe('added');
    expect(marks.nodes.get('hired')).toBe('removed');
    expect(marks.edges.get('route_big')).toBe('changed');
  });
});
