import type { WorkflowSpec } from '@hireflow/runtime/model';
import { mapStates } from '../spec/specTree.ts';

/** Stores new canvas positions (relative to the parent for states inside a parallel state). */
export function moveNodes(
  spec: WorkflowSpec,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): WorkflowSpec {
  if (positions.size === 0) return spec;
  return {
    ...spec,
    states: mapStates(spec.states, (state) => {
      const position = positions.get(state.id);
      return position
        ? { ...state, position: { x: Math.round(position.x), y: Math.round(position.y) } }
        : state;
    }),
  };
}
