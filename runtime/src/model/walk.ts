import type { StateSpec } from './state.ts';
import type { WorkflowSpec } from './workflowSpec.ts';

/** A state together with where it sits in the spec. */
export interface LocatedState {
  state: StateSpec;
  /** JSON path of the state, e.g. `states[3].regions[0].states[1]`. */
  path: string;
  /** Id of the enclosing parallel state and track, when nested. */
  parent?: { stateId: string; regionId: string } | undefined;
}

/** Every state of the spec, depth first, including states inside parallel tracks. */
export function listStates(spec: Pick<WorkflowSpec, 'states'>): LocatedState[] {
  const out: LocatedState[] = [];
  const visit = (states: readonly StateSpec[], base: string, parent: LocatedState['parent']) => {
    states.forEach((state, index) => {
      const path = `${base}[${index}]`;
      out.push({ state, path, parent });
      if (state.kind === 'parallel') {
        state.regions.forEach((region, r) => {
          visit(region.states, `${path}.regions[${r}].states`, { stateId: state.id, regionId: region.id });
        });
      }
    });
  };
  visit(spec.states, 'states', undefined);
  return out;
}

/** Looks a state up by id anywhere in the spec. */
export function findState(spec: Pick<WorkflowSpec, 'states'>, id: string): LocatedState | undefined {
  return listStates(spec).find((located) => located.state.id === id);
}
