import type { StateValue } from 'xstate';
import type { HireflowContext } from '../compiler/index.ts';
import { type PersonalDataMode, presentNote, presentPersonal } from '../privacy/presentPersonal.ts';
import { holdsSealed, isSealedNote } from '../privacy/sealed.ts';
import { openVault, subjectRefOf } from '../privacy/subjectVault.ts';
import {
  type ApprovalTaskRow,
  getInstance,
  type HireflowDb,
  type InstanceFilter,
  type InstanceRow,
  listApprovalTasks,
  listInstances,
  listTimers,
} from '../store/index.ts';
import { leafStateIds } from './activeNodes.ts';
import { canSeeInstance, canSeeUnit, type EngineActor } from './actor.ts';
import { loadVersion } from './definitions.ts';
import { availableEvents } from './explain.ts';

/** An instance as the API and the designer show it. */
export interface InstanceView {
  id: string;
  workflowId: string;
  versionId: string;
  versionNumber: number;
  businessUnit: string;
  environment: string;
  subjectId: string | null;
  status: string;
  outcome?: string | undefined;
  state: StateValue;
  activeStates: string[];
  context: HireflowContext;
  revision: number;
  enteredAt: string;
  startedAt: string;
  updatedAt: string;
  owner?: unknown;
  overdue: boolean;
  timers: {
    delayName: string;
    label?: string | undefined;
    kind?: string | undefined;
    dueAt: string;
    status: string;
    deferredUntil?: string | undefined;
  }[];
  approvals: ApprovalTaskRow[];
  enabledEvents: string[];
  /** Personal values were replaced by "•••" for this reader (see docs/api.md, masking). */
  masked?: true;
  /** Some personal values were erased and read as "[erased]". */
  erased?: true;
  /** The view holds personal values in clear (the read is access-logged by the server). */
  personalData?: true;
}

/**
 * Builds the view of a row (no access check: callers check the business unit). Personal values are
 * masked unless the caller passes `reveal` for a reader whose role may see them.
 */
export function toInstanceView(
  db: HireflowDb,
  row: InstanceRow,
  now: number,
  personal: PersonalDataMode = 'mask',
): InstanceView {
  const loaded = loadVersion(db, row.versionId);
  const definition = loaded?.definition;
  const snapshot = row.snapshot as { value: StateValue; context: HireflowContext };
  const tasks = listApprovalTasks(db, { instanceId: row.id });
  const sealed = holdsSealed(snapshot.context) || tasks.some((t) => isSealedNote(t.comment));
  // Only rows with sealed values cost a key lookup; lists of instances without personal data do not.
  const vault = sealed ? openVault(db, subjectRefOf(row)) : undefined;
  const context = presentPersonal(snapshot.context, vault, personal);
  const allTimers = listTimers(db, row.id);
  const timers = allTimers.filter((t) => t.status === 'armed');
  const active = definition ? leafStateIds(definition, snapshot.value) : [];
  return {
    id: row.id,
    workflowId: row.workflowId,
    versionId: row.versionId,
    versionNumber: loaded?.version.number ?? 0,
    businessUnit: row.businessUnit,
    environment: row.environment,
    subjectId: row.subjectId,
    status: row.status,
    outcome:
      row.status === 'done' && definition
        ? active.map((id) => definition.meta.hireflow.outcomes[id]).find(Boolean)
        : undefined,
    state: snapshot.value,
    activeStates: active,
    context: context.value,
    revision: row.revision,
    enteredAt: new Date(row.enteredAt).toISOString(),
    startedAt: new Date(row.startedAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    owner: row.owner ?? undefined,
    // Overdue = an SLA rung of the current state has already fired (escalated) or is past due.
    overdue:
      timers.some((t) => t.dueAt <= now) ||
      allTimers.some(
        (t) =>
          t.status === 'fired' &&
          t.firedAt !== null &&
          t.firedAt > row.enteredAt &&
          definition?.meta.hireflow.timers[t.delayName]?.kind === 'sla',
      ),
    timers: timers.map((t) => ({
      delayName: t.delayName,
      label: definition?.meta.hireflow.timers[t.delayName]?.label,
      kind: definition?.meta.hireflow.timers[t.delayName]?.kind,
      dueAt: new Date(t.dueAt).toISOString(),
      status: t.status,
      deferredUntil: t.deferredUntil ? new Date(t.deferredUntil).toISOString() : undefined,
    })),
    approvals: tasks.map((t) => ({ ...t, comment: presentNote(t.comment, vault, personal) })),
    enabledEvents: definition && row.status === 'active' ? availableEvents(definition, snapshot.value) : [],
    ...(context.masked || (personal === 'mask' && tasks.some((t) => isSealedNote(t.comment)))
      ? { masked: true as const }
      : {}),
    ...(context.erased ? { erased: true as const } : {}),
    ...(sealed && personal === 'reveal' && !context.erased ? { personalData: true as const } : {}),
  };
}

/** The instance if the actor may see it (another unit's instance is "not found"). */
export function readInstance(
  db: HireflowDb,
  id: string,
  actor: EngineActor,
  now: number,
  personal: PersonalDataMode = 'mask',
): InstanceView | undefined {
  const row = getInstance(db, id);
  if (
    !row ||
    !canSeeInstance(
      actor,
      row.businessUnit,
      loadVersion(db, row.versionId)?.definition.meta.hireflow.confidential,
    )
  )
    return undefined;
  return toInstanceView(db, row, now, personal);
}

/** Instances the actor may see, filtered. */
export function readInstances(
  db: HireflowDb,
  actor: EngineActor,
  filter: InstanceFilter,
  now: number,
  personal: PersonalDataMode = 'mask',
): InstanceView[] {
  const scoped: InstanceFilter =
    actor.businessUnits === '*'
      ? filter
      : {
          ...filter,
          businessUnits: (filter.businessUnits ?? [...actor.businessUnits]).filter((u) =>
            canSeeUnit(actor, u),
          ),
        };
  return listInstances(db, scoped)
    .filter((row) =>
      canSeeInstance(
        actor,
        row.businessUnit,
        loadVersion(db, row.versionId)?.definition.meta.hireflow.confidential,
      ),
    )
    .map((row) => toInstanceView(db, row, now, personal));
}
