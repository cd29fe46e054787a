import { findState, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';

/** The way forward out of a state: its first non-regression transition to a state that does not end the instance. */
function forward(state: StateSpec, isOutcome: (id: string) => boolean): string[] {
  switch (state.kind) {
    case 'final':
      return [];
    case 'decision':
      return state.branches.map((b) => b.target);
    case 'approval':
      return [state.approval.onApproved, ...state.on.filter((t) => !t.flag).map((t) => t.target)];
    case 'parallel':
      return [state.onDone, ...state.on.filter((t) => !t.flag).map((t) => t.target)];
    default:
      return state.on
        .filter((t) => !t.flag)
        .map((t) => t.target)
        .sort((a, b) => Number(isOutcome(a)) - Number(isOutcome(b)));
  }
}

/**
 * The main path of a workflow — what a candidate goes through when all goes well: from the start,
 * the first forward transition each time, up to the first outcome. The canvas keeps it in order left
 * to right and opens on it when the whole graph would be too small to read.
 */
export function mainPath(spec: WorkflowSpec): string[] {
  const isOutcome = (id: string) => findState(spec, id)?.state.kind === 'final';
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | undefined = spec.initial;
  while (current && !seen.has(current)) {
    const state: StateSpec | undefined = findState(spec, current)?.state;
    if (!state) break;
    seen.add(current);
    path.push(current);
    current = forward(state, isOutcome).find((id) => id && !seen.has(id));
  }
  return path;
}
