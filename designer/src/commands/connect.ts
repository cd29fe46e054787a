import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';
import { findState } from '@hireflow/runtime/model';
import { collectIds, uniqueId, updateStateById } from '../spec/specTree.ts';

/** A connection drawn on the canvas: from a state's handle to another state. */
export interface Connection {
  source: string;
  target: string;
  /** `approved` / `rejected` on approval nodes, `done` on parallel nodes, `out` (default) elsewhere. */
  sourceHandle?: string | null | undefined;
  /** Event name for a new transition; defaults to `ADVANCE`. */
  event?: string | undefined;
}

export type ConnectResult =
  | { spec: WorkflowSpec; edgeId: string }
  | { spec: WorkflowSpec; edgeId: null; reason: string };

/**
 * Turns a drawn connection into spec: an approval outcome, a parallel "done" target, a decision
 * branch, or a transition on an event. Final states have no way out.
 */
export function connect(spec: WorkflowSpec, connection: Connection): ConnectResult {
  const source = findState(spec, connection.source)?.state;
  if (!source || !findState(spec, connection.target)) {
    return { spec, edgeId: null, reason: 'both ends must be states' };
  }
  const handle = connection.sourceHandle ?? 'out';
  const target = connection.target;
  const taken = collectIds(spec);
  let edgeId: string | null = null;
  const update = (fn: (state: StateSpec) => StateSpec) => updateStateById(spec, source.id, fn);
  switch (source.kind) {
    case 'final':
      return { spec, edgeId: null, reason: 'an outcome is the end of the workflow; nothing leaves it' };
    case 'decision': {
      const id = uniqueId(`${source.id}_to_${target}`, taken);
      edgeId = id;
      // New branches start unguarded; with two of them the validation panel asks for a guard.
      return {
        spec: update((s) =>
          s.kind === 'decision' ? { ...s, branches: [...s.branches, { id, target, actions: [] }] } : s,
        ),
        edgeId,
      };
    }
    case 'approval':
      if (handle === 'approved' || handle === 'rejected') {
        const key = handle === 'approved' ? 'onApproved' : 'onRejected';
        return {
          spec: update((s) =>
            s.kind === 'approval' ? { ...s, approval: { ...s.approval, [key]: target } } : s,
          ),
          edgeId: `${source.id}:${handle}`,
        };
      }
      break;
    case 'parallel':
      if (handle === 'done') {
        return {
          spec: update((s) => (s.kind === 'parallel' ? { ...s, onDone: target } : s)),
          edgeId: `${source.id}:done`,
        };
      }
      break;
    case 'milestone':
      break;
  }
  const id = uniqueId(`${source.id}_to_${target}`, taken);
  const transition = {
    id,
    event: connection.event ?? 'ADVANCE',
    target,
    actions: [],
    requiresNote: false,
    allowedRoles: [],
  };
  return {
    spec: update((s) =>
      s.kind === 'decision' || s.kind === 'final' ? s : { ...s, on: [...s.on, transition] },
    ),
    edgeId: id,
  };
}
