import { checkGuard } from '../expr/index.ts';
import { type ActionSpec, listStates, type StateSpec, type WorkflowSpec } from '../model/index.ts';
import type { OutboundAllowList } from '../outbox/outboundPolicy.ts';
import { analyzeAnyState } from './analyzeAnyState.ts';
import type { Diagnostic } from './diagnostics.ts';
import { buildGraph, canReach, reachableFrom } from './graph.ts';
import { findShadowedTransitions } from './shadowing.ts';

/** Options for checks that need more than the spec itself. */
export interface AnalyzeOptions {
  /** The upstream (template or parent workflow) version a fork came from, to protect its locked states. */
  upstream?: WorkflowSpec | undefined;
  /** When given (publish on a server), webhook URLs are checked against the outbound policy. */
  outboundAllow?: OutboundAllowList | undefined;
}

/** Events the compiler emits itself; a drawn transition on them would be shadowed or shadow them. */
const RESERVED_EVENTS = new Set([
  'UPDATE_CONTEXT',
  'APPROVAL.DECIDE',
  'APPROVAL.DELEGATE',
  'APPROVAL.OVERRIDE',
]);

/** Diagnostic code and wording per kind of guard problem. */
const GUARD_CODES = { syntax: 'GUARD_SYNTAX', type: 'GUARD_TYPE', cost: 'GUARD_TOO_COSTLY' } as const;
const GUARD_LEADS = {
  syntax: 'The condition cannot be read',
  type: 'The condition does not fit the data',
  cost: 'The condition is too expensive',
} as const;

const label = (state: StateSpec) => `"${state.label ?? state.id}"`;

/** Runs every semantic check on a schema-valid spec. Pure; order of results follows the spec. */
export function analyze(spec: WorkflowSpec, options: AnalyzeOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const located = listStates(spec);
  // Lookups by id are sets: a 500-state spec has thousands of targets to check.
  const stateIds = new Set(located.map((l) => l.state.id));
  const topLevelIds = new Set(located.flatMap((l) => (l.parent ? [] : [l.state.id])));
  // Specs repeat the same conditions on many transitions; check each expression once.
  const guardChecks = new Map<string, ReturnType<typeof checkGuard>>();
  const ids = new Map<string, string>();
  const transitionIds = new Map<string, string>();
  const fields = spec.context;

  const claim = (map: Map<string, string>, id: string, path: string, what: string, stateId?: string) => {
    const first = map.get(id);
    if (first !== undefined) {
      out.push({
        path,
        severity: 'error',
        code: 'DUPLICATE_ID',
        message: `Two ${what} use the id "${id}" (first at ${first}); give each a different id.`,
        stateId,
      });
    } else map.set(id, path);
  };
  const checkTarget = (target: string, path: string, stateId: string, transitionId?: string) => {
    if (!stateIds.has(target)) {
      out.push({
        path,
        severity: 'error',
        code: 'UNKNOWN_TARGET',
        message: `This goes to "${target}", but there is no state with that id.`,
        stateId,
        transitionId,
      });
    }
  };
  const checkExpression = (expr: string, path: string, stateId?: string, transitionId?: string) => {
    let result = guardChecks.get(expr);
    if (!result) {
      result = checkGuard(expr, fields);
      guardChecks.set(expr, result);
    }
    if (result.ok) return;
    out.push({
      path,
      severity: 'error',
      code: GUARD_CODES[result.kind],
      message: `${GUARD_LEADS[result.kind]}: ${result.message}.`,
      stateId,
      transitionId,
      position: result.position,
    });
  };
  const checkField = (field: string, path: string, stateId?: string, type?: string) => {
    const known = fields[field];
    if (!known) {
      out.push({
        path,
        severity: 'error',
        code: 'UNKNOWN_FIELD',
        message: `"${field}" is not a field of this workflow's data; add it to the context schema first.`,
        stateId,
      });
    } else if (type && known.type !== type) {
      out.push({
        path,
        severity: 'error',
        code: 'UNKNOWN_FIELD',
        message: `"${field}" is a ${known.type} field, but a ${type} is needed here.`,
        stateId,
      });
    }
  };
  const checkActions = (actions: readonly ActionSpec[], path: string, stateId: string) => {
    actions.forEach((action, i) => {
      if (action.type === 'setField') checkField(action.field, `${path}[${i}].field`, stateId);
    });
  };

  for (const w of spec.suppressionWindows)
    if (w.when) checkExpression(w.when, `suppressionWindows.${w.id}.when`);
  if (!topLevelIds.has(spec.initial)) {
    out.push({
      path: 'initial',
      severity: 'error',
      code: 'UNKNOWN_INITIAL',
      message: `The workflow starts at "${spec.initial}", but there is no top-level state with that id.`,
    });
  }

  for (const { state, path } of located) {
    claim(ids, state.id, path, 'states', state.id);
    checkActions(state.entry, `${path}.entry`, state.id);
    checkActions(state.exit, `${path}.exit`, state.id);
    if (state.kind === 'final') continue;
    out.push(...findShadowedTransitions(state, path));
    if (state.kind === 'decision') {
      state.branches.forEach((branch, i) => {
        const at = `${path}.branches[${i}]`;
        claim(transitionIds, branch.id, at, 'transitions', state.id);
        checkTarget(branch.target, `${at}.target`, state.id, branch.id);
        if (branch.guard) checkExpression(branch.guard, `${at}.guard`, state.id, branch.id);
        checkActions(branch.actions, `${at}.actions`, state.id);
      });
      const otherwise = state.branches.filter((b) => !b.guard);
      if (otherwise.length > 1) {
        out.push({
          path: `${path}.branches`,
          severity: 'error',
          code: 'AMBIGUOUS_TRANSITION',
          message: `The decision ${label(state)} has ${otherwise.length} branches without a condition; keep one "otherwise" branch.`,
          stateId: state.id,
        });
      } else if (otherwise.length === 0) {
        out.push({
          path: `${path}.branches`,
          severity: 'warning',
          code: 'DECISION_WITHOUT_DEFAULT',
          message: `The decision ${label(state)} has no "otherwise" branch; an instance matching no condition would wait here.`,
          stateId: state.id,
        });
      }
      continue;
    }
    const unguardedByEvent = new Map<string, number>();
    state.on.forEach((t, i) => {
      const at = `${path}.on[${i}]`;
      if (RESERVED_EVENTS.has(t.event)) {
        out.push({
          path: `${at}.event`,
          severity: 'error',
          code: 'RESERVED_EVENT',
          message: `${t.event} is a built-in event of Hireflow (context updates and approvals); use another event name.`,
          stateId: state.id,
          transitionId: t.id,
        });
      }
      claim(transitionIds, t.id, at, 'transitions', state.id);
      checkTarget(t.target, `${at}.target`, state.id, t.id);
      if (t.guard) checkExpression(t.guard, `${at}.guard`, state.id, t.id);
      else {
        const count = (unguardedByEvent.get(t.event) ?? 0) + 1;
        unguardedByEvent.set(t.event, count);
        if (count === 2) {
          out.push({
            path: at,
            severity: 'error',
            code: 'AMBIGUOUS_TRANSITION',
            message: `${label(state)} has two transitions on ${t.event} without a condition; add a condition to one so it is clear which applies.`,
            stateId: state.id,
            transitionId: t.id,
          });
        }
      }
      checkActions(t.actions, `${at}.actions`, state.id);
    });
    const timerIds = new Map<string, string>();
    state.timers.forEach((timer, i) => {
      const at = `${path}.timers[${i}]`;
      claim(timerIds, timer.id, at, `timers of ${label(state)}`, state.id);
      if (timer.target) checkTarget(timer.target, `${at}.target`, state.id);
      if (!timer.target && timer.actions.length === 0) {
        out.push({
          path: at,
          severity: 'error',
          code: 'TIMER_WITHOUT_TARGET',
          message: `The timer "${timer.label ?? timer.id}" in ${label(state)} neither moves the instance nor notifies anyone; give it a target state or an action.`,
          stateId: state.id,
        });
      }
      if (timer.from) checkField(timer.from, `${at}.from`, state.id, 'timestamp');
      checkActions(timer.actions, `${at}.actions`, state.id);
    });
    if (state.kind === 'approval')
      analyzeApproval(state, path, out, { checkTarget, checkExpression, checkField, located });
    if (state.kind === 'parallel') {
      state.regions.forEach((region, r) => {
        claim(ids, region.id, `${path}.regions[${r}]`, 'states', state.id);
        if (!region.states.some((s) => s.id === region.initial)) {
          out.push({
            path: `${path}.regions[${r}].initial`,
            severity: 'error',
            code: 'UNKNOWN_INITIAL',
            message: `The track "${region.label ?? region.id}" starts at "${region.initial}", which is not one of its states.`,
            stateId: state.id,
          });
        }
        if (!region.states.some((s) => s.kind === 'final')) {
          out.push({
            path: `${path}.regions[${r}]`,
            severity: 'error',
            code: 'NO_PATH_TO_FINAL',
            message: `The track "${region.label ?? region.id}" has no final state, so ${label(state)} can never finish.`,
            stateId: state.id,
          });
        }
      });
      checkTarget(state.onDone, `${path}.onDone`, state.id);
    }
  }

  analyzeAnyState(spec, out, {
    claimTransitionId: (id, path) => claim(transitionIds, id, path, 'transitions'),
    checkTarget,
    checkExpression,
    reservedEvents: RESERVED_EVENTS,
  });
  analyzeReachability(spec, out);
  if (options.upstream) analyzeLockedStates(spec, options.upstream, out);
  return out;
}

interface ApprovalChecks {
  checkTarget: (target: string, path: string, stateId: string) => void;
  checkExpression: (expr: string, path: string, stateId?: string) => void;
  checkField: (field: string, path: string, stateId?: string) => void;
  located: ReturnType<typeof listStates>;
}

function analyzeApproval(
  state: Extract<StateSpec, { kind: 'approval' }>,
  path: string,
  out: Diagnostic[],
  c: ApprovalChecks,
) {
  const { approval } = state;
  c.checkTarget(approval.onApproved, `${path}.approval.onApproved`, state.id);
  c.checkTarget(approval.onRejected, `${path}.approval.onRejected`, state.id);
  const stepIds = new Set<string>();
  approval.steps.forEach((step, i) => {
    const at = `${path}.approval.steps[${i}]`;
    if (stepIds.has(step.id)) {
      out.push({
        path: at,
        severity: 'error',
        code: 'DUPLICATE_ID',
        message: `Two approval steps of ${label(state)} use the id "${step.id}".`,
        stateId: state.id,
      });
    }
    stepIds.add(step.id);
    if (step.approvers.length === 0) {
      out.push({
        path: `${at}.approvers`,
        severity: 'error',
        code: 'APPROVAL_WITHOUT_APPROVERS',
        message: `The approval step "${step.label ?? step.id}" has no approvers; add a role or a person.`,
        stateId: state.id,
      });
    }
    const onlyUsers = step.approvers.every((a) => 'user' in a);
    if (
      step.mode === 'quorum' &&
      step.quorum !== undefined &&
      onlyUsers &&
      step.quorum > step.approvers.length
    ) {
      out.push({
        path: `${at}.quorum`,
        severity: 'error',
        code: 'QUORUM_UNREACHABLE',
        message: `The step "${step.label ?? step.id}" needs ${step.quorum} approvals but lists only ${step.approvers.length} people.`,
        stateId: state.id,
      });
    }
    if (step.when) c.checkExpression(step.when, `${at}.when`, state.id);
    step.watches.forEach((field, w) => {
      c.checkField(field, `${at}.watches[${w}]`, state.id);
    });
  });
  if (approval.steps.length === 0) {
    out.push({
      path: `${path}.approval.steps`,
      severity: 'error',
      code: 'APPROVAL_WITHOUT_APPROVERS',
      message: `The approval ${label(state)} has no steps; add at least one step with approvers.`,
      stateId: state.id,
    });
  }
  (approval.reapprovalFrom ?? []).forEach((from, i) => {
    const target = c.located.find((l) => l.state.id === from)?.state;
    if (!target) c.checkTarget(from, `${path}.approval.reapprovalFrom[${i}]`, state.id);
    else if (target.kind === 'final') {
      out.push({
        path: `${path}.approval.reapprovalFrom[${i}]`,
        severity: 'warning',
        code: 'REAPPROVAL_FROM_FINAL',
        message: `"${from}" is a final state; changes after the instance ended cannot reopen approvals.`,
        stateId: state.id,
      });
    }
  });
}

function analyzeReachability(spec: WorkflowSpec, out: Diagnostic[]) {
  const graph = buildGraph(spec);
  const reachable = reachableFrom(graph, [spec.initial]);
  const finishing = canReach(graph, graph.finals);
  for (const { state, path } of listStates(spec)) {
    if (!reachable.has(state.id)) {
      out.push({
        path,
        severity: 'warning',
        code: 'UNREACHABLE_STATE',
        message: `No path leads to ${label(state)}; connect it or remove it.`,
        stateId: state.id,
      });
    } else if (state.kind !== 'final' && !finishing.has(state.id)) {
      out.push({
        path,
        severity: 'error',
        code: 'NO_PATH_TO_FINAL',
        message: `Once in ${label(state)}, an instance can never finish (hired, rejected, withdrawn…); add a way out.`,
        stateId: state.id,
      });
    }
  }
}

function analyzeLockedStates(spec: WorkflowSpec, upstream: WorkflowSpec, out: Diagnostic[]) {
  const present = new Set(listStates(spec).map((l) => l.state.id));
  for (const { state } of listStates(upstream)) {
    if (state.locked && !present.has(state.id)) {
      out.push({
        path: 'states',
        severity: 'error',
        code: 'LOCKED_STATE_REMOVED',
        message: `${label(state)} is a locked compliance step of "${upstream.name}" and cannot be removed from a fork.`,
        stateId: state.id,
      });
    }
  }
}
