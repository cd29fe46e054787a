import {
  type ApprovalState,
  type ContextSchema,
  listStates,
  type StateSpec,
  type TransitionSpec,
  type WorkflowSpec,
} from '../model/index.ts';
import type {
  HireflowMeta,
  MachineDefinition,
  StateNodeJson,
  TransitionJson,
  TransitionMeta,
} from './definitionTypes.ts';
import { emitActions, targetOf, timerDelay } from './emitActions.ts';
import { emitApproval } from './emitApproval.ts';

const UPDATE_CONTEXT = 'UPDATE_CONTEXT';
const MERGE = { type: 'hireflow.mergeContext' };

/** Builds the context defaults from the schema's `default` values (nested by path). */
function defaultContext(schema: ContextSchema): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [path, field] of Object.entries(schema)) {
    if (field.default === undefined) continue;
    const parts = path.split('.');
    let node = context;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = field.default;
  }
  return context;
}

interface Emitter {
  spec: WorkflowSpec;
  approvalIds: Set<string>;
  /** Re-approval transitions to add to a state's UPDATE_CONTEXT, keyed by the state they start from. */
  reapproval: Map<string, TransitionJson[]>;
  meta: HireflowMeta;
}

function emitTransition(t: TransitionSpec, source: string, e: Emitter): TransitionJson {
  const actions = emitActions(t.actions);
  if (e.approvalIds.has(t.target) && t.target !== source) {
    actions.unshift({ type: 'hireflow.approval.reset', params: { state: t.target } });
  }
  const out: TransitionJson = { target: targetOf(t.target), actions };
  if (t.guard) out.guard = { type: 'hireflow.cel', params: { expr: t.guard } };
  // Re-entering the same state restarts its SLA timers (e.g. new activity on a stalled requisition).
  if (t.target === source) out.reenter = true;
  return out;
}

function transitionMeta(t: TransitionSpec): TransitionMeta {
  return {
    id: t.id,
    event: t.event,
    target: t.target,
    guard: t.guard ? { type: 'hireflow.cel', params: { expr: t.guard } } : undefined,
    requiresNote: t.requiresNote,
    allowedRoles: t.allowedRoles,
    flag: t.flag,
  };
}

function emitState(state: StateSpec, e: Emitter): StateNodeJson {
  const node: StateNodeJson = {
    id: state.id,
    meta: { kind: state.kind, label: state.label ?? state.id, owner: state.owner },
  };
  if (state.entry.length > 0) node.entry = emitActions(state.entry);
  if (state.exit.length > 0) node.exit = emitActions(state.exit);
  if (state.kind === 'final') {
    node.type = 'final';
    node.meta = { ...node.meta, outcome: state.outcome };
    e.meta.outcomes[state.id] = state.outcome;
    return node;
  }
  if (state.kind === 'decision') {
    node.always = state.branches.map((b) => {
      const branch: TransitionJson = { target: targetOf(b.target), actions: emitActions(b.actions) };
      if (b.guard) branch.guard = { type: 'hireflow.cel', params: { expr: b.guard } };
      if (e.approvalIds.has(b.target))
        branch.actions?.unshift({ type: 'hireflow.approval.reset', params: { state: b.target } });
      return branch;
    });
    return node;
  }
  const on: Record<string, TransitionJson[]> = {};
  const metas: TransitionMeta[] = [];
  const reapproval = e.reapproval.get(state.id);
  if (reapproval) on[UPDATE_CONTEXT] = [...reapproval];
  for (const t of state.on) {
    on[t.event] = [...(on[t.event] ?? []), emitTransition(t, state.id, e)];
    metas.push(transitionMeta(t));
  }
  if (state.timers.length > 0) {
    node.after = {};
    for (const timer of state.timers) {
      const delay = timerDelay(state.id, timer.id);
      const fired: TransitionJson = { actions: emitActions(timer.actions) };
      if (timer.target) {
        fired.target = targetOf(timer.target);
        if (timer.target === state.id) fired.reenter = true;
      }
      node.after[delay] = [fired];
      e.meta.timers[delay] = {
        stateId: state.id,
        timerId: timer.id,
        kind: timer.kind,
        after: timer.after,
        from: timer.from,
        label: timer.label,
      };
    }
  }
  if (state.kind === 'approval') emitApprovalInto(node, state, on, metas, e);
  if (state.kind === 'parallel') {
    node.type = 'parallel';
    node.states = {};
    for (const region of state.regions) {
      node.states[region.id] = {
        id: region.id,
        initial: region.initial,
        meta: { kind: 'region', label: region.label ?? region.id },
        states: Object.fromEntries(region.states.map((s) => [s.id, emitState(s, e)])),
      };
    }
    node.onDone = { target: targetOf(state.onDone) };
  }
  if (Object.keys(on).length > 0) node.on = on;
  e.meta.transitions[state.id] = metas;
  return node;
}

function emitApprovalInto(
  node: StateNodeJson,
  state: ApprovalState,
  on: Record<string, TransitionJson[]>,
  metas: TransitionMeta[],
  e: Emitter,
) {
  const approval = emitApproval(state);
  node.initial = approval.initial;
  node.states = approval.children;
  Object.assign(e.meta.timers, approval.timers);
  Object.assign(e.meta.transitions, approval.transitions);
  e.meta.approvals[state.id] = approval.meta;
  if (approval.override) {
    on['APPROVAL.OVERRIDE'] = [approval.override];
    metas.push({
      id: `${state.id}.override`,
      event: 'APPROVAL.OVERRIDE',
      target: state.approval.onApproved,
      requiresNote: true,
      allowedRoles: ['admin'],
    });
  }
}

/** Re-approval: a watched field changing in the chain or after it sends the instance back to the chain. */
function collectReapproval(spec: WorkflowSpec): Map<string, TransitionJson[]> {
  const out = new Map<string, TransitionJson[]>();
  for (const { state } of listStates(spec)) {
    if (state.kind !== 'approval') continue;
    const watches = Object.fromEntries(
      state.approval.steps.filter((s) => s.watches.length > 0).map((s) => [s.id, s.watches]),
    );
    if (Object.keys(watches).length === 0) continue;
    const params = { state: state.id, watches };
    const transition: TransitionJson = {
      target: targetOf(state.id),
      reenter: true,
      guard: { type: 'hireflow.approval.watchedChanged', params },
      actions: [{ type: 'hireflow.approval.reopen', params }, MERGE],
    };
    for (const from of [state.id, ...(state.approval.reapprovalFrom ?? [state.approval.onApproved])]) {
      out.set(from, [...(out.get(from) ?? []), transition]);
    }
  }
  return out;
}

/** Emits the JSON machine definition for a schema-valid, diagnostics-free spec. */
export function emitDefinition(spec: WorkflowSpec, hash: string): MachineDefinition {
  const meta: HireflowMeta = {
    workflowId: spec.id,
    name: spec.name,
    schemaVersion: spec.schemaVersion,
    hash,
    calendar: spec.calendar,
    suppressionWindows: spec.suppressionWindows,
    confidential: spec.confidential,
    contextSchema: spec.context,
    timers: {},
    transitions: {
      '': [{ id: 'update-context', event: UPDATE_CONTEXT, requiresNote: false, allowedRoles: [] }],
    },
    approvals: {},
    outcomes: {},
  };
  const approvalIds = new Set(
    listStates(spec).flatMap((l) => (l.state.kind === 'approval' ? [l.state.id] : [])),
  );
  const e: Emitter = { spec, approvalIds, reapproval: collectReapproval(spec), meta };
  const states = Object.fromEntries(spec.states.map((s) => [s.id, emitState(s, e)]));
  const on: Record<string, TransitionJson[]> = { [UPDATE_CONTEXT]: [{ actions: [MERGE] }] };
  // Transitions from any state live at the root: xstate tries them after the active states' own
  // transitions, and leaving the active state cancels its timers like any other transition.
  for (const t of spec.anyState ?? []) {
    on[t.event] = [...(on[t.event] ?? []), emitTransition(t, '', e)];
    meta.transitions['']?.push(transitionMeta(t));
  }
  return {
    id: spec.id,
    initial: spec.initial,
    context: defaultContext(spec.context),
    on,
    states,
    meta: { hireflow: meta },
  };
}
