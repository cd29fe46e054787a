import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';

/**
 * Immutable tree helpers over a spec's states, including states nested in parallel tracks.
 * Every command is written with these so nesting never needs special cases.
 */

/** Returns a copy of `states` with `fn` applied to every state, depth first (children before parents). */
export function mapStates(states: readonly StateSpec[], fn: (state: StateSpec) => StateSpec): StateSpec[] {
  return states.map((state) => {
    const withChildren: StateSpec =
      state.kind === 'parallel'
        ? {
            ...state,
            regions: state.regions.map((region) => ({ ...region, states: mapStates(region.states, fn) })),
          }
        : state;
    return fn(withChildren);
  });
}

/** Returns a copy of `states` without the states for which `keep` is false, at any depth. */
export function filterStates(states: readonly StateSpec[], keep: (state: StateSpec) => boolean): StateSpec[] {
  return states.filter(keep).map((state) =>
    state.kind === 'parallel'
      ? {
          ...state,
          regions: state.regions.map((region) => ({ ...region, states: filterStates(region.states, keep) })),
        }
      : state,
  );
}

/** Applies `fn` to the state with this id only. */
export function updateStateById(
  spec: WorkflowSpec,
  id: string,
  fn: (state: StateSpec) => StateSpec,
): WorkflowSpec {
  return { ...spec, states: mapStates(spec.states, (state) => (state.id === id ? fn(state) : state)) };
}

/** Every id used by a state, transition, branch, timer, approval step or track: new ids must avoid them all. */
export function collectIds(spec: Pick<WorkflowSpec, 'states'>): Set<string> {
  const ids = new Set<string>();
  const visit = (states: readonly StateSpec[]) => {
    for (const state of states) {
      ids.add(state.id);
      if (state.kind === 'decision') for (const branch of state.branches) ids.add(branch.id);
      if (state.kind === 'final') continue;
      if (state.kind === 'decision') continue;
      for (const transition of state.on) ids.add(transition.id);
      for (const timer of state.timers) ids.add(timer.id);
      if (state.kind === 'approval') for (const step of state.approval.steps) ids.add(step.id);
      if (state.kind === 'parallel') {
        for (const region of state.regions) {
          ids.add(region.id);
          visit(region.states);
        }
      }
    }
  };
  visit(spec.states);
  return ids;
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet; adds the result to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .slice(0, 56) || 'state';
  let candidate = clean;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${clean}_${n}`;
  taken.add(candidate);
  return candidate;
}
