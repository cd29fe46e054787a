import type { BranchSpec, TimerSpec, TransitionSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { mapStates } from '../spec/specTree.ts';

/** Fields of a transition, decision branch or timer, edited through the edge that draws it. */
export type TransitionPatch = Partial<TransitionSpec> | Partial<BranchSpec> | Partial<TimerSpec>;

/**
 * Merges `patch` into what the edge `edgeId` stands for: a transition or branch (edge id = its id)
 * or a timer (`<stateId>:timer:<timerId>`). Unknown edges leave the spec unchanged.
 */
export function updateTransition(spec: WorkflowSpec, edgeId: string, patch: TransitionPatch): WorkflowSpec {
  const timer = /^([a-z][a-z0-9_-]*):timer:([a-z][a-z0-9_-]*)$/.exec(edgeId);
  const states = mapStates(spec.states, (state) => {
    if (state.kind === 'final') return state;
    if (state.kind === 'decision') {
      if (!state.branches.some((b) => b.id === edgeId)) return state;
      return {
        ...state,
        branches: state.branches.map((b) => (b.id === edgeId ? ({ ...b, ...patch } as BranchSpec) : b)),
      };
    }
    if (timer && state.id === timer[1]) {
      return {
        ...state,
        timers: state.timers.map((t) => (t.id === timer[2] ? ({ ...t, ...patch } as TimerSpec) : t)),
      };
    }
    if (!state.on.some((t) => t.id === edgeId)) return state;
    return {
      ...state,
      on: state.on.map((t) => (t.id === edgeId ? ({ ...t, ...patch } as TransitionSpec) : t)),
    };
  });
  return { ...spec, states };
}
