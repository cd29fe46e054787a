import { type AuditKind, appendAuditEntry } from '../audit/index.ts';
import type { HireflowEvent, MachineDefinition } from '../compiler/index.ts';
import { sealContext, sealPayload } from '../privacy/protect.ts';
import { openVault, type SubjectVault, subjectRefOf } from '../privacy/subjectVault.ts';
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

/**
 * The event as recorded: type and payload with personal values sealed under the subject's key
 * (`pii` fields of a patch or start context, and every non-structural payload value).
 */
export const recordedEvent = (
  definition: MachineDefinition,
  event: HireflowEvent,
  vault: SubjectVault,
  transitionId?: string,
  flag?: string,
) => ({
  type: event.type,
  payload: sealPayload(event.payload, definition.meta.hireflow.contextSchema, vault) as JsonObject,
  ...(transitionId ? { transition: transitionId } : {}),
  ...(flag ? { flag } : {}),
});

/** The snapshot as stored: `pii` context fields and approval comments sealed. */
export const storedSnapshot = (
  definition: MachineDefinition,
  snapshot: StepPlan['snapshot'],
  vault: SubjectVault,
) =>
  ({
    ...snapshot,
    context: sealContext(snapshot.context, definition.meta.hireflow.contextSchema, vault),
  }) as unknown as JsonObject;

/** The event the approval-task projection sees: its free-text comment sealed like a note. */
const taskEvent = (event: HireflowEvent, vault: SubjectVault): HireflowEvent =>
  typeof event.payload?.comment === 'string'
    ? { ...event, payload: { ...event.payload, comment: vault.sealNote(event.payload.comment) } }
    : event;

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
  // Personal values are written only sealed under the subject's key, so erasure is deleting the key.
  vault: SubjectVault = openVault(db, subjectRefOf(row), { create: { now } }),
): StepSuccess | null {
  const enteredAt = plan.stateChanged ? now : row.enteredAt;
  const ok = updateInstanceSnapshot(db, row.id, row.revision, {
    snapshot: storedSnapshot(definition, plan.snapshot, vault),
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
  syncApprovalTasks(db, row.id, definition, plan, taskEvent(event, vault), now);
  const entry = appendAuditEntry(db, {
    instanceId: row.id,
    workflowId: row.workflowId,
    versionId: row.versionId,
    at: new Date(now).toISOString(),
    actor: auditActor(actor),
    kind: auditKindOf(event.type),
    event: recordedEvent(definition, event, vault, plan.transitionId, plan.flag),
    from: row.stateValue,
    to: plan.snapshot.value as InstanceStateValue,
    contextPatch: plan.contextPatch as JsonObject,
    note: note === undefined ? null : vault.sealNote(note),
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
