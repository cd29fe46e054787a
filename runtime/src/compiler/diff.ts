import { type ApprovalStepSpec, listStates, type StateSpec, type WorkflowSpec } from '../model/index.ts';
import { canonicalJson } from './canonical.ts';

export type DiffChange = 'added' | 'removed' | 'changed';
export type DiffKind = 'workflow' | 'state' | 'transition' | 'guard' | 'timer' | 'approver';

/** One difference between two versions, with the ids the designer needs to color the canvas. */
export interface DiffEntry {
  kind: DiffKind;
  change: DiffChange;
  /** `stateId`, `transitionId`, `stateId/timerId` or `stateId/stepId`. */
  id: string;
  stateId?: string | undefined;
  transitionId?: string | undefined;
  before?: unknown;
  after?: unknown;
  summary: string;
}

export interface SpecDiff {
  entries: DiffEntry[];
  counts: Record<DiffChange, number>;
}

interface Edge {
  stateId: string;
  id: string;
  event?: string | undefined;
  target: string;
  guard?: string | undefined;
  rest: string;
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function edgesOf(state: StateSpec): Edge[] {
  if (state.kind === 'decision') {
    return state.branches.map(({ id, target, guard, ...rest }) => ({
      stateId: state.id,
      id,
      target,
      guard,
      rest: canonicalJson(rest),
    }));
  }
  if (state.kind === 'final') return [];
  return state.on.map(({ id, target, guard, event, ...rest }) => ({
    stateId: state.id,
    id,
    event,
    target,
    guard,
    rest: canonicalJson(rest),
  }));
}

function anyStateEdges(spec: WorkflowSpec): Edge[] {
  return (spec.anyState ?? []).map(({ id, target, guard, event, ...rest }) => ({
    stateId: '',
    id,
    event,
    target,
    guard,
    rest: canonicalJson(rest),
  }));
}

/** The state without what other entries already report (transitions, timers, steps, nested states, layout). */
function stateCore(state: StateSpec): unknown {
  const { position: _position, ...rest } = state as StateSpec & Record<string, unknown>;
  const core: Record<string, unknown> = { ...rest, on: undefined, branches: undefined, timers: undefined };
  if (state.kind === 'approval')
    core.approval = { ...state.approval, steps: state.approval.steps.map((s) => s.id) };
  if (state.kind === 'parallel')
    core.regions = state.regions.map((r) => ({ id: r.id, initial: r.initial, label: r.label }));
  return core;
}

function diffKeyed<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  push: (change: DiffChange, id: string, a: T | undefined, b: T | undefined) => void,
  equal: (a: T, b: T) => boolean = same,
) {
  for (const [id, a] of before) {
    const b = after.get(id);
    if (b === undefined) push('removed', id, a, undefined);
    else if (!equal(a, b)) push('changed', id, a, b);
  }
  for (const [id, b] of after) if (!before.has(id)) push('added', id, undefined, b);
}

/** Lists added / removed / changed states, transitions, guards, timers and approvers from `a` to `b`. */
export function diff(a: WorkflowSpec, b: WorkflowSpec): SpecDiff {
  const entries: DiffEntry[] = [];
  const statesA = new Map(listStates(a).map((l) => [l.state.id, l.state]));
  const statesB = new Map(listStates(b).map((l) => [l.state.id, l.state]));
  const meta = (s: WorkflowSpec) => ({ ...s, states: undefined, anyState: undefined, initial: s.initial });
  if (!same(meta(a), meta(b))) {
    entries.push({
      kind: 'workflow',
      change: 'changed',
      id: a.id,
      summary: 'Workflow settings changed (name, calendar, context, windows…)',
    });
  }
  diffKeyed(
    statesA,
    statesB,
    (change, id, x, y) => {
      entries.push({
        kind: 'state',
        change,
        id,
        stateId: id,
        before: x && stateCore(x),
        after: y && stateCore(y),
        summary: `State "${(y ?? x)?.label ?? id}" ${change}`,
      });
    },
    (x, y) => same(stateCore(x), stateCore(y)),
  );

  // Transitions from any state are edges of the workflow itself (stateId '').
  const edges = (spec: WorkflowSpec, states: Map<string, StateSpec>) =>
    new Map(
      [...states.values()]
        .flatMap(edgesOf)
        .concat(anyStateEdges(spec))
        .map((e) => [e.id, e]),
    );
  diffKeyed(edges(a, statesA), edges(b, statesB), (change, id, x, y) => {
    const edge = (y ?? x) as Edge;
    const base = { stateId: edge.stateId || undefined, transitionId: id };
    if (change === 'changed' && x && y && x.guard !== y.guard) {
      entries.push({
        kind: 'guard',
        change: x.guard === undefined ? 'added' : y.guard === undefined ? 'removed' : 'changed',
        id,
        ...base,
        before: x.guard,
        after: y.guard,
        summary: `Condition on ${edge.event ?? 'branch'} → ${edge.target} ${change}`,
      });
      if (x.target === y.target && x.rest === y.rest && x.event === y.event) return;
    }
    entries.push({
      kind: 'transition',
      change,
      id,
      ...base,
      before: x,
      after: y,
      summary: `Transition ${edge.event ?? 'branch'} from ${edge.stateId || 'any state'} to ${edge.target} ${change}`,
    });
  });

  const timers = (states: Map<string, StateSpec>) =>
    new Map(
      [...states.values()].flatMap((s) =>
        s.kind === 'final' || s.kind === 'decision'
          ? []
          : s.timers.map((t) => [`${s.id}/${t.id}`, { stateId: s.id, t }] as const),
      ),
    );
  diffKeyed(
    timers(statesA),
    timers(statesB),
    (change, id, x, y) => {
      const stateId = (y ?? x)?.stateId as string;
      entries.push({
        kind: 'timer',
        change,
        id,
        stateId,
        before: x?.t,
        after: y?.t,
        summary: `Timer "${(y ?? x)?.t.label ?? id}" ${change}`,
      });
    },
    (x, y) => same(x.t, y.t),
  );

  const steps = (states: Map<string, StateSpec>) =>
    new Map(
      [...states.values()].flatMap((s) =>
        s.kind === 'approval'
          ? s.approval.steps.map((st) => [`${s.id}/${st.id}`, { stateId: s.id, st }] as const)
          : [],
      ),
    );
  diffKeyed(
    steps(statesA),
    steps(statesB),
    (change, id, x, y) => {
      const step = (y ?? x)?.st as ApprovalStepSpec;
      entries.push({
        kind: 'approver',
        change,
        id,
        stateId: (y ?? x)?.stateId,
        before: x?.st,
        after: y?.st,
        summary: `Approval step "${step.label ?? step.id}" ${change}`,
      });
    },
    (x, y) => same(x.st, y.st),
  );

  const counts = { added: 0, removed: 0, changed: 0 };
  for (const entry of entries) counts[entry.change] += 1;
  return { entries, counts };
}
