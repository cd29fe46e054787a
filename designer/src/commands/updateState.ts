import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { collectIds, mapStates } from '../spec/specTree.ts';

/** Fields of a state the inspector edits directly (kind-specific fields included). */
export type StatePatch = Partial<Omit<StateSpec, 'kind'>> & Record<string, unknown>;

/** Points every reference to state `from` at `to` (targets, initial states, outcomes). */
function renameReferences(spec: WorkflowSpec, from: string, to: string): WorkflowSpec {
  const swap = (id: string) => (id === from ? to : id);
  const states = mapStates(spec.states, (state): StateSpec => {
    const own = state.id === from ? { ...state, id: to } : state;
    switch (own.kind) {
      case 'final':
        return own;
      case 'decision':
        return { ...own, branches: own.branches.map((b) => ({ ...b, target: swap(b.target) })) };
      default: {
        const on = own.on.map((t) => ({ ...t, target: swap(t.target) }));
        const timers = own.timers.map((t) => (t.target === undefined ? t : { ...t, target: swap(t.target) }));
        if (own.kind === 'approval') {
          const a = own.approval;
          const approval = {
            ...a,
            onApproved: swap(a.onApproved),
            onRejected: swap(a.onRejected),
            ...(a.reapprovalFrom ? { reapprovalFrom: a.reapprovalFrom.map(swap) } : {}),
          };
          return { ...own, on, timers, approval };
        }
        if (own.kind === 'parallel') {
          const regions = own.regions.map((r) => ({ ...r, initial: swap(r.initial) }));
          return { ...own, on, timers, regions, onDone: swap(own.onDone) };
        }
        return { ...own, on, timers };
      }
    }
  });
  const anyState = spec.anyState?.map((t) => ({ ...t, target: swap(t.target) }));
  return { ...spec, states, initial: swap(spec.initial), ...(anyState ? { anyState } : {}) };
}

export type UpdateStateResult =
  | { spec: WorkflowSpec; error?: undefined }
  | { spec: WorkflowSpec; error: string };

/**
 * Merges `patch` into the state `id`. A new `id` is applied everywhere the state is referenced;
 * an id already in use is refused (ids are unique across the whole spec).
 */
export function updateState(spec: WorkflowSpec, id: string, patch: StatePatch): UpdateStateResult {
  let next = spec;
  const newId = typeof patch.id === 'string' ? patch.id : id;
  if (newId !== id) {
    if (collectIds(spec).has(newId)) return { spec, error: `the id "${newId}" is already used` };
    next = renameReferences(spec, id, newId);
  }
  const { id: _ignored, ...fields } = patch;
  return {
    spec: {
      ...next,
      states: mapStates(next.states, (s) => (s.id === newId ? ({ ...s, ...fields } as StateSpec) : s)),
    },
  };
}
