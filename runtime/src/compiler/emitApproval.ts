import type { ApprovalState } from '../model/index.ts';
import type {
  ApprovalMeta,
  StateNodeJson,
  TimerMeta,
  TransitionJson,
  TransitionMeta,
} from './definitionTypes.ts';
import { emitActions, stepNodeId, stepTimeoutDelay, targetOf } from './emitActions.ts';

/** Everything an approval state adds to the definition. */
export interface EmittedApproval {
  children: Record<string, StateNodeJson>;
  initial: string;
  override?: TransitionJson | undefined;
  meta: ApprovalMeta;
  timers: Record<string, TimerMeta>;
  transitions: Record<string, TransitionMeta[]>;
}

/**
 * An approval chain becomes one child per step. Each step's `always` skips it (condition false or
 * already approved), moves on when the tally is met, or leaves to the reject target; decisions and
 * delegations are accepted on the current step only from eligible approvers.
 */
export function emitApproval(state: ApprovalState): EmittedApproval {
  const { approval } = state;
  const children: Record<string, StateNodeJson> = {};
  const timers: Record<string, TimerMeta> = {};
  const transitions: Record<string, TransitionMeta[]> = {};
  approval.steps.forEach((step, index) => {
    const next = approval.steps[index + 1];
    const nextTarget = next ? targetOf(stepNodeId(state.id, next.id)) : targetOf(approval.onApproved);
    const ref = { state: state.id, step: step.id };
    const rule = { ...ref, approvers: step.approvers, mode: step.mode, quorum: step.quorum };
    const always: TransitionJson[] = [
      { target: nextTarget, guard: { type: 'hireflow.approval.isSettled', params: ref } },
    ];
    if (step.when) {
      always.push({
        target: nextTarget,
        guard: { type: 'hireflow.cel', params: { expr: step.when, negate: true } },
        actions: [{ type: 'hireflow.approval.skip', params: ref }],
      });
    }
    always.push(
      {
        target: targetOf(approval.onRejected),
        guard: { type: 'hireflow.approval.isRejected', params: rule },
        actions: [{ type: 'hireflow.approval.reject', params: ref }],
      },
      {
        target: nextTarget,
        guard: { type: 'hireflow.approval.isApproved', params: rule },
        actions: [{ type: 'hireflow.approval.approve', params: ref }],
      },
    );
    const nodeId = stepNodeId(state.id, step.id);
    const on: Record<string, TransitionJson[]> = {
      'APPROVAL.DECIDE': [
        {
          guard: { type: 'hireflow.approval.canDecide', params: rule },
          actions: [{ type: 'hireflow.approval.record', params: rule }],
        },
      ],
    };
    const stepTransitions: TransitionMeta[] = [
      {
        id: `${step.id}.decide`,
        event: 'APPROVAL.DECIDE',
        guard: { type: 'hireflow.approval.canDecide', params: rule },
        requiresNote: false,
        allowedRoles: [],
      },
    ];
    if (approval.allowDelegation) {
      on['APPROVAL.DELEGATE'] = [
        {
          guard: { type: 'hireflow.approval.canDecide', params: rule },
          actions: [{ type: 'hireflow.approval.delegate', params: rule }],
        },
      ];
      stepTransitions.push({
        id: `${step.id}.delegate`,
        event: 'APPROVAL.DELEGATE',
        guard: { type: 'hireflow.approval.canDecide', params: rule },
        requiresNote: false,
        allowedRoles: [],
      });
    }
    const node: StateNodeJson = {
      id: nodeId,
      always,
      on,
      meta: { kind: 'approvalStep', label: step.label ?? step.id },
    };
    if (step.timeout) {
      const delay = stepTimeoutDelay(state.id, step.id);
      node.after = { [delay]: [{ actions: emitActions(step.timeout.actions) }] };
      timers[delay] = {
        stateId: nodeId,
        timerId: `${step.id}:timeout`,
        kind: 'sla',
        after: step.timeout.after,
        label: `${step.label ?? step.id} timeout`,
      };
    }
    children[step.id] = node;
    transitions[nodeId] = stepTransitions;
  });
  const override = approval.allowOverride
    ? {
        target: targetOf(approval.onApproved),
        actions: [{ type: 'hireflow.approval.override', params: { state: state.id } }],
      }
    : undefined;
  return {
    children,
    initial: approval.steps[0]?.id ?? '',
    override,
    timers,
    transitions,
    meta: {
      steps: approval.steps.map((s) => ({
        id: s.id,
        label: s.label,
        approvers: s.approvers,
        mode: s.mode,
        quorum: s.quorum,
        watches: s.watches,
      })),
      onApproved: approval.onApproved,
      onRejected: approval.onRejected,
      allowDelegation: approval.allowDelegation,
      allowOverride: approval.allowOverride,
    },
  };
}
