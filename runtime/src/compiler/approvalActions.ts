import {
  type Actor,
  type ApprovalDecision,
  eligibleAs,
  emptyStep,
  isStepApproved,
  isStepRejected,
  type StepRecord,
  type StepRule,
  type StepStatus,
} from './approvalTally.ts';
import { getPath } from './contextPaths.ts';
import type { HireflowContext, HireflowEvent } from './hireflowEvent.ts';

type Approvals = NonNullable<HireflowContext['$approvals']>;
export interface StepRef {
  state: string;
  step: string;
}
export type RuleRef = StepRef & StepRule;
export interface WatchRef {
  state: string;
  watches: Record<string, string[]>;
}

export const stepRecord = (context: HireflowContext, ref: StepRef): StepRecord =>
  context.$approvals?.[ref.state]?.steps[ref.step] ?? emptyStep();

function withStep(
  context: HireflowContext,
  ref: StepRef,
  update: (record: StepRecord) => StepRecord,
): Approvals {
  const approvals = context.$approvals ?? {};
  const chain = approvals[ref.state] ?? { steps: {} };
  return {
    ...approvals,
    [ref.state]: { steps: { ...chain.steps, [ref.step]: update(stepRecord(context, ref)) } },
  };
}

const setStatus = (context: HireflowContext, ref: StepRef, status: StepStatus): Approvals =>
  withStep(context, ref, (record) => ({ ...record, status }));

/** Watched fields in the patch whose value differs from the context, per step that has already settled. */
export function changedWatches(context: HireflowContext, event: HireflowEvent, ref: WatchRef) {
  const patch = (event.payload?.patch ?? {}) as Record<string, unknown>;
  const changes: { step: string; field: string; before: unknown; after: unknown }[] = [];
  for (const [step, fields] of Object.entries(ref.watches)) {
    const status = stepRecord(context, { state: ref.state, step }).status;
    if (status !== 'approved' && status !== 'skipped') continue;
    for (const field of fields) {
      if (!(field in patch)) continue;
      const before = getPath(context, field);
      const after = patch[field];
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ step, field, before, after });
    }
  }
  return changes;
}

/** Guards of approval chains, by name. */
export const approvalGuards = {
  isSettled: (context: HireflowContext, ref: StepRef) => {
    const status = stepRecord(context, ref).status;
    return status === 'approved' || status === 'skipped';
  },
  isApproved: (context: HireflowContext, ref: RuleRef) => isStepApproved(ref, stepRecord(context, ref)),
  isRejected: (context: HireflowContext, ref: RuleRef) => isStepRejected(ref, stepRecord(context, ref)),
  canDecide: (context: HireflowContext, event: HireflowEvent, ref: RuleRef) => {
    if (!event.actor) return false;
    const payload = event.payload ?? {};
    if (payload.stepId !== undefined && payload.stepId !== ref.step) return false;
    if (event.type === 'APPROVAL.DECIDE' && payload.decision !== 'approve' && payload.decision !== 'reject')
      return false;
    if (
      event.type === 'APPROVAL.DELEGATE' &&
      (typeof payload.to !== 'string' || payload.to === event.actor.id)
    )
      return false;
    return eligibleAs(event.actor, ref, stepRecord(context, ref)) !== undefined;
  },
  watchedChanged: (context: HireflowContext, event: HireflowEvent, ref: WatchRef) =>
    changedWatches(context, event, ref).length > 0,
};

/** Context updates of approval chains, by name; each returns the new `$approvals`. */
export const approvalUpdates = {
  reset: (context: HireflowContext, ref: { state: string }): Approvals => ({
    ...(context.$approvals ?? {}),
    [ref.state]: { steps: {} },
  }),
  skip: (context: HireflowContext, ref: StepRef) => setStatus(context, ref, 'skipped'),
  approve: (context: HireflowContext, ref: StepRef) => setStatus(context, ref, 'approved'),
  reject: (context: HireflowContext, ref: StepRef) => setStatus(context, ref, 'rejected'),
  record: (context: HireflowContext, event: HireflowEvent, ref: RuleRef): Approvals =>
    withStep(context, ref, (record) => {
      const actor = event.actor as Actor;
      const behalf = eligibleAs(actor, ref, record);
      const decision: ApprovalDecision = {
        actorId: actor.id,
        role: actor.role,
        decision: event.payload?.decision === 'reject' ? 'reject' : 'approve',
        at: event.at ?? new Date().toISOString(),
        ...(behalf && behalf.id !== actor.id ? { onBehalfOf: behalf } : {}),
        ...(typeof event.payload?.comment === 'string' ? { comment: event.payload.comment } : {}),
      };
      return { ...record, decisions: [...record.decisions, decision] };
    }),
  delegate: (context: HireflowContext, event: HireflowEvent, ref: RuleRef): Approvals =>
    withStep(context, ref, (record) => {
      const from = eligibleAs(event.actor as Actor, ref, record) as Actor;
      return {
        ...record,
        delegations: [...record.delegations, { from, to: String(event.payload?.to), at: event.at ?? '' }],
      };
    }),
  reopen: (context: HireflowContext, event: HireflowEvent, ref: WatchRef): Approvals => {
    let next: HireflowContext = context;
    for (const change of changedWatches(context, event, ref)) {
      const stepRef = { state: ref.state, step: change.step };
      const approvals = withStep(next, stepRef, (record) => ({
        status: 'pending',
        decisions: [],
        delegations: [],
        reopened: [
          ...(record.status === 'pending' ? (record.reopened ?? []) : []),
          { field: change.field, before: change.before, after: change.after },
        ],
      }));
      next = { ...next, $approvals: approvals };
    }
    return next.$approvals ?? {};
  },
  override: (context: HireflowContext, ref: { state: string }): Approvals => {
    const chain = context.$approvals?.[ref.state] ?? { steps: {} };
    return {
      ...(context.$approvals ?? {}),
      [ref.state]: { steps: chain.steps, overridden: true } as Approvals[string],
    };
  },
};
