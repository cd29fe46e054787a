import { type ApprovalTaskRow, type InstanceView, isSealedNote, MASK } from '../runtime.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * docs/api.md ApprovalTask, from the store's task row. A comment still sealed (a raw task row, as the
 * approvals inbox reads them) is masked; instance views hand over comments already presented.
 */
export function toApprovalTask(task: ApprovalTaskRow) {
  return {
    id: task.id,
    instanceId: task.instanceId,
    stateId: task.stateId,
    stepId: task.stepId,
    approver: task.approver,
    status: task.status,
    decidedBy: task.decidedBy,
    decision: task.decision,
    comment: isSealedNote(task.comment) ? MASK : task.comment,
    delegatedTo: task.delegatedTo,
    createdAt: iso(task.createdAt),
    decidedAt: iso(task.decidedAt),
  };
}

/** docs/api.md InstanceSummary, from the engine's view. */
export function toInstanceSummary(view: InstanceView) {
  return {
    id: view.id,
    workflowId: view.workflowId,
    version: view.versionNumber,
    subjectId: view.subjectId,
    businessUnit: view.businessUnit,
    state: view.activeStates,
    status: view.status === 'done' ? ('done' as const) : ('running' as const),
    ...(view.outcome === undefined ? {} : { outcome: view.outcome }),
    enteredAt: view.enteredAt,
    overdue: view.overdue,
    startedAt: view.startedAt,
  };
}

/** docs/api.md Instance: the summary plus context, timers, approvals and enabled events. */
export function toInstance(view: InstanceView) {
  return {
    ...toInstanceSummary(view),
    context: view.context as Record<string, unknown>,
    timers: view.timers,
    approvals: view.approvals.map(toApprovalTask),
    enabledEvents: view.enabledEvents,
    ...(view.masked ? { masked: true } : {}),
    ...(view.erased ? { erased: true } : {}),
  };
}
