import type { StateKind, WorkflowSpec } from '@hireflow/runtime/model';
import { collectIds } from '../spec/specTree.ts';
import { newState } from './newState.ts';

/** Adds a new top-level state of `kind` at `position`; returns the new spec and the state's id. */
export function addState(
  spec: WorkflowSpec,
  kind: StateKind,
  position: { x: number; y: number },
): { spec: WorkflowSpec; id: string } {
  const state = newState(kind, position, collectIds(spec));
  return { spec: { ...spec, states: [...spec.states, state] }, id: state.id };
}
