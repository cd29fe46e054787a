import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { listStates } from '@hireflow/runtime/model';
import { filterStates, mapStates } from '../spec/specTree.ts';

/** What is selected on the canvas: state ids and edge ids (see `specToFlow` for edge ids). */
export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** Same ids selected, in any order (React Flow reports selections in its own order). */
export function isSameSelection(a: Selection, b: Selection): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && y.every((id) => x.includes(id));
  return same(a.nodeIds, b.nodeIds) && same(a.edgeIds, b.edgeIds);
}

export interface RemoveResult {
  spec: WorkflowSpec;
  /** States kept because they are locked in a fork, with the reason to show. */
  refused: { id: string; reason: string }[];
}

/** Removes the outgoing references `drop` matches from one state. Cleared outcome targets become ''. */
function pruneState(state: StateSpec, dropTarget: (id: string) => boolean, edgeIds: Set<string>): StateSpec {
  const s = state.id;
  if (state.kind === 'final') return state;
  if (state.kind === 'decision') {
    return { ...state, branches: state.branches.filter((b) => !edgeIds.has(b.id) && !dropTarget(b.target)) };
  }
  const on = state.on.filter((t) => !edgeIds.has(t.id) && !dropTarget(t.target));
  const timers = state.timers.flatMap((timer) => {
    if (edgeIds.has(`${s}:timer:${timer.id}`)) return [];
    // A timer whose target disappears still escalates; only its move is dropped.
    if (timer.target !== undefined && dropTarget(timer.target)) return [{ ...timer, target: undefined }];
    return [timer];
  });
  if (state.kind === 'approval') {
    const clear = (role: 'approved' | 'rejected', target: string) =>
      edgeIds.has(`${s}:${role}`) || dropTarget(target) ? '' : target;
    const approval = {
      ...state.approval,
      onApproved: clear('approved', state.approval.onApproved),
      onRejected: clear('rejected', state.approval.onRejected),
    };
    return { ...state, on, timers, approval };
  }
  if (state.kind === 'parallel') {
    const onDone = edgeIds.has(`${s}:done`) || dropTarget(state.onDone) ? '' : state.onDone;
    return { ...state, on, timers, onDone };
  }
  return { ...state, on, timers };
}

/**
 * Deletes the selected states (with everything pointing at them) and edges. In a fork
 * (`spec.forkedFrom` set) locked compliance states are refused and reported instead.
 */
export function removeSelection(spec: WorkflowSpec, selection: Selection): RemoveResult {
  const located = new Map(listStates(spec).map((l) => [l.state.id, l.state]));
  const refused: RemoveResult['refused'] = [];
  const doomed = new Set<string>();
  for (const id of selection.nodeIds) {
    const state = located.get(id);
    if (!state) continue;
    const lockedInside = spec.forkedFrom
      ? listStates({ states: [state] }).find((l) => l.state.locked)
      : undefined;
    if (lockedInside) {
      const name = lockedInside.state.label ?? lockedInside.state.id;
      refused.push({ id, reason: `"${name}" is a locked compliance step of the template` });
      continue;
    }
    doomed.add(id);
    if (state.kind === 'parallel') {
      for (const region of state.regions) for (const inner of listStates(region)) doomed.add(inner.state.id);
    }
  }
  const edgeIds = new Set(selection.edgeIds);
  const kept = filterStates(spec.states, (state) => !doomed.has(state.id));
  const states = mapStates(kept, (state) => pruneState(state, (target) => doomed.has(target), edgeIds));
  const initial = doomed.has(spec.initial) ? (states[0]?.id ?? spec.initial) : spec.initial;
  // A transition from any state into a deleted state goes with it.
  const anyState = spec.anyState?.filter((t) => !doomed.has(t.target));
  return { spec: { ...spec, states, initial, ...(anyState ? { anyState } : {}) }, refused };
}
