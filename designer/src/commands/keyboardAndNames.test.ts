import { findState } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { createEditorState, editorReducer } from '../editor/editorReducer.ts';
import { specToFlow } from '../flow/specToFlow.ts';
import { sampleSpec } from '../spec/sampleSpec.ts';
import { addState } from './addState.ts';
import { hasProvisionalId, nameState } from './nameState.ts';
import { NUDGE_STEP, nudgeNodes } from './nudgeNodes.ts';
import { removeSelection } from './removeSelection.ts';
import { updateState } from './updateState.ts';

const positionOf = (spec: ReturnType<typeof sampleSpec>, id: string) =>
  specToFlow(spec).nodes.find((n) => n.id === id)?.position;

describe('nudgeNodes (arrow keys on the canvas)', () => {
  it('moves the states from where the canvas draws them and stores the position', () => {
    const spec = sampleSpec();
    const before = positionOf(spec, 'screen');
    const moved = nudgeNodes(spec, ['screen'], NUDGE_STEP, 0);
    expect(findState(moved, 'screen')?.state.position).toEqual({
      x: (before?.x ?? 0) + NUDGE_STEP,
      y: before?.y ?? 0,
    });
    expect(findState(moved, 'hired')?.state.position).toEqual(findState(spec, 'hired')?.state.position);
  });

  it('is one undoable edit of the spec, like a drag', () => {
    const spec = sampleSpec();
    let state = createEditorState(spec);
    state = editorReducer(state, { type: 'apply', spec: nudgeNodes(spec, ['screen', 'route'], 0, -10) });
    expect(state.history.present).not.toBe(spec);
    state = editorReducer(state, { type: 'undo' });
    expect(state.history.present).toBe(spec);
  });

  it('changes nothing without states or distance', () => {
    const spec = sampleSpec();
    expect(nudgeNodes(spec, [], 10, 10)).toBe(spec);
    expect(nudgeNodes(spec, ['screen'], 0, 0)).toBe(spec);
  });
});

describe('nameState (state ids from names)', () => {
  it("gives a fresh state's first name to its id too, unique in the spec", () => {
    const added = addState(sampleSpec(), 'milestone', { x: 0, y: 0 });
    const named = nameState(added.spec, added.id, 'Phone screen');
    expect(named.id).toBe('phone_screen');
    expect(findState(named.spec, 'phone_screen')?.state.label).toBe('Phone screen');
    const again = addState(named.spec, 'milestone', { x: 0, y: 0 });
    expect(nameState(again.spec, again.id, 'Phone screen').id).toBe('phone_screen_2');
  });

  it('keeps the id of a state that already has a name (instances and versions refer to it)', () => {
    const renamed = nameState(sampleSpec(), 'screen', 'Recruiter screen');
    expect(renamed.id).toBe('screen');
    expect(findState(renamed.spec, 'screen')?.state.label).toBe('Recruiter screen');
  });

  it('recognises only untouched placeholders as provisional', () => {
    expect(hasProvisionalId({ id: 'milestone_3', label: 'New milestone', kind: 'milestone' })).toBe(true);
    expect(hasProvisionalId({ id: 'outcome', label: 'New outcome', kind: 'final' })).toBe(true);
    expect(hasProvisionalId({ id: 'milestone', label: 'Interviews', kind: 'milestone' })).toBe(false);
    expect(hasProvisionalId({ id: 'screen', label: 'New milestone', kind: 'milestone' })).toBe(false);
  });
});

describe('transitions from any state in the editor commands', () => {
  const withAnyState = () => ({
    ...sampleSpec(),
    anyState: [
      {
        id: 'any-withdraw',
        event: 'WITHDRAW',
        target: 'rejected',
        actions: [],
        requiresNote: false,
        allowedRoles: [],
      },
    ],
  });

  it('follows a renamed target', () => {
    const result = updateState(withAnyState(), 'rejected', { id: 'declined' });
    expect(result.spec.anyState?.[0]?.target).toBe('declined');
  });

  it('goes with a deleted target', () => {
    const result = removeSelection(withAnyState(), { nodeIds: ['rejected'], edgeIds: [] });
    expect(result.spec.anyState).toEqual([]);
  });

  it('is drawn as a badge on every state that can still move, not as arrows', () => {
    const flow = specToFlow(withAnyState());
    expect(flow.edges.some((e) => e.id === 'any-withdraw')).toBe(false);
    const badge = (id: string) => flow.nodes.find((n) => n.id === id)?.data.anyState;
    expect(badge('screen')).toEqual([{ name: 'Withdraw', title: 'WITHDRAW → rejected (from any stage)' }]);
    expect(badge('bg_run')).toHaveLength(1);
    expect(badge('hired')).toBeUndefined();
    expect(badge('route')).toBeUndefined();
  });

  it('names every node for assistive technology', () => {
    const node = specToFlow(sampleSpec()).nodes.find((n) => n.id === 'screen');
    expect(node?.ariaLabel).toBe('Screen, milestone, start');
  });
});
