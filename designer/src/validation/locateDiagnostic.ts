import type { StateSpec, WorkflowSpec } from '@hireflow/runtime/model';

/** What a diagnostic points at on the canvas. */
export interface CanvasTarget {
  nodeId?: string | undefined;
  edgeId?: string | undefined;
}

/**
 * Finds the node and edge a diagnostic is about, from its ids when the compiler gives them,
 * otherwise by walking its JSON path (`states[2].regions[0].states[1].on[0].guard`).
 */
export function locateDiagnostic(
  spec: WorkflowSpec,
  diagnostic: { path: string; stateId?: string | undefined; transitionId?: string | undefined },
): CanvasTarget {
  const fromPath = locatePath(spec, diagnostic.path);
  return {
    nodeId: diagnostic.stateId ?? fromPath.nodeId,
    edgeId: diagnostic.transitionId ?? fromPath.edgeId,
  };
}

function locatePath(spec: WorkflowSpec, path: string): CanvasTarget {
  let states: readonly StateSpec[] = spec.states;
  let state: StateSpec | undefined;
  let rest = path;
  for (;;) {
    const match = /^(?:states|\.regions\[(\d+)\]\.states)\[(\d+)\]/.exec(rest);
    if (!match) break;
    if (match[1] !== undefined) {
      if (state?.kind !== 'parallel') break;
      states = state.regions[Number(match[1])]?.states ?? [];
    }
    state = states[Number(match[2])];
    rest = rest.slice(match[0].length);
    if (!state) return {};
  }
  if (!state) return {};
  const s = state;
  const item = /^\.(on|branches|timers)\[(\d+)\]/.exec(rest);
  if (item) {
    const index = Number(item[2]);
    if (item[1] === 'branches' && s.kind === 'decision')
      return { nodeId: s.id, edgeId: s.branches[index]?.id };
    if (s.kind === 'final' || s.kind === 'decision') return { nodeId: s.id };
    if (item[1] === 'on') return { nodeId: s.id, edgeId: s.on[index]?.id };
    const timer = s.timers[index];
    return { nodeId: s.id, edgeId: timer?.target ? `${s.id}:timer:${timer.id}` : undefined };
  }
  if (rest.startsWith('.approval.onApproved')) return { nodeId: s.id, edgeId: `${s.id}:approved` };
  if (rest.startsWith('.approval.onRejected')) return { nodeId: s.id, edgeId: `${s.id}:rejected` };
  if (rest.startsWith('.onDone')) return { nodeId: s.id, edgeId: `${s.id}:done` };
  return { nodeId: s.id };
}
