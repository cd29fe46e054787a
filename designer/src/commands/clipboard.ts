import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { collectIds, mapStates, uniqueId } from '../spec/specTree.ts';

/** What copy puts on the clipboard: whole top-level states (JSON-serializable). */
export interface Clipboard {
  states: StateSpec[];
}

/** Copies the selected top-level states (states inside a parallel state travel with it). */
export function copySelection(spec: WorkflowSpec, nodeIds: readonly string[]): Clipboard {
  const wanted = new Set(nodeIds);
  return { states: structuredClone(spec.states.filter((state) => wanted.has(state.id))) };
}

/** Every id inside the given states that must be renamed on paste. */
function idsInside(states: readonly StateSpec[]): string[] {
  return [...collectIds({ states: [...states] })];
}

/**
 * Pastes clipboard states with fresh ids, shifted by `offset`. References between pasted states
 * follow the copies; references to other states keep pointing at the originals.
 */
export function paste(
  spec: WorkflowSpec,
  clipboard: Clipboard,
  offset = { x: 40, y: 40 },
): { spec: WorkflowSpec; ids: string[] } {
  const taken = collectIds(spec);
  const renamed = new Map<string, string>();
  for (const id of idsInside(clipboard.states)) renamed.set(id, uniqueId(`${id}_copy`, taken));
  const swap = (id: string) => renamed.get(id) ?? id;
  const copies = mapStates(structuredClone(clipboard.states), (state): StateSpec => {
    const base = { ...state, id: swap(state.id), locked: undefined };
    switch (base.kind) {
      case 'final':
        return base;
      case 'decision':
        return {
          ...base,
          branches: base.branches.map((b) => ({ ...b, id: swap(b.id), target: swap(b.target) })),
        };
      default: {
        const on = base.on.map((t) => ({ ...t, id: swap(t.id), target: swap(t.target) }));
        const timers = base.timers.map((t) => ({
          ...t,
          id: swap(t.id),
          ...(t.target ? { target: swap(t.target) } : {}),
        }));
        if (base.kind === 'approval') {
          const a = base.approval;
          const steps = a.steps.map((step) => ({ ...step, id: swap(step.id) }));
          const approval = { ...a, steps, onApproved: swap(a.onApproved), onRejected: swap(a.onRejected) };
          return { ...base, on, timers, approval };
        }
        if (base.kind === 'parallel') {
          const regions = base.regions.map((r) => ({ ...r, id: swap(r.id), initial: swap(r.initial) }));
          return { ...base, on, timers, regions, onDone: swap(base.onDone) };
        }
        return { ...base, on, timers };
      }
    }
  });
  const topIds = new Set(clipboard.states.map((s) => swap(s.id)));
  const shifted = copies.map((state) =>
    topIds.has(state.id) && state.position
      ? { ...state, position: { x: state.position.x + offset.x, y: state.position.y + offset.y } }
      : state,
  );
  return { spec: { ...spec, states: [...spec.states, ...shifted] }, ids: shifted.map((s) => s.id) };
}
