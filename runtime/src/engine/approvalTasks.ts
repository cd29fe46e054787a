import { type HireflowEvent, type MachineDefinition, stepRecord } from '../compiler/index.ts';
import type { Recipient } from '../model/index.ts';
import {
  type ApprovalTaskRow,
  cancelApprovalTasks,
  createApprovalTask,
  decideApprovalTask,
  type HireflowDb,
  listApprovalTasks,
} from '../store/index.ts';
import type { StepPlan } from './step.ts';

const sameApprover = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The open task a decision or delegation closes: the actor's own, else their role's, else a delegated one. */
function taskOf(tasks: ApprovalTaskRow[], event: HireflowEvent): ApprovalTaskRow | undefined {
  const actor = event.actor;
  if (!actor) return undefined;
  return (
    tasks.find((t) => sameApprover(t.approver, { user: actor.id })) ??
    tasks.find((t) => sameApprover(t.approver, { role: actor.role }))
  );
}

/**
 * Keeps the approval_tasks table (approvers' inboxes) in line with the machine: the deciding actor's
 * task is closed with the decision, one open task per approver entry (and delegate) of the current
 * step, and open tasks of steps the instance left are canceled. `$approvals` stays the source of truth.
 */
export function syncApprovalTasks(
  db: HireflowDb,
  instanceId: string,
  definition: MachineDefinition,
  plan: StepPlan,
  event: HireflowEvent,
  now: number,
): void {
  const approvals = definition.meta.hireflow.approvals;
  // Most steps never touch an approval chain: skip the task queries entirely (hot path).
  const touchesApproval = [...plan.from, ...plan.to].some((id) => id.includes(':'));
  if (!touchesApproval) return;
  let open = listApprovalTasks(db, { instanceId, status: 'open' });
  if (event.type === 'APPROVAL.DECIDE' || event.type === 'APPROVAL.DELEGATE') {
    const stepTasks = open.filter((t) => plan.from.includes(`${t.stateId}:${t.stepId}`));
    const task = taskOf(stepTasks, event);
    if (task) {
      const delegate = event.type === 'APPROVAL.DELEGATE';
      decideApprovalTask(db, task.id, {
        decision: delegate ? 'delegate' : event.payload?.decision === 'reject' ? 'reject' : 'approve',
        decidedBy: event.actor?.id ?? 'unknown',
        comment: typeof event.payload?.comment === 'string' ? event.payload.comment : null,
        delegatedTo: delegate ? String(event.payload?.to) : null,
        now,
      });
      open = open.filter((t) => t.id !== task.id);
    }
  }
  const current = new Set(plan.to.filter((id) => id.includes(':')));
  const left = new Set(
    open.filter((t) => !current.has(`${t.stateId}:${t.stepId}`)).map((t) => `${t.stateId}:${t.stepId}`),
  );
  for (const nodeId of left) {
    const [stateId, stepId] = nodeId.split(':') as [string, string];
    cancelApprovalTasks(db, { instanceId, stateId, stepId, now });
  }
  const stillOpen = listApprovalTasks(db, { instanceId, status: 'open' });
  for (const nodeId of current) {
    const [stateId, stepId] = nodeId.split(':') as [string, string];
    const step = approvals[stateId]?.steps.find((s) => s.id === stepId);
    if (!step) continue;
    const record = stepRecord(plan.snapshot.context, { state: stateId, step: stepId });
    const handled = (approver: Recipient) => {
      const byEntry = (who: { id: string; role: string }) =>
        'user' in approver ? who.id === approver.user : who.role === approver.role;
      if (record.delegations.some((d) => byEntry(d.from))) return 'user' in approver;
      const decided = record.decisions.some((d) => byEntry(d.onBehalfOf ?? { id: d.actorId, role: d.role }));
      // A role task stays open for the role's other members unless each entry needs only one decision.
      return decided && ('user' in approver || step.mode === 'all');
    };
    const delegates = record.delegations
      .filter((d) => !record.decisions.some((x) => x.actorId === d.to))
      .map((d) => ({ user: d.to }));
    for (const approver of [...step.approvers.filter((a) => !handled(a)), ...delegates]) {
      const exists = stillOpen.some(
        (t) => t.stateId === stateId && t.stepId === stepId && sameApprover(t.approver, approver),
      );
      if (!exists) createApprovalTask(db, { instanceId, stateId, stepId, approver, now });
    }
  }
}
