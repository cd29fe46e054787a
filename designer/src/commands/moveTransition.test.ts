import { parseSpec, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';
import { describe, expect, it } from 'vitest';
import { createEditorState, editorReducer } from '../editor/editorReducer.ts';
import { specToFlow } from '../flow/specToFlow.ts';
import { moveTransition, sameEventOrder } from './moveTransition.ts';

/** screen: ADVANCE (no condition) → hired, REJECT → rejected, ADVANCE if level > 3 → offer. */
function spec(): WorkflowSpec {
  const parsed = parseSpec({
    schemaVersion: 2,
    id: 'order',
    name: 'Order',
    initial: 'screen',
    context: { level: { type: 'int' } },
    states: [
      {
        id: 'screen',
        kind: 'milestone',
        on: [
          { id: 'advance', event: 'ADVANCE', target: 'hired' },
          { id: 'reject', event: 'REJECT', target: 'rejected' },
          { id: 'advance-senior', event: 'ADVANCE', target: 'offer', guard: 'level > 3' },
        ],
      },
      { id: 'offer', kind: 'milestone', on: [{ id: 'accept', event: 'ACCEPT', target: 'hired' }] },
      { id: 'hired', kind: 'final', outcome: 'hired' },
      { id: 'rejected', kind: 'final', outcome: 'rejected' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.spec;
}
const screen = (s: WorkflowSpec) => s.states[0] as StateSpec & { kind: 'milestone' };
const ids = (state: StateSpec | undefined) =>
  state && state.kind === 'milestone' ? state.on.map((t) => t.id) : [];

describe('moveTransition', () => {
  it('moves a transition earlier among those on its event, leaving other events in place', () => {
    const moved = moveTransition(screen(spec()), 'advance-senior', 'earlier');
    expect(ids(moved)).toEqual(['advance-senior', 'reject', 'advance']);
    expect(sameEventOrder(moved as StateSpec, 'advance')).toEqual(['advance-senior', 'advance']);
  });

  it('moves a transition later, or right before another one', () => {
    expect(ids(moveTransition(screen(spec()), 'advance', 'later'))).toEqual([
      'advance-senior',
      'reject',
      'advance',
    ]);
    expect(ids(moveTransition(screen(spec()), 'advance-senior', { before: 'advance' }))).toEqual([
      'advance-senior',
      'advance',
      'reject',
    ]);
  });

  it('refuses moves past the ends and across events', () => {
    expect(moveTransition(screen(spec()), 'advance', 'earlier')).toBeUndefined();
    expect(moveTransition(screen(spec()), 'reject', 'later')).toBeUndefined();
    expect(moveTransition(screen(spec()), 'reject', { before: 'advance' })).toBeUndefined();
  });

  it('is one undoable editor step', () => {
    const before = spec();
    const moved = moveTransition(screen(before), 'advance-senior', 'earlier') as StateSpec;
    const applied = editorReducer(createEditorState(before), {
      type: 'apply',
      spec: { ...before, states: [moved, ...before.states.slice(1)] },
    });
    expect(ids(applied.history.present.states[0])).toEqual(['advance-senior', 'reject', 'advance']);
    expect(editorReducer(applied, { type: 'undo' }).history.present).toBe(before);
  });
});

describe('transition order on the canvas', () => {
  it('numbers the arrows of one state that share an event, and only those', () => {
    const orders = Object.fromEntries(specToFlow(spec()).edges.map((e) => [e.id, e.data?.order]));
    expect(orders.advance).toEqual({ position: 1, of: 2 });
    expect(orders['advance-senior']).toEqual({ position: 2, of: 2 });
    expect(orders.reject).toBeUndefined();
    expect(orders.accept).toBeUndefined();
  });
});
