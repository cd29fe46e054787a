import { listStates, type StateSpec, type WorkflowSpec } from '@hireflow/runtime/model';

/**
 * A plain graph walk over a spec, independent of the compiler, so the template tests check the
 * drawings themselves: which states can be entered, and which can still end.
 */
export interface SpecGraph {
  /** state id → ids it can move to (transitions, timers, branches, approval outcomes, tracks). */
  edges: Map<string, Set<string>>;
  /** Top-level final states: entering one ends the instance. */
  endings: Set<string>;
}

/** Every target a state names itself. */
function targetsOf(state: StateSpec): string[] {
  if (state.kind === 'final') return [];
  if (state.kind === 'decision') return state.branches.map((branch) => branch.target);
  const targets = [
    ...state.on.map((t) => t.target),
    ...state.timers.flatMap((t) => (t.target ? [t.target] : [])),
  ];
  if (state.kind === 'approval') targets.push(state.approval.onApproved, state.approval.onRejected);
  if (state.kind === 'parallel') targets.push(...state.regions.map((region) => region.initial));
  return targets;
}

/** Builds the graph; a track's final state leads to the parallel state's `onDone`. */
export function buildSpecGraph(spec: WorkflowSpec): SpecGraph {
  const edges = new Map<string, Set<string>>();
  const endings = new Set<string>();
  const located = listStates(spec);
  const parallels = new Map(
    located.flatMap(({ state }) => (state.kind === 'parallel' ? [[state.id, state] as const] : [])),
  );
  for (const { state, parent } of located) {
    const out = new Set(targetsOf(state));
    if (parent) {
      const parallel = parallels.get(parent.stateId);
      // Inside a track, the parallel state's own transitions still apply (e.g. WITHDRAW).
      for (const target of parallel ? targetsOf(parallel) : []) out.add(target);
      if (state.kind === 'final' && parallel) out.add(parallel.onDone);
    } else if (state.kind === 'final') endings.add(state.id);
    // Transitions from any state (Reject, Withdraw…) leave every state that does not end the instance.
    if (state.kind !== 'final' || parent) for (const t of spec.anyState ?? []) out.add(t.target);
    edges.set(state.id, out);
  }
  return { edges, endings };
}

/** Ids reachable from `start`, `start` included. */
export function reachableFrom(graph: SpecGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.edges.get(id) ?? []));
  }
  return seen;
}

/** Ids of states from which no top-level final state can be reached. */
export function statesThatCannotEnd(graph: SpecGraph): string[] {
  return [...graph.edges.keys()].filter((id) => {
    const reachable = reachableFrom(graph, id);
    return ![...graph.endings].some((ending) => reachable.has(ending));
  });
}
