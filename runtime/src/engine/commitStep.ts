import { type AuditKind, appendAuditEntry } from '../audit/index.ts';
import type { HireflowEvent, MachineDefinition } from '../compiler/index.ts';
import {
  armTimer,
  cancelTimer,
  enqueueEffect,
  type HireflowDb,
  type InstanceRow,
  type InstanceStateValue,
  type JsonObject,
  updateInstanceSnapshot,
} from '../store/index.ts';
import { auditActor, type EngineActor } from './actor.ts';
import { syncApprovalTasks } from './approvalTasks.ts';
import { redactPayload } from './contextPatch.ts';
import type { StepPlan } from './step.ts';

/** What a committed step answers. */
export interface StepSuccess {
  ok: true;
  instanceId: string;
  revision: number;
  from: string[];
  to: string[];
  status: 'active' | 'done';
  outcome?: string | undefined;
  auditSeq: number;
  flag?: string | undefined;
  replayed?: true;
}

/** The audit kind of an event. */
export function auditKindOf(type: string): AuditKind {
  if (type === 'xstate.init') return 'start';
  if (type.startsWith('xstate.after.')) return 'timer';
  if (type === 'APPROVAL.OVERRIDE') return 'override';
  if (type.startsWith('APPROVAL.')) return 'approval';
  return 'transition';
}

/** The event as recorded: type, payload with personal data redacted. */
export const recordedEvent = (
  definition: MachineDefinition,
  event: HireflowEvent,
  transitionId?: string,
  flag?: string,
) => ({
  type: event.type,
  payload: (redactPayload(event.payload, definition.meta.hireflow.contextSchema) ?? {}) as JsonObject,
  ...(transitionId ? { transition: transitionId } : {}),
  ...(flag ? { flag } : {}),
});

/**
 * Writes a planned step inside the caller's transaction: snapshot + revision (optimistic), timers to
 * arm and cancel, outbox effects, approval task projection and the audit entry. Returns null when
 * another writer moved the instance first (the caller's transaction is then rolled back).
 */
export function commitStep(
  db: HireflowDb,
  row: InstanceRow,
  definition: MachineDefinition,
  plan: StepPlan,
  event: HireflowEvent,
  actor: EngineActor,
  note: string | undefined,
  now: number,
): StepSuccess | null {
  const enteredAt = plan.stateChanged ? now : row.enteredAt;
  const ok = updateInstanceSnapshot(db, row.id, row.revision, {
    snapshot: plan.snapshot as unknown as JsonObject,
    stateValue: plan.snapshot.value as never,
    status: plan.status,
    owner: plan.owner ?? null,
    enteredAt,
    now,
  });
  if (!ok) return null;
  for (const sendId of plan.cancel) cancelTimer(db, row.id, sendId);
  // armTimer is an upsert on (instance, sendId): re-entering a state re-arms its timers in place.
  for (const timer of plan.arm) {
    armTimer(db, {
      instanceId: row.id,
      sendId: timer.sendId,
      delayName: timer.delayName,
      event: timer.event,
      dueAt: timer.dueAt,
    });
  }
  const revision = row.revision + 1;
  // A sandbox's effects are captured (recorded, never sent): no worker ever claims them.
  const effectStatus = row.environment.startsWith('sandbox:') ? 'captured' : 'pending';
  plan.effects.forEach((effect, index) => {
    enqueueEffect(db, {
      instanceId: row.id,
      effectKey: `${row.id}:${revision}:${index}`,
      type: effect.type,
      payload: effect.params as JsonObject,
      now,
      status: effectStatus,
    });
  });
  syncApprovalTasks(db, row.id, definition, plan, event, now);
  const entry = appendAuditEntry(db, {
    instanceId: row.id,
    workflowId: row.workflowId,
    versionId: row.versionId,
    at: new Date(now).toISOString(),
    actor: auditActor(actor),
    kind: auditKindOf(event.type),
    event: recordedEvent(definition, event, plan.transitionId, plan.flag),
    from: row.stateValue,
    to: plan.snapshot.value as InstanceStateValue,
    contextPatch: plan.contextPatch as JsonObject,
    note: note ?? null,
  });
  return {
    ok: true,
    instanceId: row.id,
    revision,
    from: plan.from,
    to: plan.to,
    status: plan.status,
    outcome: plan.outcome,
    auditSeq: entry.seq,
    flag: plan.flag,
  };
}
