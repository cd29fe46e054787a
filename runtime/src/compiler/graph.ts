import { listStates, type StateSpec, type WorkflowSpec } from '../model/index.ts';

/** The workflow as a directed graph of state ids, for reachability checks. */
export interface StateGraph {
  edges: Map<string, Set<string>>;
  /** Top-level finals: reaching one ends the instance. */
  finals: Set<string>;
}

/** Targets a state can move to by itself (transitions, timers, branches, approval outcomes). */
export function outgoingTargets(state: StateSpec): string[] {
  switch (state.kind) {
    case 'final':
      return [];
    case 'decision':
      return state.branches.map((branch) => branch.target);
    case 'approval':
      return [
        ...state.on.map((t) => t.target),
        ...state.timers.flatMap((t) => (t.target ? [t.target] : [])),
        state.approval.onApproved,
        state.approval.onRejected,
      ];
    case 'parallel':
      return [...state.on.map((t) => t.target), ...state.timers.flatMap((t) => (t.target ? [t.target] : []))];
    default:
      return [...state.on.map((t) => t.target), ...state.timers.flatMap((t) => (t.target ? [t.target] : []))];
  }
}

export function buildGraph(spec: WorkflowSpec): StateGraph {
  const edges = new Map<string, Set<string>>();
  const finals = new Set<string>();
  const add = (from: string, to: string) => {
    let set = edges.get(from);
    if (!set) {
      set = new Set();
      edges.set(from, set);
    }
    set.add(to);
  };
  const byId = new Map(listStates(spec).map((located) => [located.state.id, located]));
  for (const { state, parent } of byId.values()) {
    for (const target of outgoingTargets(state)) add(state.id, target);
    if (state.kind === 'parallel') {
      for (const region of state.regions) add(state.id, region.initial);
    }
    if (state.kind === 'final') {
      if (!parent) finals.add(state.id);
      else {
        const parallel = byId.get(parent.stateId)?.state;
        if (parallel?.kind === 'parallel') add(state.id, parallel.onDone);
      }
    }
    if (state.kind === 'approval') {
      for (const from of state.approval.reapprovalFrom ?? [state.approval.onApproved]) add(from, state.id);
    }
    // A state nested in a parallel track can also leave through the own transitions and timers of every
    // enclosing parallel state; it cannot re-enter its track's initial state, so no edge goes to the
    // parallel state itself (that edge hid tracks stuck in a state without a way out).
    // Transitions from any state leave every state that does not end the instance.
    if (state.kind !== 'final' || parent) for (const t of spec.anyState ?? []) add(state.id, t.target);
    for (let up = parent; up; up = byId.get(up.stateId)?.parent) {
      const enclosing = byId.get(up.stateId)?.state;
      if (enclosing) for (const target of outgoingTargets(enclosing)) add(state.id, target);
    }
  }
  return { edges, finals };
}

/** All ids reachable from `start` following the graph's edges. */
export function reachableFrom(graph: StateGraph, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.edges.get(id) ?? []) stack.push(next);
  }
  return seen;
}

/** All ids from which one of `goals` can be reached. */
export function canReach(graph: StateGraph, goals: Iterable<string>): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of graph.edges) {
    for (const to of tos) {
      const list = reverse.get(to);
      if (list) list.push(from);
      else reverse.set(to, [from]);
    }
  }
  const seen = new Set<string>();
  const stack = [...goals];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const prev of reverse.get(id) ?? []) stack.push(prev);
  }
  return seen;
}
